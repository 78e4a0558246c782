/// Conservation, of messages and of orders, checked at the end of every run (DESIGN.md "Data
/// flow", step 4). A run whose ledgers do not balance is a bug in peaksim and fails loudly.
///
/// Messages: every message sent is in exactly one place,
/// `sent = deleted + dlq + expired + rejectedAtSend + queued + inFlight`.
///
/// Orders (issue 12, item 2): an order is persisted when its first write succeeds, whichever
/// delivery or producer copy made it; it is lost only when no write ever succeeded and none of
/// its messages is left: `orders = persisted + lost + discarded + unfinished + invalidHeld`,
/// where `discarded` are invalid orders gone for good, and `unfinished` (valid orders) and
/// `invalidHeld` (invalid ones, typically in the DLQ) are counted independently at the end,
/// from the messages still queued, in flight, in the DLQ or held.
public struct OrderLedger: Sendable, Equatable {
  public var sent = 0
  /// Messages deleted after a successful delivery.
  public var deleted = 0
  /// Of the deleted, those whose order had already been written by another delivery or copy.
  public var duplicatesSuppressed = 0
  public var dlq = 0
  public var expired = 0
  public var rejectedAtSend = 0
  public var queued = 0
  public var inFlight = 0

  /// Orders created by the traffic model.
  public var orders = 0
  /// Unique orders written to the table.
  public var persisted = 0
  public var lost = 0
  public var discarded = 0
  /// Valid orders with a message still queued, in flight, in the DLQ or held, and no write yet.
  public var unfinished = 0
  /// Invalid orders with a message still queued, in flight or in the DLQ.
  public var invalidHeld = 0

  public init() {}

  public var messagesAccountedFor: Int { deleted + dlq + expired + rejectedAtSend + queued + inFlight }
  public var ordersAccountedFor: Int { persisted + lost + discarded + unfinished + invalidHeld }
  public var messagesBalance: Bool { sent == messagesAccountedFor }
  public var ordersBalance: Bool { orders == ordersAccountedFor }
  public var isBalanced: Bool { messagesBalance && ordersBalance }

  public var description: String {
    "messages: sent \(sent) vs deleted \(deleted) + dlq \(dlq) + expired \(expired) + rejected_at_send \(rejectedAtSend) + queued \(queued) + in_flight \(inFlight) = \(messagesAccountedFor); orders: \(orders) vs persisted \(persisted) + lost \(lost) + discarded \(discarded) + unfinished \(unfinished) + invalid_held \(invalidHeld) = \(ordersAccountedFor)"
  }
}

/// Thrown when a run's ledger does not balance.
public struct LedgerImbalance: Error, CustomStringConvertible {
  public var ledger: OrderLedger
  public var description: String { "peaksim bug: the order ledger does not balance: \(ledger.description)" }
}
