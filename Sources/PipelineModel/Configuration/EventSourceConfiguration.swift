import SimulationKernel

/// `event_source`: the Lambda SQS event source mapping (aws-behaviour.md §2).
public struct EventSourceConfiguration: Sendable {
  /// §2 "BatchSize": default 10, max 10,000 for standard queues.
  public var batchSize: Int = 10
  /// §2 "MaximumBatchingWindowInSeconds": 0 – 300 s, default 0.
  public var batchingWindow: SimDuration = .zero
  /// §2 "ScalingConfig.MaximumConcurrency": 2 – 1,000; `nil` = not set.
  public var maximumConcurrency: Int?
  public var scaling: ScalingMode = .aws2023
  /// §2 "Provisioned mode for SQS ESM": dedicated event pollers; `nil` = standard scaling
  /// (`scaling`). Mutually exclusive with `maximumConcurrency`.
  public var provisionedMode: ProvisionedPollerConfiguration?
  /// §2 "Partial batch response": `ReportBatchItemFailures`.
  public var reportBatchItemFailures: Bool = true

  public init() {}

  /// How fast and how far the poller fleet grows (§2 "Initial concurrency", "Scale-up rate",
  /// "Maximum concurrency of one ESM").
  public enum ScalingMode: String, Sendable, CaseIterable {
    /// 5 concurrent batches, up to +300 per minute, at most 1,250 (Nov 2023 onwards).
    case aws2023
    /// 5 concurrent batches, up to +60 per minute, at most 1,000 (before Nov 2023).
    case aws2019
    /// At the ceiling at once: for validation against queueing theory.
    case instant

    public var initialConcurrency: Int { 5 }
    public var scaleUpPerMinute: Double {
      switch self {
      case .aws2023: 300
      case .aws2019: 60
      case .instant: .infinity
      }
    }
    public var ceiling: Int {
      switch self {
      case .aws2023, .instant: 1_250
      case .aws2019: 1_000
      }
    }
  }
}
