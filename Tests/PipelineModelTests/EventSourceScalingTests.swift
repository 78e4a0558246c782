import PipelineModel
import SimulationKernel
import Testing

/// aws-behaviour.md §2 "Initial concurrency", "Scale-up rate", "Maximum concurrency of one ESM":
/// from a standing backlog the mapping runs 5 batches, adds up to 300 (aws2023) or 60 (aws2019)
/// per minute, and stops at 1,250 / 1,000 or the lower account or `maximum_concurrency` cap.
@Suite struct EventSourceScalingTests {
  /// A backlog that outlasts the run: 100,000 orders in the first second, batches of one that
  /// take 10 s each.
  static func standingBacklog(_ scaling: EventSourceConfiguration.ScalingMode, minutes: Int64) -> PipelineConfiguration
  {
    var traffic = TrafficConfiguration(baseline: 0)
    traffic.trace = TrafficTrace(
      rows: [.init(time: .zero, orders: 100_000), .init(time: .seconds(1), orders: 0)], source: "test")
    var c = TestConfigurations.base(rate: 0, duration: .minutes(minutes))
    c.traffic = traffic
    c.eventSource.scaling = scaling
    c.eventSource.batchSize = 1
    c.lambda.accountConcurrency = 3_000
    c.lambda.perInvocation = .constant(10)
    c.lambda.perMessage = .constant(0)
    c.lambda.timeout = .seconds(60)
    c.queue.visibilityTimeout = .minutes(6)
    c.interval = .minutes(1)
    return c
  }

  func peaks(_ result: RunResult) -> [Int] { result.rows.map { $0.count(.lambdaConcurrency) } }

  @Test func aws2023RampsFiveThenThreeHundredPerMinuteToTwelveFifty() throws {
    let result = try Simulation.run(Self.standingBacklog(.aws2023, minutes: 7))
    let p = peaks(result)
    // End of minute k: 5 + 300·k, capped at 1,250 (§2 "Scale-up rate", Nov 2023).
    for (k, peak) in p.enumerated() {
      let expected = min(1_250, 5 + 300 * (k + 1))
      #expect(abs(peak - expected) <= 6, "minute \(k + 1): \(peak) vs \(expected)")
    }
    // The rate itself, minute over minute below the cap: exactly +300 (a +299/min ramp fails
    // here, not just outside a tolerance; issue 12 item 10).
    for k in 1..<p.count where p[k] < 1_250 {
      #expect(p[k] - p[k - 1] == 300, "§2 Scale-up rate: +\(p[k] - p[k - 1]) in minute \(k + 1), expected +300")
    }
    #expect(result.count(.lambdaConcurrency) == 1_250)
  }

  @Test func aws2019RampsSixtyPerMinuteToOneThousand() throws {
    let result = try Simulation.run(Self.standingBacklog(.aws2019, minutes: 18))
    for (k, peak) in peaks(result).enumerated() {
      let expected = min(1_000, 5 + 60 * (k + 1))
      #expect(abs(peak - expected) <= 2, "minute \(k + 1): \(peak) vs \(expected)")
    }
    #expect(result.count(.lambdaConcurrency) == 1_000)
  }

  @Test func accountConcurrencyCapsTheRamp() throws {
    var c = Self.standingBacklog(.aws2023, minutes: 4)
    c.lambda.accountConcurrency = 1_000
    c.lambda.otherFunctionsConcurrency = 400
    let result = try Simulation.run(c)
    #expect(result.count(.lambdaConcurrency) == 600)
    #expect(result.count(.lambdaThrottles) == 0)
  }

  @Test func maximumConcurrencyCapsTheRamp() throws {
    var c = Self.standingBacklog(.aws2023, minutes: 3)
    c.eventSource.maximumConcurrency = 200
    let result = try Simulation.run(c)
    #expect(result.count(.lambdaConcurrency) == 200)
    #expect(result.rows.first?.count(.lambdaConcurrency) == 200)
  }

