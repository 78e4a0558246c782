import OrderValidation
import Testing

/// Order bodies for tests, written from JSON fragments so each case shows exactly what it
/// changes.
enum Bodies {
  /// The example from the order format, byte for byte as documented.
  static let example = """
    {"order_id": "ord-20261127-000123", "customer_id": "cust-8812", "created_at": "2026-11-27T05:12:33.120Z", "currency": "USD",
     "items": [ {"sku": "SKU-1234", "quantity": 2, "price": 19.99}, {"sku": "SKU-77", "quantity": 1, "price": 5.5} ], "total": 45.48}
    """

  static let defaultItems =
    #"[{"sku":"SKU-1234","quantity":2,"price":19.99},{"sku":"SKU-77","quantity":1,"price":5.5}]"#

  /// An order from raw JSON value fragments; `nil` leaves the member out, `extra` adds
  /// members (raw `"key":value` text) at the end.
  static func order(
    orderID: String? = #""ord-20261127-000123""#,
    customerID: String? = #""cust-8812""#,
    createdAt: String? = #""2026-11-27T05:12:33.120Z""#,
    currency: String? = #""USD""#,
    items: String? = defaultItems,
    total: String? = "45.48",
    extra: [String] = []
  ) -> String {
    var members: [String] = []
    if let orderID { members.append(#""order_id":"# + orderID) }
    if let customerID { members.append(#""customer_id":"# + customerID) }
    if let createdAt { members.append(#""created_at":"# + createdAt) }
    if let currency { members.append(#""currency":"# + currency) }
    if let items { members.append(#""items":"# + items) }
    if let total { members.append(#""total":"# + total) }
    return "{" + (members + extra).joined(separator: ",") + "}"
  }

  /// One item object from raw value fragments.
  static func item(sku: String? = #""SKU-1""#, quantity: String? = "1", price: String? = "1.00", extra: [String] = [])
    -> String
  {
    var members: [String] = []
    if let sku { members.append(#""sku":"# + sku) }
    if let quantity { members.append(#""quantity":"# + quantity) }
    if let price { members.append(#""price":"# + price) }
    return "{" + (members + extra).joined(separator: ",") + "}"
  }

  /// An order whose only item is `item`, with `total`.
  static func orderWithItem(_ item: String, total: String = "1.00") -> String {
    order(items: "[" + item + "]", total: total)
  }
}

/// One table row: a body and the failure it must produce (`nil`: valid).
struct Case: Sendable, CustomTestStringConvertible {
  var name: String
  var body: [UInt8]
  var expected: ValidationFailure?
  var maxMessageSize = OrderValidator.defaultMaxMessageSize

  init(_ name: String, _ body: String, _ expected: ValidationFailure?) {
    self.name = name
    self.body = Array(body.utf8)
    self.expected = expected
  }

  init(_ name: String, bytes: [UInt8], _ expected: ValidationFailure?) {
    self.name = name
    self.body = bytes
    self.expected = expected
  }

  var testDescription: String { name }
}

extension ValidationFailure {
  static func at(_ reason: ValidationReason, _ field: FieldPath) -> ValidationFailure {
    ValidationFailure(reason, at: field)
  }
  static let malformed = ValidationFailure(.malformedJSON)
}

extension Result {
  var failure: Failure? {
    if case .failure(let failure) = self { return failure }
    return nil
  }
  var value: Success? {
    if case .success(let value) = self { return value }
    return nil
  }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a seeded generator so fuzz runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
