import SimulationKernel
import Testing

@testable import PipelineModel

/// Issue 12 item 8, aws-behaviour.md §3 "Provisioned concurrency": pre-initialised
/// environments that never start cold, spill-over to on-demand ones beyond them, and their
/// own price.
@Suite struct ProvisionedConcurrencyTests {
  @Test func provisionedEnvironmentsAreWarmFromTheStartAndNeverReclaimed() {
    var envs = ExecutionEnvironments(limit: 10, idleExpiry: .minutes(10), provisioned: 2)
    guard case .warm(let a) = envs.acquire(now: .zero), case .warm(let b) = envs.acquire(now: .zero) else {
      Issue.record("§3: the provisioned environments are initialised before the first request")
      return
    }
    let bothProvisioned = envs.isProvisioned(a) && envs.isProvisioned(b)
    #expect(bothProvisioned)
    guard case .cold(let spill) = envs.acquire(now: .zero) else {
      Issue.record("§3: beyond the provisioned environments an invocation spills over to a new one")
      return
    }
    let spillProvisioned = envs.isProvisioned(spill)
    #expect(!spillProvisioned)
    envs.release(a, now: .zero)
    envs.release(spill, now: .zero)
    // An hour idle: the on-demand environment is reclaimed, the provisioned one is not.
    guard case .warm(let again) = envs.acquire(now: .zero + .hours(1)) else {
      Issue.record("§3: a provisioned environment stays initialised")
      return
    }
    #expect(again == a)
    guard case .cold = envs.acquire(now: .zero + .hours(1)) else {
      Issue.record("the idle on-demand environment was reclaimed")
      return
    }
  }

  /// Load that needs about 10 concurrent invocations, with 50 provisioned: no cold start at all,
  /// every invocation on a provisioned environment.
  @Test func loadWithinTheProvisionedConcurrencyHasNoColdStarts() throws {
    var c = TestConfigurations.base(rate: 100, duration: .minutes(10))
    c.lambda.coldStart = .constant(0.5)
    c.lambda.provisionedConcurrency = 50
    c.lambda.perInvocation = .constant(0.05)
    c.lambda.perMessage = .constant(0.01)
    let r = try Simulation.run(c)
    #expect(r.count(.invocations) > 1_000)
    #expect(r.count(.coldStarts) == 0, "§3: provisioned invocations are never cold")
    #expect(r.count(.provisionedInvocations) == r.count(.invocations))
    #expect(r.count(.spilloverInvocations) == 0)

    var onDemand = c
    onDemand.lambda.provisionedConcurrency = 0
    let without = try Simulation.run(onDemand)
    #expect(without.count(.coldStarts) > 0)
    #expect(without.count(.provisionedInvocations) == 0 && without.count(.spilloverInvocations) == 0)
  }

  /// Two provisioned environments against a load of about 10: the rest spill over to on-demand
  /// environments, which pay their cold starts; cold starts only ever come from spill-over.
  @Test func invocationsBeyondTheProvisionedOnesSpillOverAndStartCold() throws {
    var c = TestConfigurations.base(rate: 100, duration: .minutes(10))
    c.lambda.coldStart = .constant(0.5)
    c.lambda.idleExpiry = .seconds(1)
    c.lambda.provisionedConcurrency = 2
    c.lambda.perInvocation = .constant(0.05)
    c.lambda.perMessage = .constant(0.01)
    let r = try Simulation.run(c)
    #expect(r.count(.provisionedInvocations) > 0)
    #expect(r.count(.spilloverInvocations) > 0)
    #expect(r.count(.provisionedInvocations) + r.count(.spilloverInvocations) == r.count(.invocations))
    #expect(r.count(.coldStarts) > 0 && r.count(.coldStarts) <= r.count(.spilloverInvocations))
  }

  /// §3: the configured environments are billed per GB-s for the whole run (5-minute periods)
  /// and invocations on them at the lower duration price (us-east-1, x86: $0.0000041667 and
  /// $0.0000097222 per GB-s); requests as usual; no free tier.
  @Test func provisionedConcurrencyIsPricedPerGBSecondPlusALowerDurationPrice() throws {
    var c = TestConfigurations.base(rate: 10, duration: .hours(1))
    c.traffic.arrivals = .uniform
    c.startEpochSeconds = 1_795_651_200  // 2026-11-26
    c.orders.items = .constant(2)
    c.lambda.memoryMB = 2_048
    c.lambda.provisionedConcurrency = 5
    c.lambda.perInvocation = .constant(0.010)
    c.lambda.perMessage = .constant(0)
    let r = try Simulation.run(c)
    let cost = r.cost
    #expect(r.count(.provisionedInvocations) == r.count(.invocations))
    let gb = 2.0
    let durationGBs = r[.billedMilliseconds] / 1_000 * gb
    #expect(abs(cost.lambdaProvisionedGBSeconds - 5 * gb * 3_600) < 1e-9)
    let expected =
      Double(r.count(.invocations)) / 1e6 * 0.20 + durationGBs * 0.000_009_722_2 + 5 * gb * 3_600 * 0.000_004_166_7
    #expect(abs(cost.lambda - expected) < 1e-9, "\(cost.lambda) vs \(expected)")
  }
}
