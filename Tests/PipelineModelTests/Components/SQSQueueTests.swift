import Randomness
import SimulationKernel
import Testing

@testable import PipelineModel

/// The queue alone (aws-behaviour.md §1), without a pipeline around it.
@Suite struct SQSQueueTests {
  static func queue(visibility: SimDuration = .seconds(30), maxReceives: Int? = 3) -> SQSQueue {
    var c = QueueConfiguration()
    c.visibilityTimeout = visibility
    c.maxReceiveCount = maxReceives
    return SQSQueue(configuration: c, seed: 1)
  }

  static func record(_ order: UInt32, at t: SimTime = .zero) -> MessageRecord {
    MessageRecord(
      sentAt: t, orderNumber: order, state: .visible, defect: nil, items: 1, verdict: .none, units: 1)
  }

  static func receive(_ queue: inout SQSQueue) -> ReceiptHandle? {
    guard let slot = queue.popVisible() else { return nil }
    queue.markReceived(slot)
    let r = queue.messages[slot]
    return ReceiptHandle(slot: slot, order: r.orderNumber, receiveCount: r.receiveCount)
  }

  /// §1 "Visibility timeout": counted from the receive, not from when processing started or failed.
  @Test func failedMessageReturnsAtReceivePlusVisibilityTimeout() throws {
    var queue = Self.queue()
    var scheduler = EventScheduler<PipelineEvent>()
    _ = queue.send(Self.record(1))
    let receivedAt = SimTime.zero + .seconds(2)
    scheduler.advance(to: receivedAt)
    let receivedreceipt = Self.receive(&queue)
    let receipt = try #require(receivedreceipt)
    scheduler.advance(to: receivedAt + .seconds(10))
    let outcome = queue.deliveryFailed(
      receipt, reason: .tableThrottled, receivedAt: receivedAt, now: scheduler.now, scheduler: &scheduler)
    guard case .waiting = outcome else { Issue.record("expected to wait, got \(outcome)"); return }
    #expect(scheduler.nextEventTime == receivedAt + .seconds(30), "§1 Visibility timeout: from the receive")
    let visibleCount = queue.visibleCount
    let inFlightCount = queue.inFlightCount
    #expect(visibleCount == 0 && inFlightCount == 1)
    let next = scheduler.next(until: .distantFuture)
    let event = try #require(next)
    guard case .queue(let e) = event else { Issue.record("expected a queue event"); return }
    guard case .visible = queue.handle(e, now: scheduler.now) else { Issue.record("not visible"); return }
    let visibleCount2 = queue.visibleCount
    let inFlightCount2 = queue.inFlightCount
    #expect(visibleCount2 == 1 && inFlightCount2 == 0)
    let lastFailure = queue.messages[receipt.slot].lastFailure
    #expect(lastFailure == .tableThrottled)
  }

  @Test func staleReceiptNeitherReturnsNorDeletes() throws {
    var queue = Self.queue()
    var scheduler = EventScheduler<PipelineEvent>()
    _ = queue.send(Self.record(1))
    let receivedfirst = Self.receive(&queue)
    let first = try #require(receivedfirst)
    let madeVisible = queue.makeVisible(first)  // visibility timeout ran out mid-processing
    #expect(madeVisible)
    let receivedsecond = Self.receive(&queue)
    let second = try #require(receivedsecond)
    #expect(second.receiveCount == 2)
    let outcome = queue.deliveryFailed(
      first, reason: .batchFailed, receivedAt: .zero, now: .zero, scheduler: &scheduler)
    guard case .stale = outcome else {
      Issue.record("a stale receipt must do nothing")
      return
    }
    #expect(scheduler.pendingCount == 0)
    let inFlightCount = queue.inFlightCount
    #expect(inFlightCount == 1)
  }

  /// §1 "Redrive policy maxReceiveCount": the receive after the last allowed one moves the message.
  @Test func messageRedrivesOnTheReceiveAfterMaxReceiveCount() throws {
    var queue = Self.queue(maxReceives: 2)
    _ = queue.send(Self.record(1))
    for expected in 1...2 {
      let receivedreceipt = Self.receive(&queue)
      let receipt = try #require(receivedreceipt)
      #expect(Int(receipt.receiveCount) == expected)
      let madeVisible = queue.makeVisible(receipt)
      #expect(madeVisible)
    }
    let popVisible = queue.popVisible()
    let slot = try #require(popVisible)
    let redrivesOnReceive = queue.redrivesOnReceive(slot)
    #expect(redrivesOnReceive)
    _ = queue.moveToDLQ(slot)
    let dlqCount = queue.dlqCount
    let visibleCount = queue.visibleCount
    let inFlightCount = queue.inFlightCount
    #expect(dlqCount == 1 && visibleCount == 0 && inFlightCount == 0)
  }

  /// §1 "Message retention period": a message that outlives retention in flight expires on return.
  @Test func messageExpiresOnItsWayBackAfterRetention() throws {
    var c = QueueConfiguration()
    c.retention = .minutes(1)
    c.visibilityTimeout = .minutes(2)
    var queue = SQSQueue(configuration: c, seed: 1)
    _ = queue.send(Self.record(1))
    let receivedreceipt = Self.receive(&queue)
    let receipt = try #require(receivedreceipt)
    guard case .expired(let record, let fate) = queue.returnMessage(receipt, now: .zero + .minutes(2)) else {
      Issue.record("expected expiry")
      return
    }
    #expect(record.orderNumber == 1)
    #expect(fate == nil, "the batch that received it still holds it: its order is not decided yet")
    let inFlightCount = queue.inFlightCount
    let held = queue.messages.live
    #expect(inFlightCount == 0 && held == 1)
    let released = queue.releaseHold(receipt)
    #expect(released == .lost, "a valid order never written, its only message gone")
    let messages = queue.messages.live
    #expect(messages == 0)
  }

