import PipelineModel
import SimulationKernel
import Testing

/// aws-behaviour.md §2 "Provisioned mode for SQS ESM" (and §10 "SQS ESM provisioned mode"):
/// the minimum pollers are ready from the start, each runs up to 10 concurrent invocations,
/// the fleet grows by up to 1,000 concurrent invocations a minute, up to maximum_pollers × 10
/// and 20,000.
@Suite struct ProvisionedPollerScalingTests {
  static func standingBacklog(orders: Int, minutes: Int64, mode: ProvisionedPollerConfiguration?)
    -> PipelineConfiguration
  {
    var c = EventSourceScalingTests.standingBacklog(.aws2023, minutes: minutes)
    c.traffic.trace = TrafficTrace(
      rows: [.init(time: .zero, orders: Double(orders)), .init(time: .seconds(1), orders: 0)], source: "test")
    c.eventSource.provisionedMode = mode
    return c
  }

  @Test func theMinimumPollersRunTenBatchesEachFromTimeZero() throws {
    var c = Self.standingBacklog(orders: 50_000, minutes: 1, mode: .init(minimumPollers: 30, maximumPollers: 30))
    c.interval = .seconds(10)
    let result = try Simulation.run(c)
    // §2 "minimum pollers always ready": 30 pollers × 10 invocations in the first 10 s, no ramp from 5.
    #expect(result.rows.first?.count(.lambdaConcurrency) == 300, "§2 Provisioned mode: minimum pollers ready at t=0")
    #expect(result.count(.lambdaConcurrency) == 300, "§2 Provisioned mode: maximum_pollers × 10 caps concurrency")
  }

  @Test func aSpikeAtTimeZeroDrainsFasterThanStandardModesRamp() throws {
    // 20,000 orders at t=0, one 1 s invocation each. Standard mode: 5 batches, +5 a second,
    // drained after ≈ 88 s. Provisioned, 100 minimum pollers: 1,000 batches at once, ≈ 20 s.
    var standard = Self.standingBacklog(orders: 20_000, minutes: 5, mode: nil)
    standard.lambda.perInvocation = .constant(1)
    var provisioned = standard
    provisioned.eventSource.provisionedMode = .init(minimumPollers: 100, maximumPollers: 200)
    let s = try Simulation.run(standard)
    let p = try Simulation.run(provisioned)
    let sAge = s.endToEnd.max
    let pAge = p.endToEnd.max
    #expect(sAge > 70 && sAge < 100, "standard mode's ramp (§2 Scale-up rate): drained after \(sAge) s")
    #expect(pAge > 15 && pAge < 25, "§2 Provisioned mode, minimum pollers ready: drained after \(pAge) s")
    #expect(p.endToEnd.p99 < s.endToEnd.p99 / 3)
  }

  @Test func growthIsAThousandConcurrentInvocationsAMinute() throws {
    // From 2 minimum pollers (20 batches), +1,000 per minute while messages wait (§2 "scales
    // up to 1,000 concurrency per minute"); 10 s invocations keep the backlog standing.
    let c = Self.standingBacklog(orders: 400_000, minutes: 5, mode: .init(minimumPollers: 2, maximumPollers: 10_000))
    var account = c
    account.lambda.accountConcurrency = 30_000
    let result = try Simulation.run(account)
    for (k, row) in result.rows.enumerated() {
      let expected = 20 + 1_000 * (k + 1)
      let peak = row.count(.lambdaConcurrency)
      #expect(abs(peak - expected) <= 20, "§2 Provisioned mode growth, minute \(k + 1): \(peak) vs \(expected)")
    }
  }

  @Test func maximumPollersTimesTenCapsTheGrowth() throws {
    var c = Self.standingBacklog(orders: 100_000, minutes: 2, mode: .init(minimumPollers: 2, maximumPollers: 45))
    c.lambda.accountConcurrency = 30_000
    let result = try Simulation.run(c)
    // 20 → 450 takes 26 s at 1,000/min; it stops there (§2: each poller up to 10 invocations).
    #expect(result.rows.first?.count(.lambdaConcurrency) == 450)
    #expect(result.count(.lambdaConcurrency) == 450, "§2 Provisioned mode: maximum_pollers × 10")
    #expect(result.count(.esmPollers) == 450)
  }

  @Test func theCeilingIsTwentyThousandAndTheAccountsShare() {
    let big = ProvisionedPollerConfiguration(minimumPollers: 200, maximumPollers: 10_000)
    #expect(ProvisionedPollerScaling(mode: big, accountAvailable: 1_000_000).ceiling == 20_000, "§2: up to 20,000")
    #expect(ProvisionedPollerScaling(mode: big, accountAvailable: 1_000).ceiling == 1_000)
    let small = ProvisionedPollerConfiguration(minimumPollers: 2, maximumPollers: 7)
    #expect(ProvisionedPollerScaling(mode: small, accountAvailable: 1_000).ceiling == 70)
  }

  @Test func eventPollersFollowTheBatchesWithinTheirBounds() {
    var s = ProvisionedPollerScaling(
      mode: .init(minimumPollers: 3, maximumPollers: 50), accountAvailable: 10_000)
    #expect(s.pollers == 30 && s.eventPollers == 3)
    for _ in 0..<60 { s.tick(messagesWaiting: true, emptyLongPolls: 0) }
    // One minute of backlog: +1,000 batches, capped at 50 pollers × 10.
    #expect(s.pollers == 500 && s.eventPollers == 50)
    for _ in 0..<600 { s.tick(messagesWaiting: false, emptyLongPolls: 1_000) }
    // Idle: back to the minimum pollers, never below.
    #expect(s.pollers == 30 && s.eventPollers == 3)
    s.backOff()
    #expect(s.pollers == 30, "back-off stays at the minimum pollers' batches")
  }

  @Test func standardScenariosBillNoEventPollers() throws {
    let result = try Simulation.run(Self.standingBacklog(orders: 1_000, minutes: 1, mode: nil))
    #expect(result.eventPollerSeconds == 0)
    #expect(result.cost.eventPollerUnitHours == 0 && result.cost.eventPollers == 0)
  }
}
