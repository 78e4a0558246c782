import SimulationKernel

/// `queue`: the SQS standard queue and its DLQ (aws-behaviour.md §1).
public struct QueueConfiguration: Sendable {
  /// §1 "Visibility timeout – default and range": 30 s, 0 – 12 h.
  public var visibilityTimeout: SimDuration = .seconds(30)
  /// §1 "Redrive policy maxReceiveCount": 1 – 1,000; `nil` = no redrive policy, no DLQ.
  public var maxReceiveCount: Int? = 10
  /// §1 "Message retention period": 4 days default, 60 s – 14 days.
  public var retention: SimDuration = .days(4)
  /// §1 "DLQ message timestamp / retention": counted from the original send.
  public var dlqRetention: SimDuration = .days(14)
  /// §1 "Maximum message size": 1 MiB, 256 KiB before the 2025 change (a scenario's `start`
  /// picks it: ``DateRules/maxMessageSize(at:)``).
  public var maxMessageSize: Int = 1_048_576
  /// §1 "In-flight messages (standard)": ≈120,000.
  public var inFlightLimit: Int = 120_000
  /// §1 "Delivery semantics": probability that a receive hands out an extra copy.
  public var duplicateDelivery: Double = 0
  /// §1 "Delay": `DelaySeconds` 0 – 900 s, default 0; a sent message is not visible until then.
  public var delay: SimDuration = .zero
  /// §1 "Long polling": `ReceiveMessageWaitTimeSeconds` 0 – 20 s, default 0. Recorded only: the
  /// event source mapping long-polls (20 s) whatever the queue says, so nothing simulated uses it.
  public var receiveWaitTime: SimDuration = .zero

  public init() {}
}
