/// What the x values of an ``SVGLineChart`` mean, which decides its ticks and labels.
public enum ChartXAxis: Sendable, Equatable {
  /// Seconds from the run's start, labelled `0`, `30m`, `1h30m`, `2d6h`.
  case elapsed
  /// Seconds from `startEpochSeconds` (Unix time), labelled in calendar time: `18:00` with the
  /// day (`Thu 26 Nov`) under each midnight and under the first tick. Times are shown at
  /// `utcOffsetSeconds` from UTC (0: UTC) and the axis title names the zone.
  case calendar(startEpochSeconds: Int64, utcOffsetSeconds: Int = 0)
  /// Plain numbers (a swept parameter), with 1/2/5×10^k ticks.
  case numeric(title: String)
}
