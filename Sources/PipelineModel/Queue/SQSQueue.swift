import DequeModule
import HeapModule
import Randomness
import SimulationKernel

/// An SQS standard queue with its redrive policy and dead-letter queue (aws-behaviour.md §1).
///
/// Visible messages wait in a deque of `(slot, order)` references, roughly oldest first as SQS
/// serves them; a reference whose message has since been deleted or re-used is skipped when
/// reached (a tombstone), so deleting a visible message is O(1). A failed delivery returns
/// through the queue's own event, ``QueueEvent/visibilityTimeoutEnds(_:)``, at the end of the
/// visibility timeout counted from its receive.
struct SQSQueue: ~Copyable {
  let configuration: QueueConfiguration
  var messages = MessageStore()
  /// At-least-once delivery's extra copies (§1 "Delivery semantics").
  var deliveryStream: RandomStream
  var visible = Deque<UInt64>()
  /// Every live message in send order, for retention expiry of visible messages.
  var sendOrder = Deque<UInt64>()
  /// Entries taken off the front of ``sendOrder`` so far, so that a position in it can be kept
  /// as a count from the first send.
  private var sendOrderRemoved = 0
  /// The position (counted from the first send) before which no entry of ``sendOrder`` can
  /// count for ``cloudWatchOldestAge(now:)`` again; see there.
  private var cloudWatchStart = 0
  /// DLQ contents by original send time, for DLQ retention (counted from the original send:
  /// §1 "DLQ message timestamp / retention"). The messages stay in the store (state `.dlq`):
  /// a late write of an invocation that outlived its visibility timeout can still persist the
  /// order of a message already moved (issue 12, item 2).
  var dlqBySendTime = Heap<DLQEntry>()

  private(set) var visibleCount = 0
  private(set) var inFlightCount = 0
  /// §1 "Delay": messages sent but not visible yet, in send order (a constant delay keeps them
  /// in visibility order too), with the time of the one pending ``QueueEvent/delayEnds``.
  var delayed = Deque<DelayedMessage>()
  var delayedCount = 0
  var delayWakeUp: SimTime?
  private(set) var dlqCount = 0

  struct DLQEntry: Comparable, Sendable {
    var sentAt: SimTime
    var sequence: UInt64
    var slot: UInt32
    static func < (a: Self, b: Self) -> Bool { (a.sentAt, a.sequence) < (b.sentAt, b.sequence) }
    static func == (a: Self, b: Self) -> Bool { a.sentAt == b.sentAt && a.sequence == b.sequence }
  }
  var dlqSequence: UInt64 = 0

  /// §1 `ApproximateAgeOfOldestMessage`: a message received about three times is moved to the
  /// back of the queue; before that, a returning message keeps its place at the front.
  static let backOfQueueAfterReceives: UInt16 = 3

  init(configuration: QueueConfiguration, seed: UInt64) {
    self.configuration = configuration
    deliveryStream = RandomStream(seed: seed, name: "queue.delivery")
  }

  @inline(__always)
  static func reference(_ slot: UInt32, _ order: UInt32) -> UInt64 { UInt64(order) << 32 | UInt64(slot) }

  // MARK: - Send

  /// Stores a sent message; it is visible at once (no delay queue).
  mutating func send(_ record: MessageRecord) -> UInt32 {
    var record = record
    record.state = .visible
    record.flags.insert(.enqueued)
    let slot = messages.allocate(record)
    let ref = Self.reference(slot, record.orderNumber)
    visible.append(ref)
    sendOrder.append(ref)
    visibleCount += 1
    return slot
  }

  // MARK: - Receive

  /// Takes the next visible message reference out of the deque, skipping tombstones;
  /// the caller decides whether it is delivered, moved to the DLQ or expired.
  @inline(__always)
  mutating func popVisible() -> UInt32? {
    while let ref = visible.popFirst() {
      let slot = UInt32(truncatingIfNeeded: ref)
      let order = UInt32(truncatingIfNeeded: ref >> 32)
      let record = messages[slot]
      if record.state == .visible && record.orderNumber == order && record.flags.contains(.enqueued) {
        messages[slot].flags.remove(.enqueued)
        visibleCount -= 1
        return slot
      }
    }
    return nil
  }

  /// Whether a receive may take a message: not while the in-flight limit is reached (§1
  /// "In-flight limit"); deletes and returns lift it.
  @inline(__always)
  var canReceive: Bool { inFlightCount < configuration.inFlightLimit }

  /// Marks a popped visible message as received: hidden, receive count raised (§1 "ReceiveCount"),
  /// held by the receiving batch until ``releaseHold(_:)``.
  @inline(__always)
  mutating func markReceived(_ slot: UInt32) {
    var record = messages[slot]  // one write back instead of three checked ones
    record.state = .inFlight
    record.receiveCount &+= 1
    record.holders &+= 1
    messages[slot] = record
    inFlightCount += 1
  }

