import Randomness
import SimulationKernel
import Testing

@testable import PipelineModel

/// The SDK's retry quota (aws-behaviour.md §4 "Standard mode").
@Suite struct SDKRetryPolicyTests {
  static let standard: SDKRetryPolicy = {
    var c = RetryConfiguration()
    c.mode = .standard
    return SDKRetryPolicy(c)
  }()

  @Test func retryCostsFiveAndAFirstTrySuccessRefundsOne() {
    var tokens = 100.0
    #expect(Self.standard.mayRetry(afterAttempt: 1, tokens: &tokens))
    #expect(tokens == 95)
    tokens = 100
    Self.standard.succeeded(onAttempt: 1, tokens: &tokens)
    #expect(tokens == 101)
  }

  /// botocore's quota release: a call that succeeds after retries gives back its retry's cost.
  @Test func successAfterARetryGivesTheRetryCostBack() {
    var tokens = 500.0
    #expect(Self.standard.mayRetry(afterAttempt: 1, tokens: &tokens))
    Self.standard.succeeded(onAttempt: 2, tokens: &tokens)
    #expect(tokens == 500, "§4 Standard mode: the quota is released on success")
  }

  @Test func emptyQuotaStopsRetries() {
    var tokens = 4.0
    #expect(!Self.standard.mayRetry(afterAttempt: 1, tokens: &tokens))
    #expect(tokens == 4)
  }

  /// One SDK client per execution environment: a new environment starts with a full quota
  /// whatever another one spent.
  @Test func eachEnvironmentHasItsOwnQuota() {
    var envs = ExecutionEnvironments(limit: 10, idleExpiry: .minutes(10))
    guard case .cold(let a) = envs.acquire(now: .zero), case .cold(let b) = envs.acquire(now: .zero) else {
      Issue.record("two cold environments")
      return
    }
    envs.environments[Int(a)].retryTokens = 0
    let tokens = envs.environments[Int(b)].retryTokens
    #expect(tokens == SDKRetryPolicy.quotaCapacity)
  }
}
