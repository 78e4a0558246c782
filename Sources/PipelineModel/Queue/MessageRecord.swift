import SimulationKernel

/// One SQS message as the simulator keeps it: 32 bytes, no body (a test pins the size).
///
/// The body is a pure function of the order (`OrderFactory`), regenerated when the message is
/// received, so a backlog of millions of orders costs tens of megabytes, not gigabytes.
public struct MessageRecord: Sendable {
  public enum State: UInt8, Sendable {
    case free
    /// In the queue and receivable.
    case visible
    /// Received and hidden: processing, or waiting out its visibility timeout.
    case inFlight
    /// Moved to the dead-letter queue (kept until its DLQ retention runs out).
    case dlq
    /// Gone from the queue (deleted or expired) while an invocation still holds a delivery of
    /// it: kept until that invocation ends, because it may still write the order.
    case departed
  }

  /// Original send time: queue wait, end-to-end latency and retention count from it.
  public var sentAt: SimTime
  public var orderNumber: UInt32
  /// The other message of a producer duplicate (same order), or `UInt32.max`.
  public var twin: UInt32
  /// `ApproximateReceiveCount`: raised on every receive (aws-behaviour.md §1 "ReceiveCount").
  public var receiveCount: UInt16
  public var state: State
  /// The producer's defect, or nil for a valid body.
  public var defect: OrderDefect?
  public var items: UInt8
  public var flags: Flags
  /// Why the last delivery failed: the DLQ reason if it moves.
  public var lastFailure: FailureReason
  /// The validation core's verdict on the body: `.none` = valid, else why it is invalid.
  public var verdict: FailureReason
  /// DynamoDB write units of the order's item.
  public var units: UInt16
  /// Batches (invocations) holding a delivery of this message: while any does, the slot is not
  /// reused, so a late write still finds its order.
  public var holders: UInt8

  public init(
    sentAt: SimTime, orderNumber: UInt32, twin: UInt32 = .max, state: State, defect: OrderDefect?, items: UInt8,
    verdict: FailureReason, units: UInt16
  ) {
    self.sentAt = sentAt
    self.orderNumber = orderNumber
    self.twin = twin
    self.receiveCount = 0
    self.state = state
    self.defect = defect
    self.items = items
    self.flags = []
    self.lastFailure = .none
    self.verdict = verdict
    self.units = units
    self.holders = 0
  }

  public struct Flags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// A delivery of this message has written its order to the table.
    public static let written = Flags(rawValue: 1)
    /// The order was already persisted through the twin message.
    public static let orderPersisted = Flags(rawValue: 2)
    /// Sitting in the visible deque (a deque slot refers to it).
    public static let enqueued = Flags(rawValue: 4)
    /// Waiting out the queue's delay (§1 "Delay"): in the delayed deque, not yet visible.
    public static let delayed = Flags(rawValue: 8)
  }

  public var isValidOrder: Bool { defect == nil }

  /// Whether the order has been written to the table, through this message or its twin.
  @inlinable
  public var orderIsPersisted: Bool { flags.contains(.written) || flags.contains(.orderPersisted) }

  /// Whether the message is in the queue (visible or in flight).
  @inlinable
  public var isQueued: Bool { state == .visible || state == .inFlight }

  /// Whether `receipt` names this message's current receive.
  @inlinable
  public func isCurrent(_ receipt: ReceiptHandle) -> Bool {
    orderNumber == receipt.order && receiveCount == receipt.receiveCount && state == .inFlight
  }
}
