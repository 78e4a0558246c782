import Foundation
import PipelineModel
import Randomness
import SimulationKernel
import Testing

/// The defects an audit found against aws-behaviour.md (issue 12, items 1, 2, 3 and 5): each
/// test here failed on the code before its fix.
@Suite struct FidelityDefectTests {
  /// §1 "In-flight limit": 1,000 orders/s in batches of 1,000 that each run 300 s reach the
  /// 120,000 in-flight messages of a standard queue after two minutes. Receives must stop there
  /// until messages are deleted or return; the loop that woke idle pollers used to take the
  /// same poller again forever, and this run never ended.
  @Test func inFlightLimitStopsReceivesInsteadOfSpinning() throws {
    var c = TestConfigurations.base(rate: 1_000, duration: .seconds(150))
    c.eventSource.batchSize = 1_000
    c.eventSource.batchingWindow = .seconds(1)
    c.lambda.perInvocation = .constant(300)
    c.lambda.perMessage = .constant(0)
    c.lambda.timeout = .seconds(900)
    c.queue.visibilityTimeout = .hours(1)
    let result = try runWithin(seconds: 120, c)
    let limit = c.queue.inFlightLimit
    #expect(limit == 120_000, "§1 In-flight limit of a standard queue")
    #expect(result.count(.queueInFlight) == limit)
    #expect(result.ledger.queued > 0, "the rest of the orders wait, visible")
    #expect(result.saturation.inFlightLimit != nil)
    #expect(result.ledger.isBalanced, "\(result.ledger.description)")
  }

  /// Runs a simulation on its own thread and fails the test, instead of hanging the suite,
  /// when it does not end within `seconds` of wall time.
  func runWithin(seconds: Double, _ configuration: PipelineConfiguration) throws -> RunResult {
    let box = ResultSlot()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.set(Result { try Simulation.run(configuration) })
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success, let result = box.get() else {
      Issue.record("the run did not end within \(seconds) s: the event loop spins")
      throw CancellationError()
    }
    return try result.get()
  }

  /// §1 "Visibility timeout" with §7.5: a batch held 20 s by its batching window and run 25 s
  /// outlives its 30 s visibility timeout; with `max_receive_count: 1` the returned messages go
  /// to the DLQ while the first invocation still writes their orders. Those orders are in the
  /// table: persisted, never lost, and their DLQ copies are harmless (`dlq.valid` counts only
  /// valid orders never persisted). The DLQ's reasons add up to the DLQ.
  @Test func ordersWrittenAfterTheirMessageWasRedrivenArePersistedNotLost() throws {
    var c = TestConfigurations.base(rate: 0.1, duration: .minutes(5))
    c.eventSource.batchSize = 100
    c.eventSource.batchingWindow = .seconds(20)
    c.lambda.perInvocation = .constant(25)
    c.lambda.perMessage = .constant(0)
    c.lambda.timeout = .seconds(30)
    c.queue.visibilityTimeout = .seconds(30)
    c.queue.maxReceiveCount = 1
    c.queue.retention = .minutes(1)
    c.queue.dlqRetention = .minutes(2)
    let result = try Simulation.run(c)
    let written = result.tableConsumedWCU
    #expect(written > 10)
    #expect(Double(result.ledger.persisted) == written, "each order is one write unit, written once")
    #expect(result.count(.lost) == 0)
    #expect(result.ledger.lost == 0)
    #expect(result.count(.duplicateWrites) == 0, "the late first write is not a duplicate")
    #expect(result.ledger.ordersBalance, "\(result.ledger.description)")
    #expect(result.dlqByReason.reduce(0) { $0 + $1.count } == result.ledger.dlq)
    #expect(result.dlqByReason.allSatisfy { $0.reason == .visibilityTimeout })
    #expect(result.dlqValid + result.dlqValidAlreadyPersisted == result.ledger.dlq)
    #expect(result.dlqValidAlreadyPersisted > 0)
  }

