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

  enum Verdict {
    case valid(units: UInt16)
    case invalid(FailureReason)
  }

  /// Writes the order's body and judges it: the verdict (0 = valid, else a `FailureReason`
  /// raw value), the item's write units, and the body's length (for SQS's size limit).
  mutating func prepare(
    _ order: OrderSource.NewOrder, sentAt: Int64, itemSize: TableConfiguration.ItemSize
  ) -> (verdict: UInt8, units: UInt16, length: Int) {
    factory.writeBody(
      orderNumber: UInt64(order.number), itemCount: Int(order.items), defect: OrderSource.defect(order.defect),
      createdAtNanos: sentAt, into: &body)
    switch validator.check(body.bytes) {
    case .success:
      let bytes: Int
      switch itemSize {
      case .auto: bytes = body.count
      case .bytes(let b): bytes = b
      }
      return (0, UInt16(min(400, max(1, (bytes + 1_023) / 1_024))), body.count)
    case .failure(let failure):
      return (FailureReason(failure.reason).rawValue, 1, body.count)
    }
  }

  /// The length in bytes of the message body (SQS checks it at send: §1 "Maximum message size").
  mutating func bodyLength(_ record: MessageRecord) -> Int {
    factory.writeBody(
      orderNumber: UInt64(record.orderNumber), itemCount: Int(record.items), defect: OrderSource.defect(record.defect),
      createdAtNanos: record.sentAt, into: &body)
    return body.count
  }

  mutating func judge(_ record: MessageRecord, itemSize: TableConfiguration.ItemSize) -> Verdict {
    factory.writeBody(
      orderNumber: UInt64(record.orderNumber), itemCount: Int(record.items), defect: OrderSource.defect(record.defect),
      createdAtNanos: record.sentAt, into: &body)
    switch validator.check(body.bytes) {
    case .success:
      let bytes: Int
      switch itemSize {
      case .auto: bytes = body.count
      case .bytes(let b): bytes = b
      }
      return .valid(units: UInt16(min(400, max(1, (bytes + 1_023) / 1_024))))
    case .failure(let failure):
      return .invalid(FailureReason(failure.reason))
    }
  }
}