  @Test func instantScalingStartsAtTheCeiling() throws {
    let result = try Simulation.run(Self.standingBacklog(.instant, minutes: 1))
    #expect(result.rows.first?.count(.lambdaConcurrency) == 1_250)
  }

  @Test func pollersScaleBackDownWhenTheQueueEmpties() throws {
    var c = TestConfigurations.base(rate: 0, duration: .minutes(30))
    c.traffic.trace = TrafficTrace(
      rows: [.init(time: .zero, orders: 20_000), .init(time: .seconds(1), orders: 0)], source: "test")
    c.lambda.perInvocation = .constant(1)
    c.lambda.perMessage = .constant(0)
    let result = try Simulation.run(c)
    #expect(result.count(.lambdaConcurrency) > 100)
    // Back to 5 within the first minutes, then 2 after 15 quiet minutes (§2 "Scale-down").
    #expect(result.rows[4].count(.esmPollers) == 5)
    #expect(result.rows.last?.count(.esmPollers) == 2)
  }
}

/// aws-behaviour.md §2 "Scale-down" ("when traffic is low") and §1 "Long polling": the mapping
/// retires a poller only when its 20 s long poll comes back empty, so a steady load keeps the
/// pollers it needs and its batches stay small.
@Suite struct EventSourceScaleDownTests {
  /// 36 orders/s of 250 ms fraud checks need about 9.4 concurrent batches; a full batch of 10
  /// runs ≈2.7 s against a 3 s timeout and times out about one time in eight.
  static func steadyLoad(seed: UInt64) -> PipelineConfiguration {
    var c = TestConfigurations.base(rate: 36, duration: .minutes(30), seed: seed)
    c.lambda.perInvocation = .lognormal(median: 0.030, sigma: 0.4)
    c.lambda.perMessage = .lognormal(median: 0.250, sigma: 0.3)
    c.lambda.timeout = .seconds(3)
    c.queue.visibilityTimeout = .seconds(60)
    c.interval = .minutes(1)
    return c
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func steadyLoadKeepsItsPollersAndItsBatchesSmall(seed: UInt64) throws {
    let result = try Simulation.run(Self.steadyLoad(seed: seed))
    // A mapping that shrank whenever the queue was empty at a tick would sink back towards 5
    // pollers, run full batches and time out (§3 "Timeout").
    #expect(result.count(.functionErrors) == 0, "§2 Scale-down: \(result.count(.functionErrors)) batches timed out")
    let perInvocation = Double(result.count(.deliveries)) / Double(result.count(.invocations))
    #expect(perInvocation < 2, "§2 Scale-down: \(perInvocation) messages per batch")
    for row in result.rows.dropFirst(2) {
      #expect(
        row.count(.esmPollers) >= 10,
        "§2 Scale-down: \(row.count(.esmPollers)) pollers at \(row.timeSeconds) s under a steady load")
    }
  }

  @Test func surplusPollersLeaveOnlyAfterAnEmptyLongPoll() throws {
    // A standing backlog scales the mapping up; once it drains, nothing arrives. The pollers
    // wait out one 20 s long poll, then leave at up to 300 a minute (5 a second).
    var c = TestConfigurations.base(rate: 0, duration: .minutes(5))
    c.traffic.trace = TrafficTrace(
      rows: [.init(time: .zero, orders: 6_000), .init(time: .seconds(1), orders: 0)], source: "test")
    c.lambda.perInvocation = .constant(1)
    c.lambda.perMessage = .constant(0)
    c.eventSource.batchSize = 1
    c.interval = .seconds(10)
    let result = try Simulation.run(c)
    let drained = try #require(result.rows.firstIndex { $0.count(.queueVisible) == 0 && $0.count(.queueInFlight) == 0 })
    let atDrain = result.rows[drained].count(.esmPollers)
    #expect(atDrain > 50)
    // Ten seconds after the drain nobody has waited 20 s yet.
    #expect(
      result.rows[drained + 1].count(.esmPollers) >= atDrain - 10, "§1 Long polling: retired before a 20 s poll ran out"
    )
    #expect(result.rows.last?.count(.esmPollers) == 5, "§2 Scale-down: back to 5")
  }
}
