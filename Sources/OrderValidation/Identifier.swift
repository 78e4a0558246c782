/// The rule for `order_id`, `customer_id` and `sku`: 1–64 characters from `A–Z a–z 0–9 - _`.
///
/// Every allowed character is one ASCII byte, so counting bytes of the unescaped value counts
/// characters, and any non-ASCII byte already fails.
enum Identifier {
  static let maximumLength = 64

  @inline(__always)
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 1, bytes.count <= maximumLength, let base = bytes.baseAddress else { return false }
    for index in 0..<bytes.count {
      let byte = base[index]
      let letter = byte | 0x20
      guard (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
      else { return false }
    }
    return true
  }
}
