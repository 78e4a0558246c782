/// One arrival, ready for the pipeline: when it arrives, what the producer made, and the
/// validation core's verdict on its body.
///
/// The body is a pure function of the order (``OrderFactory``), so its verdict is too: it is
/// computed once, when the body is first written, and travels with the message in three bytes
/// instead of the body itself. Every delivery of the message is judged by that verdict — the
/// same one the validation core gives the regenerated body on every receive.
struct PreparedOrder: Sendable {
  var time: Int64
  var number: UInt32
  var bodyLength: Int32
  /// `.none` = valid; otherwise why the validation core refused the body.
  var verdict: FailureReason
  /// The producer's defect, or nil.
  var defect: OrderDefect?
  var items: UInt8
  var sentTwice: Bool
  /// DynamoDB write units of the item (1 KB each).
  var units: UInt16
}
