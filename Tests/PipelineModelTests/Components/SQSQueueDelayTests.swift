import SimulationKernel
import Testing

@testable import PipelineModel

/// The queue's delay (aws-behaviour.md §1 "Delay": DelaySeconds 0 – 900 s, delayed messages are
/// not visible), on the queue alone and in a short run of the decoupled pipeline.
@Suite struct SQSQueueDelayTests {
  static func queue(delay: SimDuration, retention: SimDuration = .days(4)) -> SQSQueue {
    var c = QueueConfiguration()
    c.delay = delay
    c.retention = retention
    return SQSQueue(configuration: c, seed: 1)
  }

  /// Runs the queue's pending events up to `time`, releasing delayed messages as the pipeline does.
  static func advance(
    _ queue: inout SQSQueue, _ scheduler: inout EventScheduler<PipelineEvent>, to time: SimTime
  ) -> Int {
    var released = 0
    while let event = scheduler.next(until: time) {
      guard case .queue(.delayEnds) = event else { continue }
      released += queue.releaseDelayed(now: scheduler.now, scheduler: &scheduler)
    }
    scheduler.advance(to: time)
    return released
  }

  @Test func section1DelayAMessageIsNotReceivableBeforeSendPlusDelayAndIsAtIt() {
    var queue = Self.queue(delay: .seconds(60))
    var scheduler = EventScheduler<PipelineEvent>()
    scheduler.advance(to: .zero + .seconds(5))
    _ = queue.sendDelayed(SQSQueueTests.record(1, at: scheduler.now), now: scheduler.now, scheduler: &scheduler)
    #expect(scheduler.pendingCount == 1, "§1 Delay: one wake-up event")
    #expect(scheduler.nextEventTime == .zero + .seconds(65))
    let delayedCount = queue.delayedCount
    let visibleCount = queue.visibleCount
    #expect(delayedCount == 1 && visibleCount == 0, "§1 Delay: queued, not visible")
    #expect(queue.popVisible() == nil, "§1 Delay: nothing to receive at once")
    // One microsecond before send + delay: still not receivable.
    let early = Self.advance(&queue, &scheduler, to: .zero + .seconds(65) - .microseconds(1))
    #expect(early == 0)
    #expect(queue.popVisible() == nil, "§1 Delay: not receivable before send + delay")
    let released = Self.advance(&queue, &scheduler, to: .zero + .seconds(65))
    #expect(released == 1, "§1 Delay: visible at send + delay")
    #expect(queue.popVisible() != nil, "§1 Delay: receivable at send + delay")
    let delayedAfter = queue.delayedCount
    #expect(delayedAfter == 0)
  }

  @Test func section1DelayMessagesBecomeVisibleInSendOrderWithOneWakeUpAtATime() {
    var queue = Self.queue(delay: .seconds(30))
    var scheduler = EventScheduler<PipelineEvent>()
    for i in 0..<5 {
      scheduler.advance(to: .zero + .seconds(Int64(i * 10)))
      _ = queue.sendDelayed(
        SQSQueueTests.record(UInt32(i + 1), at: scheduler.now), now: scheduler.now, scheduler: &scheduler)
    }
    #expect(scheduler.pendingCount == 1, "§1 Delay: no event per message")
    #expect(Self.advance(&queue, &scheduler, to: .zero + .seconds(50)) == 3)  // sent at 0, 10, 20
    var orders: [UInt32] = []
    while let slot = queue.popVisible() { orders.append(queue.messages[slot].orderNumber) }
    #expect(orders == [1, 2, 3])
    #expect(scheduler.nextEventTime == .zero + .seconds(60), "the next wake-up at the new head's time")
  }

  /// §1 "Message retention period" shorter than §1 "Delay": the message expires unseen and its
  /// delayed entry is skipped.
  @Test func section1DelayAMessageWhoseRetentionEndsFirstExpiresWithoutBecomingVisible() {
    var queue = Self.queue(delay: .minutes(15), retention: .seconds(60))
    var scheduler = EventScheduler<PipelineEvent>()
    _ = queue.sendDelayed(SQSQueueTests.record(1), now: .zero, scheduler: &scheduler)
    var expired = 0
    queue.sweepRetention(now: .zero + .seconds(60)) { _, _ in expired += 1 }
    #expect(expired == 1)
    let delayedCount = queue.delayedCount
    #expect(delayedCount == 0)
    #expect(Self.advance(&queue, &scheduler, to: .zero + .minutes(16)) == 0)
    let visibleCount = queue.visibleCount
    #expect(visibleCount == 0)
  }

  /// §1 "Delay" in the pipeline: no message is received before 60 s after its send (the queue
  /// wait, send → first receive, includes the delay), idle pollers wake when delayed messages
  /// become visible, the messages still delayed at the end count as queued (their age from the
  /// send), and the ledger balances.
  @Test func section1DelayInARunEveryQueueWaitIsAtLeastTheDelayAndTheLedgerBalances() throws {
    var c = TestConfigurations.base(rate: 5, duration: .minutes(10))
    c.queue.delay = .seconds(60)
    let result = try Simulation.run(c)
    #expect(result.queueWait.count > 1_000, "messages were received: pollers woke")
    // The histogram keeps three significant digits: 60 s reads back within 0.05 s.
    #expect(result.queueWaitTail(above: 59.95) == 1, "§1 Delay: no receive before send + 60 s")
    #expect(result.queueWait.mean < 70, "received soon after the delay: \(result.queueWait.mean)")
    #expect(result.ledger.queued >= 200, "the last minute's messages are still delayed: \(result.ledger.queued)")
    // Delayed messages are queued from their send: the oldest one's age nears the delay.
    #expect(result[.oldestAge] >= 55, "§1 Delay: age counted from the send: \(result[.oldestAge])")
    #expect(result.ledger.isBalanced, "\(result.ledger)")
  }
}
