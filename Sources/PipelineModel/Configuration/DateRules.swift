/// Rules AWS changed on a known date, chosen by the scenario's `start` (aws-behaviour.md §1,
/// §2, §3). A scenario without `start` gets today's rules.
///
/// Settings that follow the date (`event_source.scaling`, `queue.max_message_size`) take their
/// date's value only where nothing sets them: ``applyDefaults(to:isSet:)`` runs after a scenario
/// is read, so `summary.json` shows the chosen value with source `default`. The Lambda scaling
/// rule (``lambdaScaling(at:)``) is not a setting: it follows `start` alone.
public enum DateRules {
  /// 27 Nov 2023 00:00 UTC: Lambda's per-function scaling (§3 "Scaling rate – since 26/27 Nov
  /// 2023") and the SQS event source mapping's +300/min scale-up (§2 "Scale-up rate", AWS
  /// Compute Blog, November 2023; its exact day is not captured, §9, so the Lambda date, of the
  /// same re:Invent week, stands for both).
  public static let scalingChange: Int64 = 1_701_043_200
  /// 4 Aug 2025 00:00 UTC: SQS's maximum message size raised from 256 KiB to 1 MiB (§1 "Maximum
  /// message size", AWS What's New "Amazon SQS increases maximum message payload size to 1 MiB",
  /// August 2025; the day is the announcement's, §9 marks it as not confirmed from AWS text).
  public static let sqsOneMiB: Int64 = 1_754_265_600

  /// §1 "Maximum message size": 256 KiB before the change, 1 MiB from it.
  public static func maxMessageSize(at epochSeconds: Int64?) -> Int {
    guard let t = epochSeconds, t < sqsOneMiB else { return 1_048_576 }
    return 262_144
  }

  /// §2 "Scale-up rate": `aws2019` (+60/min, 1,000) before Nov 2023, `aws2023` from then.
  public static func eventSourceScaling(at epochSeconds: Int64?) -> EventSourceConfiguration.ScalingMode {
    guard let t = epochSeconds, t < scalingChange else { return .aws2023 }
    return .aws2019
  }

  /// How many new execution environments Lambda may add at once and per second after that.
  public struct LambdaScaling: Sendable, Equatable {
    public var burst: Double
    public var refillPerSecond: Double
    /// §3 "Scaling rate – since 26/27 Nov 2023": 1,000 every 10 s per function.
    public static let perFunction = LambdaScaling(burst: 1_000, refillPerSecond: 100)
    /// §3 "Scaling rate – before Nov 2023": a burst of 3,000 (us-east-1, the Region of the
    /// price table) then +500 per minute.
    public static let accountBurst = LambdaScaling(burst: 3_000, refillPerSecond: 500.0 / 60)
  }

  /// §3 "Scaling rate": the rule in force at `epochSeconds`.
  public static func lambdaScaling(at epochSeconds: Int64?) -> LambdaScaling {
    guard let t = epochSeconds, t < scalingChange else { return .perFunction }
    return .accountBurst
  }

  /// Sets the date's value of every date-dependent setting that `isSet` says nothing set.
  public static func applyDefaults(to configuration: inout PipelineConfiguration, isSet: (String) -> Bool) {
    let start = configuration.startEpochSeconds
    if !isSet("event_source.scaling") { configuration.eventSource.scaling = eventSourceScaling(at: start) }
    if !isSet("queue.max_message_size") { configuration.queue.maxMessageSize = maxMessageSize(at: start) }
  }
}