  /// The batch that received `receipt` has ended: the message is no longer held by it. Returns
  /// the order's fate when this frees a message that had already left the queue.
  mutating func releaseHold(_ receipt: ReceiptHandle) -> OrderFate? {
    let slot = receipt.slot
    guard messages[slot].orderNumber == receipt.order, messages[slot].holders > 0 else { return nil }
    messages[slot].holders -= 1
    guard messages[slot].holders == 0, messages[slot].state == .departed else { return nil }
    return messages.release(slot)
  }

  /// Whether the next receive of this message would exceed `maxReceiveCount`: then SQS moves it
  /// to the DLQ instead of delivering it (§1 "Redrive policy maxReceiveCount", lazy move).
  @inline(__always)
  func redrivesOnReceive(_ slot: UInt32) -> Bool {
    guard let max = configuration.maxReceiveCount else { return false }
    return Int(messages[slot].receiveCount) >= max
  }

  /// Whether the message has outlived the queue's retention period (§1 "Message retention period").
  @inline(__always)
  func isExpired(_ slot: UInt32, now: SimTime) -> Bool {
    now - messages[slot].sentAt >= configuration.retention
  }

  /// Whether this receive hands out an extra copy of the message (§1 "Delivery semantics").
  @inline(__always)
  mutating func deliversExtraCopy() -> Bool {
    configuration.duplicateDelivery > 0 && deliveryStream.bernoulli(configuration.duplicateDelivery)
  }

  // MARK: - Failed deliveries

  /// What became of a message whose delivery failed, or whose visibility timeout ran out.
  enum ReturnOutcome {
    /// The receipt was stale (deleted or received again since): nothing happened.
    case stale
    /// Waiting out its visibility timeout (a ``QueueEvent`` is scheduled).
    case waiting
    /// Retention ran out while it was in flight: gone, this is what it was, and its order's
    /// fate if that is decided (nil while a batch still holds it).
    case expired(MessageRecord, OrderFate?)
    /// Visible again.
    case visible
  }

  /// A delivery failed with `reason`: the message becomes visible again when the visibility
  /// timeout counted from its *receive* runs out (§1 "Visibility timeout"), at once if that is
  /// already past.
  mutating func deliveryFailed(
    _ receipt: ReceiptHandle, reason: FailureReason, receivedAt: SimTime, now: SimTime,
    scheduler: inout EventScheduler<PipelineEvent>
  ) -> ReturnOutcome {
    guard messages[receipt.slot].isCurrent(receipt) else { return .stale }
    messages[receipt.slot].lastFailure = reason
    let visibleAt = receivedAt + configuration.visibilityTimeout
    if visibleAt <= now { return returnMessage(receipt, now: now) }
    scheduler.schedule(.queue(.visibilityTimeoutEnds(receipt)), at: visibleAt, priority: .messageReturn)
    return .waiting
  }

  /// Handles the queue's event: the message returns, or expires if its retention ran out.
  mutating func handle(_ event: QueueEvent, now: SimTime) -> ReturnOutcome {
    switch event {
    case .visibilityTimeoutEnds(let receipt): returnMessage(receipt, now: now)
    // The pipeline releases delayed messages itself (``releaseDelayed(now:scheduler:)``).
    case .delayEnds: .stale
    }
  }

  mutating func returnMessage(_ receipt: ReceiptHandle, now: SimTime) -> ReturnOutcome {
    let record = messages[receipt.slot]
    guard record.isCurrent(receipt) else { return .stale }
    if isExpired(receipt.slot, now: now) {
      return .expired(record, depart(receipt.slot))
    }
    return makeVisible(receipt) ? .visible : .stale
  }

  // MARK: - Return, delete, redrive, expire

  /// The invocation holding `receipt` ran past the visibility timeout: the message is visible
  /// again while it still runs (§1 "Visibility timeout", §7.5), and a DLQ move would say why.
  mutating func visibilityTimeoutOverran(_ receipt: ReceiptHandle) -> Bool {
    guard messages[receipt.slot].isCurrent(receipt) else { return false }
    messages[receipt.slot].lastFailure = .visibilityTimeout
    return makeVisible(receipt)
  }

  /// An in-flight message becomes visible again (visibility timeout over, or the batch failed).
  /// Returns false when the delivery is stale (the message was deleted or received again since).
  mutating func makeVisible(_ receipt: ReceiptHandle) -> Bool {
    let slot = receipt.slot
    let record = messages[slot]
    guard record.isCurrent(receipt) else { return false }
    messages[slot].state = .visible
    messages[slot].flags.insert(.enqueued)
    inFlightCount -= 1
    visibleCount += 1
    let ref = Self.reference(slot, receipt.order)
    if record.receiveCount >= Self.backOfQueueAfterReceives { visible.append(ref) } else { visible.prepend(ref) }
    return true
  }

  /// A delayed message's delay is over: visible, at the back of the deque (§1 "Delay").
  mutating func enqueueAfterDelay(_ slot: UInt32, _ ref: UInt64) {
    messages[slot].flags.remove(.delayed)
    messages[slot].flags.insert(.enqueued)
    delayedCount -= 1
    visibleCount += 1
    visible.append(ref)
  }

