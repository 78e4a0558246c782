/// One receive of one message, as SQS's receipt handle names it: the message's slot, its
/// order, and the receive count at that receive. A handle is stale once the message was deleted
/// or received again: a delete or a return through it then does nothing (§1 "Visibility
/// timeout": an expired receipt handle).
public struct ReceiptHandle: Sendable, Equatable {
  public var slot: UInt32
  public var order: UInt32
  public var receiveCount: UInt16

  public init(slot: UInt32, order: UInt32, receiveCount: UInt16) {
    self.slot = slot
    self.order = order
    self.receiveCount = receiveCount
  }
}
