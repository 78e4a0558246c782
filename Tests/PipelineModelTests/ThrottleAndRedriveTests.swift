import PipelineModel
import SimulationKernel
import Testing

@Suite struct ThrottleAndRedriveTests {
  /// More orders than 10 concurrent invocations can carry (each batch of 10 takes ≈1 s).
  static func overload(reserved: Int?, maximum: Int?) -> PipelineConfiguration {
    var c = TestConfigurations.base(rate: 150, duration: .minutes(10))
    c.lambda.reservedConcurrency = reserved
    c.eventSource.maximumConcurrency = maximum
    c.lambda.perInvocation = .constant(0.05)
    c.lambda.perMessage = .constant(0.1)
    c.queue.maxReceiveCount = 3
    return c
  }

  /// §7.3 "Throttling burns receive count": reserved concurrency alone lets the pollers pull
  /// batches the function cannot run; they return after the visibility timeout with a receive
  /// spent, and valid orders reach the DLQ.
  @Test func reservedConcurrencyWithoutMaximumConcurrencyPutsValidOrdersInTheDLQ() throws {
    let result = try Simulation.run(Self.overload(reserved: 10, maximum: nil))
    #expect(result.count(.lambdaThrottles) > 0)
    #expect(result.dlqValid > 0)
    #expect(result.dlqByReason.contains { $0.reason == .lambdaThrottled })
    #expect(result.count(.lambdaConcurrency) == 10)
  }

  /// §2 "ScalingConfig.MaximumConcurrency": the mapping stops reading at the cap, so nothing is
  /// over-pulled, nothing throttled, and no valid order reaches the DLQ.
  @Test func maximumConcurrencyTenKeepsValidOrdersOutOfTheDLQAndThrottlesNothing() throws {
    let result = try Simulation.run(Self.overload(reserved: 10, maximum: 10))
    #expect(result.count(.lambdaThrottles) == 0)
    #expect(result.dlqValid == 0)
    #expect(result.ledger.dlq == 0)
    #expect(result.count(.lambdaConcurrency) == 10)
    #expect(result.count(.queueVisible) > 10_000)  // the backlog waits instead
  }

  /// §1 "Redrive policy maxReceiveCount": a message that always fails is received exactly
  /// `max_receive_count` times and moves to the DLQ at the next receive attempt.
  @Test func alwaysFailingMessageIsReceivedMaxReceiveCountTimesThenMovesToTheDLQ() throws {
    var c = TestConfigurations.base(rate: 1, duration: .minutes(20))
    c.traffic.trace = TrafficTrace(
      rows: [.init(time: .zero, orders: 50), .init(time: .seconds(60), orders: 0)], source: "test")
    c.orders.defects.priceAsString = 1
    c.queue.maxReceiveCount = 4
    c.eventSource.batchSize = 1
    let result = try Simulation.run(c)
    let sent = result.ledger.sent
    #expect(sent > 20)
    #expect(result.ledger.dlq == sent)
    #expect(result.count(.deliveries) == 4 * sent)  // received exactly max_receive_count times
    #expect(result.validations == result.count(.arrivals))  // every body judged by the core
    #expect(result.dlqByReason.map(\.reason) == [.wrongType])
    #expect(result.dlqValid == 0)
  }

  /// §1 "Message retention period": a message older than the retention is deleted unseen — a
  /// lost order.
  @Test func retentionExpiryLosesMessagesAndCountsThem() throws {
    var c = TestConfigurations.base(rate: 1, duration: .minutes(10))
    c.traffic.trace = TrafficTrace(
      rows: [.init(time: .zero, orders: 120), .init(time: .seconds(120), orders: 0)], source: "test")
    c.lambda.reservedConcurrency = 0  // nothing can run
    c.queue.maxReceiveCount = nil
    c.queue.retention = .seconds(60)
    let result = try Simulation.run(c)
    #expect(result.ledger.sent > 60)
    #expect(result.ledger.expired == result.ledger.sent)
    #expect(result.count(.lost) == result.ledger.sent)
    #expect(result.ledger.persisted == 0)
  }

  /// Without partial batch responses one bad order returns the whole batch (§7.4).
  @Test func withoutPartialBatchResponsesOneInvalidOrderReturnsTheWholeBatch() throws {
    var c = TestConfigurations.base(rate: 200, duration: .minutes(5))
    c.orders.defects.missingField = 0.05
    c.eventSource.reportBatchItemFailures = false
    c.queue.maxReceiveCount = 3
    let without = try Simulation.run(c)
    c.eventSource.reportBatchItemFailures = true
    let with = try Simulation.run(c)
    #expect(without.count(.functionErrors) > 0 && with.count(.functionErrors) == 0)
    #expect(without.count(.duplicateWrites) > 0)  // re-delivered good orders find themselves written
    #expect(with.dlqValid == 0)
    #expect(with.ledger.dlq > 0)
  }
}

@Suite struct MessageSizeTests {
  /// §1 "Maximum message size": SQS rejects a send whose body is over the limit, whatever the
  /// order's validity; with a 1 KiB limit, large valid orders never reach the queue.
  @Test func bodiesOverTheMaximumMessageSizeAreRejectedAtSend() throws {
    var c = TestConfigurations.base(rate: 50, duration: .minutes(5))
    c.queue.maxMessageSize = 1_024
    c.orders.items = .uniform(min: 1, max: 30)
    let r = try Simulation.run(c)
    #expect(r.ledger.rejectedAtSend > 0)
    #expect(r.ledger.persisted > 0)
    // Counted against the arrival process (Simulation.run already throws on an unbalanced
    // ledger): one send per order (no producer duplicates), and every order that fits is valid,
    // so none reaches the DLQ or expires; the per-interval rejections add up to the total.
    #expect(r.ledger.sent == r.count(.arrivals))
    #expect(r.ledger.dlq == 0 && r.ledger.expired == 0)
    #expect(r.rows.reduce(0) { $0 + $1.count(.rejectedAtSend) } == r.ledger.rejectedAtSend)
  }
}
