import DequeModule
import HeapModule
import SimulationKernel

/// An SQS standard queue with its redrive policy and dead-letter queue (aws-behaviour.md §1).
///
/// Visible messages wait in a deque of `(slot, order)` references, roughly oldest first as SQS
/// serves them; a reference whose message has since been deleted or re-used is skipped when
/// reached (a tombstone), so deleting a visible message is O(1).
public struct SQSQueue: Sendable {
  public let configuration: QueueConfiguration
  public var messages = MessageStore()
  var visible = Deque<UInt64>()
  /// Every live message in send order, for retention expiry of visible messages.
  var sendOrder = Deque<UInt64>()
  /// DLQ contents by original send time, for DLQ retention (counted from the original send:
  /// §1 "DLQ message timestamp / retention").
  var dlqBySendTime = Heap<DLQEntry>()

  public private(set) var visibleCount = 0
  public private(set) var inFlightCount = 0
  public private(set) var dlqCount = 0

  struct DLQEntry: Comparable, Sendable {
    var sentAt: Int64
    var sequence: UInt64
    var reason: UInt8
    var valid: Bool
    static func < (a: Self, b: Self) -> Bool { (a.sentAt, a.sequence) < (b.sentAt, b.sequence) }
    static func == (a: Self, b: Self) -> Bool { a.sentAt == b.sentAt && a.sequence == b.sequence }
  }
  var dlqSequence: UInt64 = 0

  /// §1 `ApproximateAgeOfOldestMessage`: a message received about three times is moved to the
  /// back of the queue; before that, a returning message keeps its place at the front.
  static let backOfQueueAfterReceives: UInt16 = 3

  public init(configuration: QueueConfiguration) {
    self.configuration = configuration
  }

  @inline(__always)
  static func reference(_ slot: UInt32, _ order: UInt32) -> UInt64 { UInt64(order) << 32 | UInt64(slot) }

  // MARK: - Send

  /// Stores a sent message; it is visible at once (no delay queue).
  public mutating func send(_ record: MessageRecord) -> UInt32 {
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
  public mutating func popVisible() -> UInt32? {
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

  /// Marks a popped visible message as received: hidden, receive count raised (§1 "ReceiveCount").
  @inline(__always)
  public mutating func markReceived(_ slot: UInt32) {
    messages[slot].state = .inFlight
    messages[slot].receiveCount &+= 1
    inFlightCount += 1
  }

  /// Whether the next receive of this message would exceed `maxReceiveCount`: then SQS moves it
  /// to the DLQ instead of delivering it (§1 "Redrive policy maxReceiveCount", lazy move).
  @inline(__always)
  public func redrivesOnReceive(_ slot: UInt32) -> Bool {
    guard let max = configuration.maxReceiveCount else { return false }
    return Int(messages[slot].receiveCount) >= max
  }

  /// Whether the message has outlived the queue's retention period (§1 "Message retention period").
  @inline(__always)
  public func isExpired(_ slot: UInt32, now: SimTime) -> Bool {
    now.nanoseconds - messages[slot].sentAt >= configuration.retention.nanoseconds
  }

  // MARK: - Return, delete, redrive, expire

  /// An in-flight message becomes visible again (visibility timeout over, or the batch failed).
  /// Returns false when the delivery is stale (the message was deleted or received again since).
  public mutating func makeVisible(_ slot: UInt32, order: UInt32, receiveCount: UInt16) -> Bool {
    let record = messages[slot]
    guard record.state == .inFlight, record.orderNumber == order, record.receiveCount == receiveCount else {
      return false
    }
    messages[slot].state = .visible
    messages[slot].flags.insert(.enqueued)
    inFlightCount -= 1
    visibleCount += 1
    let ref = Self.reference(slot, order)
    if record.receiveCount >= Self.backOfQueueAfterReceives { visible.append(ref) } else { visible.prepend(ref) }
    return true
  }

  /// Deletes a message (after success). Works on an in-flight or a visible message.
  public mutating func delete(_ slot: UInt32) {
    switch messages[slot].state {
    case .inFlight: inFlightCount -= 1
    case .visible: visibleCount -= 1
    case .free: return
    }
    messages.free(slot)
  }

  /// Moves a message (just popped, not received) to the DLQ.
  public mutating func moveToDLQ(_ slot: UInt32) {
    let record = messages[slot]
    dlqBySendTime.insert(
      DLQEntry(sentAt: record.sentAt, sequence: dlqSequence, reason: record.lastFailure, valid: record.isValidOrder))
    dlqSequence &+= 1
    dlqCount += 1
    messages.free(slot)
  }

  /// Drops a popped visible message whose retention ran out.
  public mutating func dropExpired(_ slot: UInt32) {
    messages.free(slot)
  }

  /// Expires the visible messages whose retention has run out, oldest first, calling
  /// `expired(slot)` before each is dropped. In-flight ones are checked when they return.
  public mutating func sweepRetention(now: SimTime, _ expired: (MessageRecord) -> Void) {
    let limit = now.nanoseconds - configuration.retention.nanoseconds
    while let ref = sendOrder.first {
      let slot = UInt32(truncatingIfNeeded: ref)
      let order = UInt32(truncatingIfNeeded: ref >> 32)
      let record = messages[slot]
      if record.state == .free || record.orderNumber != order {
        sendOrder.removeFirst()
        continue
      }
      guard record.sentAt <= limit else { break }
      sendOrder.removeFirst()
      if record.state == .visible {
        expired(record)
        visibleCount -= 1
        messages.free(slot)
      }
    }
  }

  /// Removes DLQ messages older than the DLQ retention, calling `expired(reason, valid)` for each.
  public mutating func sweepDLQ(now: SimTime, _ expired: (UInt8, Bool) -> Void) {
    let limit = now.nanoseconds - configuration.dlqRetention.nanoseconds
    while let oldest = dlqBySendTime.min, oldest.sentAt <= limit {
      _ = dlqBySendTime.popMin()
      dlqCount -= 1
      expired(oldest.reason, oldest.valid)
    }
  }

  /// Age of the oldest message still in the queue (visible or in flight), by the send-order list.
  public mutating func oldestAge(now: SimTime) -> SimDuration {
    while let ref = sendOrder.first {
      let slot = UInt32(truncatingIfNeeded: ref)
      let order = UInt32(truncatingIfNeeded: ref >> 32)
      let record = messages[slot]
      if record.state == .free || record.orderNumber != order {
        sendOrder.removeFirst()
        continue
      }
      return SimDuration(nanoseconds: now.nanoseconds - record.sentAt)
    }
    return .zero
  }

  /// Bytes held per queued message, for the memory check.
  public var footprintBytes: Int {
    messages.footprintBytes + (visible.count + sendOrder.count) * 8
  }
}