  /// §3 "Timeout": a batch of 20 whose writes take 2 s each cannot finish in a 10 s timeout.
  /// The timeout ends the invocation: at most the writes that return before it happen (five),
  /// nothing is written after. It used to write all 20 in every invocation.
  @Test func theFunctionTimeoutStopsWritesThatWouldReturnAfterIt() throws {
    var c = TestConfigurations.base(rate: 1, duration: .minutes(5))
    c.traffic.trace = TrafficTrace(
      rows: [.init(time: .zero, orders: 20), .init(time: .seconds(1), orders: 0)], source: "test")
    c.eventSource.batchSize = 20
    c.eventSource.batchingWindow = .seconds(5)
    c.eventSource.maximumConcurrency = 2
    c.lambda.perInvocation = .constant(0)
    c.lambda.perMessage = .constant(0)
    c.lambda.timeout = .seconds(10)
    c.queue.visibilityTimeout = .seconds(30)
    c.queue.maxReceiveCount = 3
    c.table.latency = .constant(2)
    let result = try Simulation.run(c)
    let invocations = result.count(.invocations)
    #expect(invocations >= 3)
    #expect(result.tableConsumedWCU <= Double(5 * invocations), "at most 5 writes of 2 s fit in 10 s")
    #expect(result.ledger.persisted < 20)
    #expect(result.count(.functionErrors) == invocations, "every invocation timed out")
    #expect(result.ledger.isBalanced, "\(result.ledger.description)")
  }

  /// Right-censored latency (issue 12 item 5): a run that ends with a backlog cannot pass a
  /// latency SLO on the orders it happened to finish. Unfinished valid orders enter the
  /// end-to-end distribution at their age at the end.
  @Test func endToEndLatencyIncludesOrdersUnfinishedAtTheEnd() throws {
    var c = TestConfigurations.base(rate: 50, duration: .minutes(10))
    c.eventSource.batchSize = 1
    c.eventSource.maximumConcurrency = 2
    c.lambda.perInvocation = .constant(0.1)
    c.lambda.perMessage = .constant(0)
    let result = try Simulation.run(c)
    #expect(result.censoredOrders > 10_000, "2 × 10 orders/s drain against 50 arriving")
    #expect(result.endToEnd.count == result.ledger.persisted + result.censoredOrders)
    #expect(result.endToEnd.p99 > 4 * 60, "the backlog's oldest orders wait most of the run")
    #expect(result.ledger.unfinished == result.censoredOrders)
    #expect(result.ledger.isBalanced, "\(result.ledger.description)")
  }

  /// §1 "ApproximateAgeOfOldestMessage": CloudWatch leaves out messages received three or more
  /// times, so poison messages waiting out their receives hide from it; the true oldest age
  /// (which retention counts from, and `max_oldest_age` judges) does not.
  @Test func cloudWatchOldestAgeLeavesOutMessagesReceivedThreeTimes() throws {
    var c = TestConfigurations.base(rate: 2, duration: .minutes(30))
    c.orders.defects.priceAsString = 0.2
    c.queue.visibilityTimeout = .minutes(2)
    c.queue.maxReceiveCount = 10
    let result = try Simulation.run(c)
    #expect(result[.oldestAge] > 4 * 60, "poison messages return every 2 minutes for 10 receives")
    #expect(result[.oldestAgeCloudWatch] < 4 * 60, "after 3 receives CloudWatch stops seeing them")
    #expect(result[.oldestAgeCloudWatch] <= result[.oldestAge])
  }
}

extension FidelityDefectTests {
  /// Memory follows the backlog, not the order count (issue 17 item 4): a DLQ message whose
  /// retention outlasts the run is counted and let go, and the ledgers still balance.
  @Test func dlqMessagesThatOutlastTheRunAreCountedNotKept() throws {
    var c = TestConfigurations.base(rate: 50, duration: .minutes(30))
    c.orders.defects.priceAsString = 0.5
    c.queue.maxReceiveCount = 1
    c.queue.visibilityTimeout = .seconds(5)
    c.queue.dlqRetention = .days(14)
    let result = try Simulation.run(c)
    let dlq = result.ledger.dlq
    #expect(dlq > 30_000, "half of 90,000 orders are poison messages")
    let invalid = result.count(.arrivals) - result.count(.validOrders)
    #expect(dlq <= invalid && dlq > invalid - 500, "all but the last seconds' poison messages are in the DLQ")
    #expect(result.memoryBytes < dlq * MemoryLayout<MessageRecord>.stride / 4, "not one record per DLQ message")
    #expect(result.ledger.invalidHeld == invalid, "each invalid order waits in the DLQ or the queue")
    #expect(result.ledger.isBalanced, "\(result.ledger.description)")
  }
}

/// A thread-safe slot for a result handed from a worker thread to the test.
final class ResultSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Result<RunResult, any Error>?
  func set(_ v: Result<RunResult, any Error>) { lock.withLock { value = v } }
  func get() -> Result<RunResult, any Error>? { lock.withLock { value } }
}
