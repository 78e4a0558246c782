/// One message as handed to one invocation, and what became of it.
struct Delivery: Sendable {
  enum Outcome: UInt8 { case pending, needsWrite, written, duplicate, failed }
  var receipt: ReceiptHandle
  /// An extra copy from at-least-once delivery (§1 "Delivery semantics"): not its own message.
  var isExtraCopy: Bool
  var outcome: Outcome = .pending
  var failure: FailureReason = .none
  var units: UInt16 = 1

  init(receipt: ReceiptHandle, isExtraCopy: Bool) {
    self.receipt = receipt
    self.isExtraCopy = isExtraCopy
  }
}
