import SimulationKernel

/// The queue's delay (aws-behaviour.md §1 "Delay": `DelaySeconds` 0 – 900 s, "delayed messages
/// are not visible"). A delayed message is queued (in the ledger and `messages.queued_at_end`,
/// its age counted from the send) but cannot be received until send + delay. With one delay for
/// every message they become visible in send order, so a deque and one pending
/// ``QueueEvent/delayEnds`` (at the head's time) stand for them all: no event per message.
extension SQSQueue {
  /// One delayed message: when it becomes visible, and its `(slot, order)` reference.
  struct DelayedMessage: Sendable {
    var visibleAt: SimTime
    var reference: UInt64
  }

  /// Whether sends go through ``sendDelayed(_:now:scheduler:)``.
  @inline(__always)
  var delaysMessages: Bool { configuration.delay > .zero }

  /// Stores a sent message that becomes visible at `now + delay`; schedules the wake-up when
  /// none is pending.
  mutating func sendDelayed(
    _ record: MessageRecord, now: SimTime, scheduler: inout EventScheduler<PipelineEvent>
  ) -> UInt32 {
    var record = record
    record.state = .visible
    record.flags.insert(.delayed)
    let slot = messages.allocate(record)
    let ref = Self.reference(slot, record.orderNumber)
    let visibleAt = now + configuration.delay
    delayed.append(DelayedMessage(visibleAt: visibleAt, reference: ref))
    sendOrder.append(ref)
    delayedCount += 1
    if delayWakeUp == nil {
      delayWakeUp = visibleAt
      scheduler.schedule(.queue(.delayEnds), at: visibleAt, priority: .messageReturn)
    }
    return slot
  }

  /// Handles ``QueueEvent/delayEnds``: every delayed message due by `now` becomes visible (at
  /// the back of the visible deque); the next wake-up is scheduled at the new head's time.
  /// Returns how many became visible.
  mutating func releaseDelayed(now: SimTime, scheduler: inout EventScheduler<PipelineEvent>) -> Int {
    delayWakeUp = nil
    var released = 0
    while let head = delayed.first, head.visibleAt <= now {
      delayed.removeFirst()
      let slot = UInt32(truncatingIfNeeded: head.reference)
      let order = UInt32(truncatingIfNeeded: head.reference >> 32)
      let record = messages[slot]
      // Gone meanwhile (retention shorter than the delay): a tombstone.
      guard record.state == .visible, record.orderNumber == order, record.flags.contains(.delayed) else { continue }
      enqueueAfterDelay(slot, head.reference)
      released += 1
    }
    if let head = delayed.first {
      delayWakeUp = head.visibleAt
      scheduler.schedule(.queue(.delayEnds), at: head.visibleAt, priority: .messageReturn)
    }
    return released
  }
}
