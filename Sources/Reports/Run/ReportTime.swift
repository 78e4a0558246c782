import SimulationKernel

/// How the reports of a run name an instant: calendar time (UTC) when the scenario sets
/// `start`, time since the start otherwise.
struct ReportTime: Sendable {
  /// Unix seconds of simulated time zero, if the scenario set `start`.
  var startEpochSeconds: Int64?

  /// The calendar date `seconds` after the start (whole seconds, rounded down).
  func date(_ seconds: Double) -> UTCDateTime? {
    guard let start = startEpochSeconds, seconds.isFinite else { return nil }
    return UTCDateTime(unixSeconds: start + Int64(seconds.rounded(.down)))
  }

  /// RFC 3339 UTC, `2026-11-27T06:02:00Z`; `nil` without `start`.
  func iso(_ seconds: Double) -> String? {
    date(seconds)?.rfc3339
  }

  /// `Fri 27 Nov 06:02 UTC` with `start`, `1 h 05 min after the start` without.
  func label(_ seconds: Double, withSeconds: Bool = false) -> String {
    if let d = date(seconds) { return d.dayLabel + " " + d.timeLabel(withSeconds: withSeconds) + " UTC" }
    return seconds == 0 ? "at the start" : NumberFormat.duration(seconds: seconds) + " after the start"
  }

  /// `Thu 26 Nov 2026 00:00` (no zone).
  func longLabel(_ seconds: Double) -> String? {
    guard let d = date(seconds) else { return nil }
    return d.dayLabel + " \(d.year) " + d.timeLabel()
  }

  /// The chart axis for this run.
  var chartAxis: ChartXAxis {
    startEpochSeconds.map { .calendar(startEpochSeconds: $0) } ?? .elapsed
  }
}
