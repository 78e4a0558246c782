import Randomness
import SimulationKernel

/// The AWS SDK's retries of throttled `PutItem`s inside the function (aws-behaviour.md §4).
///
/// - `legacy` (boto3's default): 10 attempts for DynamoDB, sleeping 50 ms × 2^(n−1) without
///   jitter (§4 "Legacy mode, DynamoDB").
/// - `standard`: 3 attempts, sleeping U(0, min(2^(n−1), 20)) s, and a client-side quota of 500
///   tokens: each retry costs 5, a first-try success refunds 1, no retry when empty
///   (§4 "Standard mode").
struct SDKRetryPolicy: Sendable {
  let mode: RetryConfiguration.Mode
  let maxAttempts: Int

  static let quotaCapacity = 500.0
  static let retryCost = 5.0

  init(_ configuration: RetryConfiguration) {
    mode = configuration.mode
    maxAttempts = configuration.attempts
  }

  /// Whether attempt `n` (1-based) that was throttled may be retried; spends quota tokens.
  func mayRetry(afterAttempt n: Int, tokens: inout Double) -> Bool {
    guard n < maxAttempts else { return false }
    if mode == .standard {
      guard tokens >= Self.retryCost else { return false }
      tokens -= Self.retryCost
    }
    return true
  }

  /// A first-attempt success refunds one token (standard mode).
  func succeeded(onAttempt n: Int, tokens: inout Double) {
    if mode == .standard && n == 1 { tokens = min(Self.quotaCapacity, tokens + 1) }
  }

  /// The sleep before attempt `n + 1`.
  func sleep(afterAttempt n: Int, _ stream: inout RandomStream) -> SimDuration {
    switch mode {
    case .legacy:
      return .milliseconds(50) * (1 << Int64(min(n - 1, 30)))
    case .standard:
      let cap = min(Double(1 << min(n - 1, 10)), 20)
      return SimDuration(seconds: stream.uniform() * cap)
    }
  }
}
