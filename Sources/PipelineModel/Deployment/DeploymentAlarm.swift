import SimulationKernel

/// `deployments[].alarms[]`: a CloudWatch alarm on the deployment group (aws-behaviour.md §6
/// "Alarm-triggered automatic rollback", §10 "Alarm timing"). The alarm looks at the last
/// `evaluationPeriods` datapoints of `period` each and goes to ALARM when
/// `datapointsToAlarm` of them are above `threshold` ("M out of N").
public struct DeploymentAlarm: Sendable, Equatable {
  /// The metric an alarm watches.
  public enum Metric: String, Sendable, CaseIterable {
    /// Lambda `Errors`: invocations that threw or timed out, by the minute they started.
    case errors
    /// Lambda `Throttles`: invoke requests refused (429).
    case throttles
    /// Lambda `Duration`, 99th percentile, in seconds.
    case durationP99 = "duration_p99"
    /// SQS `ApproximateNumberOfMessagesVisible` of the DLQ.
    case dlqVisible = "dlq_visible"
    /// SQS `ApproximateAgeOfOldestMessage` of the source queue, in seconds.
    case oldestAge = "oldest_age"
  }

  public var metric: Metric
  /// Errors and throttles: a count per period; duration_p99 and oldest_age: seconds;
  /// dlq_visible: messages.
  public var threshold: Double
  /// Whole minutes (CloudWatch evaluates each minute for periods of a minute or more, §10).
  public var period: SimDuration = .minutes(1)
  public var evaluationPeriods: Int = 1
  public var datapointsToAlarm: Int = 1

  public init(
    metric: Metric, threshold: Double, period: SimDuration = .minutes(1), evaluationPeriods: Int = 1,
    datapointsToAlarm: Int = 1
  ) {
    self.metric = metric
    self.threshold = threshold
    self.period = period
    self.evaluationPeriods = evaluationPeriods
    self.datapointsToAlarm = datapointsToAlarm
  }

  /// §10 "Alarm timing": Lambda metrics are published per minute, ≈ 1–2 min late. The alarm
  /// sees a minute's datapoint this long after the minute ends.
  public static let metricDelay = SimDuration.minutes(1)
}