  /// A message leaves the queue or the DLQ (deleted after success, or expired). Its slot is
  /// freed at once unless a batch still holds it; returns the order's fate when it is freed.
  mutating func depart(_ slot: UInt32) -> OrderFate? {
    switch messages[slot].state {
    case .inFlight: inFlightCount -= 1
    case .visible:
      if messages[slot].flags.contains(.enqueued) {
        visibleCount -= 1
      } else if messages[slot].flags.contains(.delayed) {
        delayedCount -= 1
        messages[slot].flags.remove(.delayed)
      }
    case .dlq: dlqCount -= 1
    case .free, .departed: return nil
    }
    messages[slot].flags.remove(.enqueued)
    if messages[slot].holders > 0 {
      messages[slot].state = .departed
      return nil
    }
    return messages.release(slot)
  }

  /// The end of the run: a DLQ message whose retention outlasts it, held by no batch and with
  /// no producer twin left, can never change again; it is counted, not kept (memory follows the
  /// backlog, not a DLQ that fills for days: issue 17 item 4).
  var parkingHorizon = SimTime.distantFuture

  /// Moves a message (just popped, not received) to the DLQ. It keeps its record there, so a
  /// late write still finds its order, unless nothing can touch it before the run ends: then
  /// it is parked (counted in the DLQ, its slot freed) and this returns true.
  mutating func moveToDLQ(_ slot: UInt32) -> Bool {
    let record = messages[slot]
    dlqCount += 1
    if record.holders == 0 && messages.liveTwin(of: record) == nil
      && record.sentAt + configuration.dlqRetention > parkingHorizon
    {
      messages.free(slot)
      return true
    }
    dlqBySendTime.insert(DLQEntry(sentAt: record.sentAt, sequence: dlqSequence, slot: slot))
    messages[slot].state = .dlq
    dlqSequence &+= 1
    return false
  }

  /// Expires the visible messages whose retention has run out, oldest first, calling
  /// `expired(record, fate)` for each. In-flight ones are checked when they return.
  mutating func sweepRetention(now: SimTime, _ expired: (MessageRecord, OrderFate?) -> Void) {
    let limit = now - configuration.retention
    while let ref = sendOrder.first {
      let slot = UInt32(truncatingIfNeeded: ref)
      let order = UInt32(truncatingIfNeeded: ref >> 32)
      let record = messages[slot]
      if !record.isQueued || record.orderNumber != order {
        removeFirstSent()
        continue
      }
      guard record.sentAt <= limit else { break }
      removeFirstSent()
      if record.state == .visible {
        expired(record, depart(slot))
      }
    }
  }

  /// Removes DLQ messages older than the DLQ retention, calling `expired(record, fate)` for each.
  mutating func sweepDLQ(now: SimTime, _ expired: (MessageRecord, OrderFate?) -> Void) {
    let limit = now - configuration.dlqRetention
    while let oldest = dlqBySendTime.min, oldest.sentAt <= limit {
      _ = dlqBySendTime.popMin()
      let record = messages[oldest.slot]
      expired(record, depart(oldest.slot))
    }
  }

  /// Age of the oldest message still in the queue (visible or in flight), by the send-order list.
  mutating func oldestAge(now: SimTime) -> SimDuration {
    while let ref = sendOrder.first {
      let slot = UInt32(truncatingIfNeeded: ref)
      let order = UInt32(truncatingIfNeeded: ref >> 32)
      let record = messages[slot]
      if !record.isQueued || record.orderNumber != order {
        removeFirstSent()
        continue
      }
      return now - record.sentAt
    }
    return .zero
  }

  /// `ApproximateAgeOfOldestMessage` as CloudWatch reports it: messages received three or more
  /// times are left out (§1 "ApproximateAgeOfOldestMessage"), so poison messages and long
  /// retries hide from the metric an alarm would watch. Call after ``oldestAge(now:)``.
  ///
  /// The first entry in send order that is still queued and received fewer than three times.
  /// An entry that fails that test fails it for good (a message never returns once it has
  /// left, order numbers are not reused, and receive counts only grow), so the search starts
  /// where the last one stopped: a poison message at the front no longer makes every report
  /// interval walk the tens of thousands of deleted messages sent after it.
  mutating func cloudWatchOldestAge(now: SimTime) -> SimDuration {
    var index = Swift.max(cloudWatchStart - sendOrderRemoved, 0)
    defer { cloudWatchStart = sendOrderRemoved + index }
    while index < sendOrder.count {
      let ref = sendOrder[index]
      let slot = UInt32(truncatingIfNeeded: ref)
      let order = UInt32(truncatingIfNeeded: ref >> 32)
      let record = messages[slot]
      if record.isQueued, record.orderNumber == order, record.receiveCount < Self.backOfQueueAfterReceives {
        return now - record.sentAt
      }
      index += 1
    }
    return .zero
  }

  @inline(__always)
  private mutating func removeFirstSent() {
    sendOrder.removeFirst()
    sendOrderRemoved += 1
  }

  /// Bytes held per queued message, for the memory check.
  var footprintBytes: Int {
    messages.footprintBytes + (visible.count + sendOrder.count) * 8 + delayed.count * 16
  }
}
