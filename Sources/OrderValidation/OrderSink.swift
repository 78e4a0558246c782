/// Receives the values of an order as the pass meets them, so one pass can serve both the
/// allocation-free check (which keeps a hash) and the full validation (which builds strings).
///
/// A sink sees only values that passed their own rule; whether the order as a whole is valid
/// is known only at the end, so a sink's contents matter only for a valid order.
protocol OrderSink {
  mutating func orderID(_ bytes: UnsafeBufferPointer<UInt8>)
  mutating func customerID(_ bytes: UnsafeBufferPointer<UInt8>)
  mutating func createdAt(_ bytes: UnsafeBufferPointer<UInt8>)
  mutating func currency(_ bytes: UnsafeBufferPointer<UInt8>)
  /// The `sku` of item `item`; it comes before that item's ``item(_:quantity:priceCents:)``.
  mutating func sku(_ bytes: UnsafeBufferPointer<UInt8>, item: Int)
  /// Item `index` closed with all three fields valid.
  mutating func item(_ index: Int, quantity: Int, priceCents: Int64)
}

/// Keeps only the hash of `order_id`: the sink of `OrderValidator.check(_:)`.
struct SummarySink: OrderSink {
  var orderIDHash: UInt64 = 0

  @inline(__always)
  mutating func orderID(_ bytes: UnsafeBufferPointer<UInt8>) {
    orderIDHash = StableHash.hash(UnsafeRawBufferPointer(bytes))
  }
  @inline(__always) mutating func customerID(_ bytes: UnsafeBufferPointer<UInt8>) {}
  @inline(__always) mutating func createdAt(_ bytes: UnsafeBufferPointer<UInt8>) {}
  @inline(__always) mutating func currency(_ bytes: UnsafeBufferPointer<UInt8>) {}
  @inline(__always) mutating func sku(_ bytes: UnsafeBufferPointer<UInt8>, item: Int) {}
  @inline(__always) mutating func item(_ index: Int, quantity: Int, priceCents: Int64) {}
}

/// Keeps nothing: the sink of `OrderValidator.firstFailure(in:)`, for callers that want the
/// verdict alone. The simulator judges every body with it and never reads a summary, so it
/// does not hash each `order_id` for nothing (callgrind: 90 instructions a body).
struct VerdictSink: OrderSink {
  @inline(__always) mutating func orderID(_ bytes: UnsafeBufferPointer<UInt8>) {}
  @inline(__always) mutating func customerID(_ bytes: UnsafeBufferPointer<UInt8>) {}
  @inline(__always) mutating func createdAt(_ bytes: UnsafeBufferPointer<UInt8>) {}
  @inline(__always) mutating func currency(_ bytes: UnsafeBufferPointer<UInt8>) {}
  @inline(__always) mutating func sku(_ bytes: UnsafeBufferPointer<UInt8>, item: Int) {}
  @inline(__always) mutating func item(_ index: Int, quantity: Int, priceCents: Int64) {}
}

/// Collects the strings and items of an ``Order``.
struct OrderBuilder: OrderSink {
  var orderID = ""
  var customerID = ""
  var createdAt = ""
  var currency = ""
  var items: [OrderItem] = []
  private var pendingSKU = ""

  mutating func orderID(_ bytes: UnsafeBufferPointer<UInt8>) { orderID = String(decoding: bytes, as: UTF8.self) }
  mutating func customerID(_ bytes: UnsafeBufferPointer<UInt8>) { customerID = String(decoding: bytes, as: UTF8.self) }
  mutating func createdAt(_ bytes: UnsafeBufferPointer<UInt8>) { createdAt = String(decoding: bytes, as: UTF8.self) }
  mutating func currency(_ bytes: UnsafeBufferPointer<UInt8>) { currency = String(decoding: bytes, as: UTF8.self) }
  mutating func sku(_ bytes: UnsafeBufferPointer<UInt8>, item: Int) {
    pendingSKU = String(decoding: bytes, as: UTF8.self)
  }
  mutating func item(_ index: Int, quantity: Int, priceCents: Int64) {
    items.append(OrderItem(sku: pendingSKU, quantity: quantity, priceCents: priceCents))
  }
}
