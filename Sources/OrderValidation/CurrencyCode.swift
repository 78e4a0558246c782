/// The rule for `currency`: three uppercase ASCII letters (an ISO 4217 code's shape; the
/// validator does not keep the list of codes, which changes).
enum CurrencyCode {
  @inline(__always)
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == 3, let base = bytes.baseAddress else { return false }
    return base[0] &- 0x41 < 26 && base[1] &- 0x41 < 26 && base[2] &- 0x41 < 26
  }
}
