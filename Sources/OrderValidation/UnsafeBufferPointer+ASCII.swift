extension UnsafeBufferPointer<UInt8> {
  /// Whether these bytes spell `literal` (an ASCII literal of the same length).
  @inline(__always)
  func equals(_ literal: StaticString) -> Bool {
    let expected = literal.utf8Start
    guard count == literal.utf8CodeUnitCount, let base = baseAddress else { return false }
    for index in 0..<count where base[index] != expected[index] { return false }
    return true
  }
}