  /// A message moved to the DLQ keeps its record while a batch holds it, so a late write of
  /// that batch still finds the order (issue 12 item 2); DLQ retention then frees it.
  @Test func messageInTheDLQStaysAddressableUntilItsRetentionEnds() throws {
    var c = QueueConfiguration()
    c.maxReceiveCount = 1
    c.dlqRetention = .minutes(5)
    var queue = SQSQueue(configuration: c, seed: 1)
    _ = queue.send(Self.record(7))
    let receivedreceipt = Self.receive(&queue)
    let receipt = try #require(receivedreceipt)
    let madeVisible = queue.visibilityTimeoutOverran(receipt)
    #expect(madeVisible)
    let popped = queue.popVisible()
    let slot = try #require(popped)
    let redrives = queue.redrivesOnReceive(slot)
    #expect(redrives)
    _ = queue.moveToDLQ(slot)
    let record = queue.messages[receipt.slot]
    #expect(record.state == .dlq && record.orderNumber == 7)
    #expect(record.lastFailure == .visibilityTimeout)
    var expired: [OrderFate?] = []
    queue.sweepDLQ(now: .zero + .minutes(5)) { expired.append($1) }
    #expect(expired == [nil], "still held by the batch that outlived its visibility timeout")
    let fate = queue.releaseHold(receipt)
    #expect(fate == .lost)
    let dlq = queue.dlqCount
    let live = queue.messages.live
    #expect(dlq == 0 && live == 0)
  }

  /// §1 "ApproximateAgeOfOldestMessage": CloudWatch skips messages received three or more
  /// times; the true oldest age does not.
  @Test func cloudWatchOldestAgeSkipsMessagesReceivedThreeTimes() throws {
    var queue = SQSQueue(configuration: QueueConfiguration(), seed: 1)
    _ = queue.send(Self.record(1))
    for _ in 1...3 {
      let receivedreceipt = Self.receive(&queue)
      let receipt = try #require(receivedreceipt)
      _ = queue.makeVisible(receipt)
    }
    _ = queue.send(Self.record(2, at: .zero + .seconds(60)))
    let now = SimTime.zero + .seconds(100)
    let trueAge = queue.oldestAge(now: now)
    let cloudWatch = queue.cloudWatchOldestAge(now: now)
    #expect(trueAge == .seconds(100))
    #expect(cloudWatch == .seconds(40))
  }

  /// `cloudWatchOldestAge` resumes its search where the previous one stopped, relying on an
  /// entry that fails its test never passing again. Whatever the sends, receives, returns and
  /// deletes in between (slots reused, messages returned past three receives), it must give
  /// what a full scan of the send order gives, the rule it replaced.
  @Test func cloudWatchOldestAgeAlwaysEqualsAFullScan() throws {
    var queue = SQSQueue(configuration: QueueConfiguration(), seed: 1)
    var draws = SplitMix64(seed: 17)
    var held: [ReceiptHandle] = []
    var order: UInt32 = 0
    var now = SimTime.zero
    var nonZero = 0
    for step in 0..<20_000 {
      now = now + .milliseconds(10)
      switch draws.next() % 10 {
      case 0..<4:
        order += 1
        _ = queue.send(Self.record(order, at: now))
      case 4..<7:
        if let receipt = Self.receive(&queue) { held.append(receipt) }
      case 7 where !held.isEmpty:
        let receipt = held.remove(at: Int(draws.next() % UInt64(held.count)))
        _ = queue.makeVisible(receipt)
        _ = queue.releaseHold(receipt)
      default:
        guard !held.isEmpty else { break }
        let receipt = held.remove(at: Int(draws.next() % UInt64(held.count)))
        _ = queue.depart(receipt.slot)
        _ = queue.releaseHold(receipt)
      }
      if step % 25 == 0 {
        let expected = Self.cloudWatchAgeByFullScan(queue, now: now)
        _ = queue.oldestAge(now: now)
        let age = queue.cloudWatchOldestAge(now: now)
        #expect(age == expected, "step \(step)")
        if age != .zero { nonZero += 1 }
      }
    }
    #expect(nonZero > 100, "only \(nonZero) checks saw a message young enough to count")
  }

  static func cloudWatchAgeByFullScan(_ queue: borrowing SQSQueue, now: SimTime) -> SimDuration {
    for ref in queue.sendOrder {
      let record = queue.messages[UInt32(truncatingIfNeeded: ref)]
      if record.isQueued, record.orderNumber == UInt32(truncatingIfNeeded: ref >> 32),
        record.receiveCount < SQSQueue.backOfQueueAfterReceives
      {
        return now - record.sentAt
      }
    }
    return .zero
  }

  /// The record stays 32 bytes, so a backlog of a million messages costs 32 MB.
  @Test func messageRecordIsThirtyTwoBytes() {
    #expect(MemoryLayout<MessageRecord>.size <= 32)
    #expect(MemoryLayout<MessageRecord>.stride == 32)
  }
}
