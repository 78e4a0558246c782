import SimulationKernel

/// The one-minute datapoints CloudWatch holds for the deployment group's alarms
/// (aws-behaviour.md §10 "Alarm timing": Lambda metrics are published per minute), and the
/// "M out of N" evaluation of an alarm on them.
///
/// A minute's errors and throttles are what the function counted during it (stamped when the
/// invocation ended, which for invocations of milliseconds to seconds is the minute it
/// started, as Lambda stamps them); DLQ visible and oldest age are read at the minute's end;
/// the duration p99 is over the invocations that ended in the minute.
struct CloudWatchDatapoints: Sendable {
  /// One minute's values, by ``DeploymentAlarm/Metric``.
  struct Minute: Sendable {
    var errors = 0.0
    var throttles = 0.0
    var durationP99 = 0.0
    var dlqVisible = 0.0
    var oldestAge = 0.0

    subscript(metric: DeploymentAlarm.Metric) -> Double {
      switch metric {
      case .errors: errors
      case .throttles: throttles
      case .durationP99: durationP99
      case .dlqVisible: dlqVisible
      case .oldestAge: oldestAge
      }
    }
  }

  /// What the components read at a minute's end: running totals and gauges.
  struct Reading: Sendable {
    var errorsTotal: Double
    var throttlesTotal: Double
    var dlqVisible: Int
    var oldestAge: SimDuration
  }

  private(set) var minutes: [Minute] = []
  private var lastErrors = 0.0
  private var lastThrottles = 0.0
  /// Durations (s) of the invocations that ended in the current minute, when an alarm watches
  /// duration_p99 (the buffer keeps its capacity: no allocation per invocation).
  var durations: ContiguousArray<Double> = []
  let watchesDuration: Bool

  init(watchesDuration: Bool) {
    self.watchesDuration = watchesDuration
    if watchesDuration { durations.reserveCapacity(4_096) }
  }

  /// Closes the minute that just ended.
  mutating func close(_ reading: Reading) {
    var m = Minute()
    m.errors = reading.errorsTotal - lastErrors
    m.throttles = reading.throttlesTotal - lastThrottles
    lastErrors = reading.errorsTotal
    lastThrottles = reading.throttlesTotal
    m.dlqVisible = Double(reading.dlqVisible)
    m.oldestAge = reading.oldestAge.seconds
    if watchesDuration && !durations.isEmpty {
      durations.sort()
      let index = min(durations.count - 1, Int((Double(durations.count) * 0.99).rounded(.up)) - 1)
      m.durationP99 = durations[max(0, index)]
      durations.removeAll(keepingCapacity: true)
    }
    minutes.append(m)
  }

  /// Whether `alarm` is in ALARM at `now`: of its last `evaluationPeriods` periods whose data
  /// has arrived (``DeploymentAlarm/metricDelay`` after they end), at least `datapointsToAlarm`
  /// are above the threshold. Counts sum over a period; gauges take its maximum (CloudWatch's
  /// `Sum` and `Maximum` statistics). Periods before the run are missing, not breaching.
  func inAlarm(_ alarm: DeploymentAlarm, now: SimTime) -> Bool {
    let minute = SimDuration.minutes(1).nanoseconds
    let arrived = Int((now - DeploymentAlarm.metricDelay).nanoseconds / minute)
    let available = min(arrived, minutes.count)
    let k = Int(alarm.period.nanoseconds / minute)
    guard k > 0, available >= k else { return false }
    let lastPeriod = available / k - 1
    var breaching = 0
    for j in max(0, lastPeriod - alarm.evaluationPeriods + 1)...lastPeriod {
      var value = 0.0
      for m in (j * k)..<((j + 1) * k) {
        let x = minutes[m][alarm.metric]
        switch alarm.metric {
        case .errors, .throttles: value += x
        case .durationP99, .dlqVisible, .oldestAge: value = max(value, x)
        }
      }
      if value > alarm.threshold { breaching += 1 }
    }
    return breaching >= alarm.datapointsToAlarm
  }
}
