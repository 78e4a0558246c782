/// `retries`: the SDK's retries of throttled writes inside the invocation (aws-behaviour.md §4).
public struct RetryConfiguration: Sendable {
  public var mode: Mode = .legacy
  /// `nil` = the mode's own (legacy 10 for DynamoDB, standard 3).
  public var maxAttempts: Int?

  public init() {}

  public enum Mode: String, Sendable, CaseIterable {
    /// boto3's default: DynamoDB 10 attempts, 50 ms × 2^(n−1), no jitter.
    case legacy
    /// 3 attempts, full jitter U(0, min(2^(n−1), 20)) s, a 500-token retry quota.
    case standard
  }

  public var attempts: Int { maxAttempts ?? (mode == .legacy ? 10 : 3) }
}
