/// `event_source.provisioned_mode`: SQS event source mapping provisioned mode (aws-behaviour.md
/// §2 "Provisioned mode for SQS ESM", §10 "SQS ESM provisioned mode"; GA 14 Nov 2025): a fleet
/// of dedicated event pollers between a minimum, always ready, and a maximum.
public struct ProvisionedPollerConfiguration: Sendable, Equatable {
  /// `MinimumPollers` for SQS: 2 – 200, default 2.
  public var minimumPollers: Int = 2
  /// `MaximumPollers` for SQS: 2 – 10,000, default 200.
  public var maximumPollers: Int = 200

  /// The ranges AWS accepts for SQS (API `ProvisionedPollerConfig`, SQS text).
  public static let minimumRange = 2...200
  public static let maximumRange = 2...10_000

  public init(minimumPollers: Int = 2, maximumPollers: Int = 200) {
    self.minimumPollers = minimumPollers
    self.maximumPollers = maximumPollers
  }
}
