import OrderValidation
import SimulationKernel

/// The order processor's code path inside an invocation: regenerate the message body, judge it
/// with the real validation core, and size the table item (§5 "Capacity units": 1 KB write units).
struct OrderHandler: ~Copyable {
  let factory: OrderFactory
  let validator: OrderValidator
  var body: ByteWriter

  init(configuration: PipelineConfiguration) {
    factory = OrderFactory(
      seed: configuration.seed, epochSeconds: configuration.startEpochSeconds ?? 1_795_651_200,
      maxMessageSize: configuration.queue.maxMessageSize)
    validator = OrderValidator(maxMessageSize: configuration.queue.maxMessageSize)
    body = ByteWriter(capacity: factory.bodyCapacity)
  }

  /// Writes the order's body and judges it: the verdict (`.none` = valid), the item's write
  /// units, and the body's length (for SQS's size limit).
  mutating func prepare(
    _ order: OrderSource.NewOrder, sentAt: SimTime, itemSize: TableConfiguration.ItemSize
  ) -> (verdict: FailureReason, units: UInt16, length: Int) {
    factory.writeBody(
      orderNumber: UInt64(order.number), itemCount: Int(order.items), defect: order.defect,
      createdAtNanos: sentAt.nanoseconds, into: &body)
    switch validator.check(body.bytes) {
    case .success:
      let bytes: Int
      switch itemSize {
      case .auto: bytes = body.count
      case .bytes(let b): bytes = b
      }
      return (.none, UInt16(min(400, max(1, (bytes + 1_023) / 1_024))), body.count)
    case .failure(let failure):
      return (FailureReason(failure.reason), 1, body.count)
    }
  }
}
