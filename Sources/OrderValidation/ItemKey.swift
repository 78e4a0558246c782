/// The members of an item object that the format defines, each a bit in a "seen" mask.
enum ItemKey: UInt8 {
  case sku = 0b001
  case quantity = 0b010
  case price = 0b100

  static let allBits: UInt8 = 0b111

  @inline(__always)
  init?(_ key: UnsafeBufferPointer<UInt8>) {
    switch key.count {
    case 3:
      guard key.equals("sku") else { return nil }
      self = .sku
    case 5:
      guard key.equals("price") else { return nil }
      self = .price
    case 8:
      guard key.equals("quantity") else { return nil }
      self = .quantity
    default:
      return nil
    }
  }

  static func firstMissing(_ seen: UInt8) -> ItemKey? {
    let missing = ~seen & allBits
    return ItemKey(rawValue: missing & (0 &- missing))
  }

  func path(item index: Int) -> FieldPath {
    switch self {
    case .sku: .sku(item: index)
    case .quantity: .quantity(item: index)
    case .price: .price(item: index)
    }
  }
}
