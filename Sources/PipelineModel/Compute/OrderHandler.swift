import OrderValidation
import SimulationKernel

/// The order processor's code path inside an invocation: regenerate the message body, judge it
/// with the real validation core, and size the table item (§5 "Capacity units": 1 KB write
/// units, rounded up; an item over 400 KB is refused by DynamoDB, not capped).
struct OrderHandler: ~Copyable {
  /// §5 "Capacity units": "Max item size 400 KB" (409,600 bytes).
  static let maximumItemBytes = 409_600

  let factory: OrderFactory
  let validator: OrderValidator
  var body: ByteWriter
  /// The calendar text of the minute of the last body (bodies are written in time order).
  var minuteText = MinuteText()
  /// The validator's memo of the last `created_at` minute it checked.
  var minuteMemo = RFC3339.MinuteMemo()

  init(configuration: PipelineConfiguration) {
    factory = OrderFactory(
      seed: configuration.seed, epochSeconds: configuration.startEpochSeconds ?? 1_795_651_200,
      maxMessageSize: configuration.queue.maxMessageSize)
    validator = OrderValidator(maxMessageSize: configuration.queue.maxMessageSize)
    body = ByteWriter(capacity: factory.bodyCapacity)
  }

  /// Writes the order's body and judges it: the verdict (`.none` = valid), the item's write
  /// units, and the body's length (for SQS's size limit).
  ///
  /// `next` is the order to be prepared after this one: its catalogue lines load while this
  /// body is judged.
  mutating func prepare(
    _ order: OrderSource.NewOrder, sentAt: SimTime, itemSize: TableConfiguration.ItemSize,
    next: OrderSource.NewOrder
  ) -> (verdict: FailureReason, units: UInt16, length: Int) {
    factory.writeBody(
      orderNumber: UInt64(order.number), itemCount: Int(order.items), defect: order.defect,
      createdAtNanos: sentAt.nanoseconds, into: &body, minuteText: &minuteText)
    factory.prefetchItems(orderNumber: UInt64(next.number), itemCount: Int(next.items))
    // The verdict alone: the summary `check` would add is never read here.
    switch validator.firstFailure(in: body.bytes, memo: &minuteMemo) {
    case nil:
      let bytes: Int
      switch itemSize {
      case .auto: bytes = body.count
      case .bytes(let b): bytes = b
      }
      // §5: a `PutItem` over 400 KB fails with a ValidationException; the write never happens.
      guard bytes <= Self.maximumItemBytes else { return (.itemTooLarge, 1, body.count) }
      return (.none, UInt16(max(1, (bytes + 1_023) / 1_024)), body.count)
    case let failure?:
      return (FailureReason(failure.reason), 1, body.count)
    }
  }
}
