import Randomness
import SimulationKernel

/// The AWS SDK's retries of throttled `PutItem`s inside the function (aws-behaviour.md §4).
///
/// - `legacy` (boto3's default): 10 attempts for DynamoDB, sleeping 50 ms × 2^(n−1) without
///   jitter (§4 "Legacy mode, DynamoDB").
/// - `standard`: 3 attempts, sleeping U(0, min(2^(n−1), 20)) s, and a client-side quota of 500
///   tokens: each retry costs 5, a first-try success refunds 1, a success after retries gives
///   back the 5 its last retry took (botocore's quota release), no retry when empty
///   (§4 "Standard mode"). The quota belongs to the SDK client, one per execution environment.
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

  /// A success refunds the quota (standard mode): one token on a first attempt, the retry's
  /// cost when it came after retries.
  func succeeded(onAttempt n: Int, tokens: inout Double) {
    guard mode == .standard else { return }
    tokens = min(Self.quotaCapacity, tokens + (n == 1 ? 1 : Self.retryCost))
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
