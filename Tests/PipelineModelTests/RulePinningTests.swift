import PipelineModel
import SimulationKernel
import Testing

/// Issue 12 item 10: documented rules that a one-line change used to leave the suite green.
/// Each test fails if its rule changes (checked by changing the rule and running it).
@Suite struct RulePinningTests {
  /// §5 "New on-demand table, initial throughput": with no previous peak the ceiling is
  /// 4,000 WRU/s, not 2 × a peak (every other table test sets a previous peak).
  @Test func newOnDemandTableWithNoPreviousPeakServes4000WritesASecondAndNoMore() {
    var config = TableConfiguration()
    config.previousPeak = 0
    var atFloor = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    #expect(DynamoDBTableTests.drive(&atFloor, rate: 4_000, seconds: 10) == 0, "§5: 4,000 WRU/s at once")
    var above = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    let throttles = DynamoDBTableTests.drive(&above, rate: 4_500, seconds: 10)
    #expect(throttles == 10 * 500, "§5: a new table serves 4,000 WRU/s, found \(throttles) throttles at 4,500/s")
  }

  /// §5 "Capacity units": item sizes round *up* to the next 1 KB, through the handler: an item
  /// of 1,025 or 1,100 bytes is 2 write units a write; 1,024 bytes is 1.
  @Test(arguments: [(1_024, 1.0), (1_025, 2.0), (1_100, 2.0), (2_049, 3.0)])
  func itemSizeRoundsUpToWholeKilobyteWriteUnits(bytes: Int, units: Double) throws {
    var c = TestConfigurations.base(rate: 5, duration: .minutes(2))
    c.table.itemSize = .bytes(bytes)
    let r = try Simulation.run(c)
    #expect(r.ledger.persisted > 0)
    #expect(
      r.tableConsumedWCU == units * Double(r.ledger.persisted),
      "§5: \(bytes) B must be \(units) WCU a write; \(r.tableConsumedWCU) WCU for \(r.ledger.persisted) writes")
  }

  /// §3 "Billing granularity": each invocation's duration rounds up to the next millisecond,
  /// so 10.1 ms bills 11 ms (not 10).
  @Test func lambdaBillingRoundsEachInvocationUpToTheMillisecond() throws {
    var c = TestConfigurations.base(rate: 2, duration: .minutes(2))
    c.traffic.arrivals = .uniform
    c.lambda.perInvocation = .constant(0.010_1)
    c.lambda.perMessage = .constant(0)
    let r = try Simulation.run(c)
    let invocations = Double(r.count(.invocations))
    #expect(invocations > 0)
    #expect(r[.billedMilliseconds] == 11 * invocations, "§3: 10.1 ms bills 11 ms; \(r[.billedMilliseconds]) ms")
  }

  /// §1 "Visibility timeout", §2 "MaximumBatchingWindowInSeconds": messages gathered by a
  /// batching window are already received, so the window eats into the visibility timeout. One
  /// order received at 50 s waits the 20 s window, runs 15 s (to 85 s): its 30 s visibility
  /// timeout, counted from the receive, ends at 80 s, and it is received again. Counted from
  /// the invocation's start (70 s) it would end at 100 s and never be re-received.
  @Test func visibilityTimeoutCountsFromTheReceiveNotFromTheInvocationsStart() throws {
    var c = TestConfigurations.base(rate: 0.01, duration: .seconds(150))
    c.traffic.arrivals = .uniform  // one order, at 50 s
    c.eventSource.batchSize = 100
    c.eventSource.batchingWindow = .seconds(20)
    c.queue.visibilityTimeout = .seconds(30)
    c.lambda.timeout = .seconds(30)
    c.lambda.perInvocation = .constant(15)
    c.lambda.perMessage = .constant(0)
    let r = try Simulation.run(c)
    #expect(r.count(.arrivals) == 1)
    // Received again at 80 s (and, each batch outliving its timeout the same way, later too);
    // counted from the invocation's start the first batch would have been deleted at 85 s.
    #expect(
      r.count(.deliveries) >= 2,
      "§1: the visibility timeout runs from the receive; the batch outlived it and must be received again")
  }
}
