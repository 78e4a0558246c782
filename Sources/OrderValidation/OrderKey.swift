/// The members of the order object that the format defines, each a bit in a "seen" mask.
///
/// The bit order is the order in which missing fields are reported, so the lowest clear bit
/// names the first missing field.
enum OrderKey: UInt8 {
  case orderID = 0b00_0001
  case customerID = 0b00_0010
  case createdAt = 0b00_0100
  case currency = 0b00_1000
  case items = 0b01_0000
  case total = 0b10_0000

  static let allBits: UInt8 = 0b11_1111

  /// Recognises a key from its unescaped bytes.
  @inline(__always)
  init?(_ key: UnsafeBufferPointer<UInt8>) {
    switch key.count {
    case 5:
      if key.equals("items") { self = .items } else if key.equals("total") { self = .total } else { return nil }
    case 8:
      if key.equals("order_id") {
        self = .orderID
      } else if key.equals("currency") {
        self = .currency
      } else {
        return nil
      }
    case 10:
      guard key.equals("created_at") else { return nil }
      self = .createdAt
    case 11:
      guard key.equals("customer_id") else { return nil }
      self = .customerID
    default:
      return nil
    }
  }

  /// The first key, in reporting order, whose bit is clear in `seen`.
  static func firstMissing(_ seen: UInt8) -> OrderKey? {
    let missing = ~seen & allBits
    return OrderKey(rawValue: missing & (0 &- missing))
  }

  /// The key a producer writing the documented order would write next, given the keys seen:
  /// the lowest clear bit when all bits below it are set.
  @inline(__always)
  static func predicted(after seen: UInt8) -> OrderKey? {
    seen & (seen &+ 1) == 0 ? OrderKey(rawValue: seen &+ 1) : nil
  }

  /// The key as it appears in a body: quoted, with its colon.
  var member: StaticString {
    switch self {
    case .orderID: "\"order_id\":"
    case .customerID: "\"customer_id\":"
    case .createdAt: "\"created_at\":"
    case .currency: "\"currency\":"
    case .items: "\"items\":"
    case .total: "\"total\":"
    }
  }

  var path: FieldPath {
    switch self {
    case .orderID: .orderID
    case .customerID: .customerID
    case .createdAt: .createdAt
    case .currency: .currency
    case .items: .items
    case .total: .total
    }
  }
}
