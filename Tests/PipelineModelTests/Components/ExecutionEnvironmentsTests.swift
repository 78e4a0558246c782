import SimulationKernel
import Testing

@testable import PipelineModel

/// The function's environments alone (aws-behaviour.md §3).
@Suite struct ExecutionEnvironmentsTests {
  @Test func releasedEnvironmentIsReusedWarmUntilIdleExpiry() {
    var envs = ExecutionEnvironments(limit: 10, idleExpiry: .minutes(10))
    guard case .cold(let e) = envs.acquire(now: .zero) else { Issue.record("first is cold"); return }
    envs.release(e, now: .zero + .seconds(1))
    guard case .warm(let again) = envs.acquire(now: .zero + .minutes(5)) else { Issue.record("warm"); return }
    #expect(again == e)
    envs.release(again, now: .zero + .minutes(5))
    guard case .cold = envs.acquire(now: .zero + .minutes(15) + .seconds(1)) else {
      Issue.record("§3 idle expiry: reclaimed after 10 min idle")
      return
    }
  }

  @Test func concurrencyLimitThrottles() {
    var envs = ExecutionEnvironments(limit: 2, idleExpiry: .minutes(10))
    _ = envs.acquire(now: .zero)
    _ = envs.acquire(now: .zero)
    guard case .throttled = envs.acquire(now: .zero) else { Issue.record("§3 concurrency: third is 429"); return }
    let inUse = envs.inUse
    #expect(inUse == 2)
  }

  /// §3 "Scaling rate – since 26/27 Nov 2023": 1,000 new environments per 10 s.
  @Test func newEnvironmentsAreLimitedToOneThousandPerTenSeconds() {
    var envs = ExecutionEnvironments(limit: 5_000, idleExpiry: .minutes(10))
    var cold = 0
    for _ in 0..<1_200 {
      if case .cold = envs.acquire(now: .zero) { cold += 1 }
    }
    #expect(cold == 1_000)
    var later = 0
    for _ in 0..<200 {
      if case .cold = envs.acquire(now: .zero + .seconds(1)) { later += 1 }
    }
    #expect(later == 100, "refilled at 100 a second")
  }
}
