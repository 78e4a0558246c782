/// Conservation of messages: every message sent is in exactly one place at the end of a run
/// (DESIGN.md "Data flow", step 4):
/// `sent = persisted + duplicatesSuppressed + dlq + expired + rejectedAtSend + queued + inFlight`.
/// A run whose ledger does not balance is a bug in peaksim and fails loudly.
public struct OrderLedger: Sendable, Equatable {
  public var sent = 0
  public var persisted = 0
  public var duplicatesSuppressed = 0
  public var dlq = 0
  public var expired = 0
  public var rejectedAtSend = 0
  public var queued = 0
  public var inFlight = 0

  public init() {}

  public var accountedFor: Int { persisted + duplicatesSuppressed + dlq + expired + rejectedAtSend + queued + inFlight }
  public var isBalanced: Bool { sent == accountedFor }

  public var description: String {
    "sent \(sent) vs persisted \(persisted) + duplicates_suppressed \(duplicatesSuppressed) + dlq \(dlq) + expired \(expired) + rejected_at_send \(rejectedAtSend) + queued \(queued) + in_flight \(inFlight) = \(accountedFor)"
  }
}

/// Thrown when a run's ledger does not balance.
public struct LedgerImbalance: Error, CustomStringConvertible {
  public var ledger: OrderLedger
  public var description: String { "peaksim bug: the order ledger does not balance: \(ledger.description)" }
}
