/// The events of the SQS queue.
enum QueueEvent: Sendable {
  /// A failed delivery's visibility timeout ran out: the message is visible again
  /// (§1 "Visibility timeout"), unless it expired meanwhile.
  case visibilityTimeoutEnds(ReceiptHandle)
}
