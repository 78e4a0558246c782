import Randomness

/// `delivery.notify`: the SNS e-mail sent when a build fails (§6 "SNS e-mail subscription").
public struct DeliveryNotifyConfiguration: Sendable, Equatable {
  public var onFailure = true
  /// From the failure to the e-mail in the inbox (seconds).
  public var delay: Distribution = .lognormal(median: 5, sigma: 0.5)
  public init() {}
}
