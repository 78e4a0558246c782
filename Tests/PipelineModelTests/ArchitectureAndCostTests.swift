import PipelineModel
import SimulationKernel
import Testing

@Suite struct ArchitectureAndCostTests {
  /// 150 orders/s with a 5× spike for 10 minutes; both designs get the same 20 concurrent
  /// executions (the decoupled one through `maximum_concurrency`, so it does not over-pull).
  static func spike(_ architecture: Architecture) -> PipelineConfiguration {
    var c = TestConfigurations.base(rate: 150, duration: .hours(1))
    c.architecture = architecture
    c.traffic.bursts = [
      .init(at: .minutes(10), length: .minutes(10), x: 5), .init(at: .minutes(55), length: .minutes(5), x: 0),
    ]
    c.lambda.reservedConcurrency = 20
    c.eventSource.maximumConcurrency = 20
    c.lambda.perInvocation = .constant(0.08)
    c.lambda.perMessage = .constant(0.02)
    c.orders.clientRetries = 2
    return c
  }

  @Test func spikeThatLosesOrdersSynchronouslyLosesNoneDecoupledAndTheBacklogDrains() throws {
    let sync = try Simulation.run(Self.spike(.synchronous))
    let decoupled = try Simulation.run(Self.spike(.decoupled))
    #expect(sync.count(.arrivals) == decoupled.count(.arrivals))  // common random numbers
    #expect(sync.count(.lost) > 1_000, "synchronous lost \(sync.count(.lost))")
    #expect(sync.count(.lambdaThrottles) > 0 && sync.count(.clientErrors) > 0)
    #expect(decoupled.count(.lost) == 0 && decoupled.dlqValid == 0)
    #expect(decoupled.count(.queueVisible) > 1_000)  // the queue absorbed the spike…
    #expect(decoupled.ledger.queued == 0)  // …and drained it
    #expect(decoupled.ledger.persisted == decoupled.count(.validOrders))
    // Where the orders ended (Simulation.run already throws on an unbalanced ledger): no order
    // is defective here, so the decoupled design sends none to the DLQ and leaves none in
    // flight; the synchronous one has no queue, and every order it gave up on is a lost one.
    #expect(decoupled.ledger.dlq == 0 && decoupled.ledger.expired == 0 && decoupled.ledger.inFlight == 0)
    #expect(sync.ledger.queued == 0 && sync.ledger.dlq == 0 && sync.ledger.expired == 0)
    #expect(sync.ledger.rejectedAtSend == sync.count(.lost))
  }

  /// Producer duplicates, extra deliveries and re-deliveries after a visibility timeout all
  /// hit the conditional put: suppressed, a write unit consumed, deleted, never in the DLQ.
  @Test func duplicatesNeverReachTheTableTwiceNorTheDLQAndTheirWritesAreCounted() throws {
    var c = TestConfigurations.base(rate: 200, duration: .minutes(20))
    c.orders.items = .constant(3)
    c.orders.duplicates = 0.05
    c.queue.duplicateDelivery = 0.05
    c.queue.visibilityTimeout = .seconds(2)
    c.lambda.timeout = .seconds(2)
    c.lambda.perInvocation = .lognormal(median: 0.5, sigma: 1.0)  // some batches outlive the VT
    c.traffic.bursts = [.init(at: .minutes(15), length: .minutes(5), x: 0)]  // time to drain
    let r = try Simulation.run(c)
    let duplicateMessages = r.ledger.sent - r.count(.arrivals)
    #expect(duplicateMessages > 0)
    #expect(r.ledger.persisted == r.count(.validOrders))  // each order written once
    #expect(r.ledger.duplicatesSuppressed == duplicateMessages)
    #expect(r.ledger.dlq == 0 && r.dlqValid == 0)
    #expect(r.count(.duplicateWrites) > duplicateMessages)  // extra copies and re-deliveries too
    #expect(r.tableConsumedWCU == Double(r.ledger.persisted + r.count(.duplicateWrites)))
  }

  /// One hour at a constant 100 orders/s, priced by hand from aws-behaviour.md (2026 prices).
  @Test func costOfOneConstantRateHourMatchesAHandCalculation() throws {
    var c = TestConfigurations.base(rate: 100, duration: .hours(1))
    c.traffic.arrivals = .uniform
    c.startEpochSeconds = 1_795_651_200  // 2026-11-26
    c.orders.items = .constant(2)
    c.lambda.perInvocation = .constant(0.010)
    c.lambda.perMessage = .constant(0)
    c.lambda.memoryMB = 1_024
    c.table.unlimited = false
    c.table.mode = .onDemand
    let r = try Simulation.run(c)
    let cost = r.cost
    #expect(r.count(.arrivals) == 360_000)
    #expect(r.count(.invocations) == 360_000)  // each order alone: the next arrives as a poller frees
    // Lambda: $0.20 per million requests; 360,000 × 10 ms × 1 GB × $0.0000166667.
    #expect(abs(cost.lambda - (0.36 * 0.20 + 3_600 * 0.000_016_666_7)) < 1e-6)
    // The last order is still in its invocation at the horizon.
    let done = r.ledger.persisted
    #expect(done == 359_999 && r.ledger.inFlight == 1)
    // SQS: a send and a receive per order, a delete per order done, plus the idle pollers'
    // 20 s long polls.
    let empty = r.sqsRequests.emptyReceives
    #expect(empty > 500 && empty < 900)  // about 4 idle pollers × 3,600 s ÷ 20 s
    #expect(abs(cost.sqs - Double(720_000 + done + empty) / 1e6 * 0.40) < 1e-9, "\(r.sqsRequests)")
    // DynamoDB on-demand after the 1 Nov 2024 cut: $0.625 per million write units.
    #expect(abs(cost.dynamodb - Double(done) / 1e6 * 0.625) < 1e-9)
    #expect(abs(cost.total - (cost.lambda + cost.sqs + cost.dynamodb)) < 1e-12)
  }

  @Test func pricesFollowTheScenarioDate() {
    #expect(PriceTable.at(epochSeconds: 1_700_000_000).dynamoPerMillionWRU == 1.25)  // Nov 2023
    #expect(PriceTable.at(epochSeconds: 1_795_651_200).dynamoPerMillionWRU == 0.625)
    #expect(PriceTable.at(epochSeconds: 1_740_000_000).lambdaBillsInit == false)  // Feb 2025
    #expect(PriceTable.at(epochSeconds: nil).lambdaBillsInit == true)
  }
}
