extension UnsafeBufferPointer<UInt8> {
  /// Whether these bytes spell `literal`.
  ///
  /// Compares with two overlapping word loads for lengths up to 16 (all the order format's
  /// keys), so recognising a key costs a few instructions instead of a loop per byte.
  @inline(__always)
  func equals(_ literal: StaticString) -> Bool {
    let length = count
    guard length == literal.utf8CodeUnitCount, let base = baseAddress else {
      return length == 0 && literal.utf8CodeUnitCount == 0
    }
    let a = UnsafeRawPointer(base)
    let b = UnsafeRawPointer(literal.utf8Start)
    @inline(__always) func same<Word: FixedWidthInteger>(_: Word.Type, at offset: Int) -> Bool {
      a.loadUnaligned(fromByteOffset: offset, as: Word.self) == b.loadUnaligned(fromByteOffset: offset, as: Word.self)
    }
    switch length {
    case 1: return base[0] == literal.utf8Start[0]
    case 2...3: return same(UInt16.self, at: 0) && same(UInt16.self, at: length - 2)
    case 4...7: return same(UInt32.self, at: 0) && same(UInt32.self, at: length - 4)
    case 8...16: return same(UInt64.self, at: 0) && same(UInt64.self, at: length - 8)
    default:
      for index in 0..<length where base[index] != literal.utf8Start[index] { return false }
      return true
    }
  }
}
