/// The rule for `order_id`, `customer_id` and `sku`: 1–64 characters from `A–Z a–z 0–9 - _`.
///
/// Every allowed character is one ASCII byte, so counting bytes of the unescaped value counts
/// characters, and any non-ASCII byte already fails.
enum Identifier {
  static let maximumLength = 64

  /// Whether `bytes` form a valid identifier.
  ///
  /// Ids are checked on every order, so this tests eight bytes per step with word arithmetic
  /// (the last word overlaps the previous one rather than reading past the end); ids shorter
  /// than eight bytes use two overlapping four-byte words, or single bytes below four.
  @inline(__always)
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count >= 1, count <= maximumLength, let base = bytes.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    if count >= 8 {
      var offset = 0
      while offset + 8 < count {
        guard allAllowed(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) else { return false }
        offset += 8
      }
      return allAllowed(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }
    if count >= 4 {
      return allAllowed(raw.loadUnaligned(as: UInt32.self))
        && allAllowed(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
    }
    for index in 0..<count where !allAllowed(base[index]) { return false }
    return true
  }

  /// Whether every byte of `word` is an allowed character (SWAR: SIMD within a register).
  ///
  /// With all bytes below 0x80, adding `0x80 - low` to each byte sets its high bit exactly
  /// when the byte is at least `low`, and no carry crosses into the next byte.
  @inline(__always)
  static func allAllowed<Word: FixedWidthInteger & UnsignedInteger>(_ word: Word) -> Bool {
    let ones = Word.max / 0xFF  // 0x0101…01
    let highs = ones &* 0x80
    let lows = ones &* 0x7F
    guard word & highs == 0 else { return false }
    @inline(__always) func atLeast(_ value: Word, _ low: Word) -> Word { value &+ ones &* (0x80 - low) }
    @inline(__always) func above(_ value: Word, _ high: Word) -> Word { value &+ ones &* (0x7F - high) }
    @inline(__always) func equal(_ value: Word, _ byte: Word) -> Word {
      let difference = value ^ (ones &* byte)
      return ~(((difference & lows) &+ lows) | difference)
    }
    let folded = word | (ones &* 0x20)  // A–Z → a–z (and digits stay digits)
    let letters = atLeast(folded, 0x61) & ~above(folded, 0x7A)
    let digits = atLeast(word, 0x30) & ~above(word, 0x39)
    let allowed = letters | digits | equal(word, 0x2D) | equal(word, 0x5F)
    return allowed & highs == highs
  }
}
