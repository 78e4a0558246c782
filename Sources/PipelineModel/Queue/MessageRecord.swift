/// One SQS message as the simulator keeps it: 32 bytes, no body.
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
  }

  /// Original send time (ns): queue wait, end-to-end latency and retention count from it.
  public var sentAt: Int64
  public var orderNumber: UInt32
  /// The other message of a producer duplicate (same order), or `UInt32.max`.
  public var twin: UInt32
  /// `ApproximateReceiveCount`: raised on every receive (aws-behaviour.md §1 "ReceiveCount").
  public var receiveCount: UInt16
  public var state: State
  /// 0 = valid body; otherwise `OrderDefect` index + 1.
  public var defect: UInt8
  public var items: UInt8
  public var flags: Flags
  /// Why the last delivery failed (`FailureReason` raw value): the DLQ reason if it moves.
  public var lastFailure: UInt8
  /// The validation core's verdict on the body: 0 = valid, else a `FailureReason` raw value.
  public var verdict: UInt8 = 0
  /// DynamoDB write units of the order's item.
  public var units: UInt16 = 1

  public struct Flags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// A delivery of this message has written its order to the table.
    public static let written = Flags(rawValue: 1)
    /// The order was already persisted through the twin message.
    public static let orderPersisted = Flags(rawValue: 2)
    /// Sitting in the visible deque (a deque slot refers to it).
    public static let enqueued = Flags(rawValue: 4)
    /// Synchronous architecture: the twin request of this order gave up; if this one fails too,
    /// the order is lost (counted once, by whichever copy fails last).
    public static let twinGaveUp = Flags(rawValue: 8)
  }

  public var isValidOrder: Bool { defect == 0 }
}
