/// The events of the SQS queue.
enum QueueEvent: Sendable {
  /// A failed delivery's visibility timeout ran out: the message is visible again
  /// (§1 "Visibility timeout"), unless it expired meanwhile.
  case visibilityTimeoutEnds(ReceiptHandle)
  /// The oldest delayed message's delay is over (§1 "Delay"): the delayed messages due by now
  /// become visible. One such event is pending at a time (``SQSQueue/releaseDelayed(now:scheduler:)``).
  case delayEnds
}
