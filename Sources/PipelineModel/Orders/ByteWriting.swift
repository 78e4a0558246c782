/// Appending JSON text to a reused byte buffer without building `String`s, so writing a body
/// allocates nothing once the buffer has grown to its working size.
extension Array where Element == UInt8 {
  @inline(__always)
  mutating func append(_ text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// `value` in decimal, zero-padded to at least `width` digits.
  mutating func appendDecimal(_ value: UInt64, width: Int = 1) {
    var digitCount = 1
    var probe = value
    while probe >= 10 {
      probe /= 10
      digitCount += 1
    }
    let length = Swift.max(digitCount, width)
    append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
    var remaining = value
    var index = count - 1
    while remaining > 0 {
      self[index] = UInt8(truncatingIfNeeded: remaining % 10) + UInt8(ascii: "0")
      remaining /= 10
      index -= 1
    }
  }

  /// An amount in cents as a JSON number: `19.99`, or the shortest form (`5.5`, `20`) when
  /// `shortest` is set, as JavaScript's `JSON.stringify` writes it.
  mutating func appendCents(_ cents: Int64, shortest: Bool) {
    if cents < 0 { append(UInt8(ascii: "-")) }
    let magnitude = cents.magnitude
    appendDecimal(magnitude / 100)
    let fraction = magnitude % 100
    if shortest {
      if fraction == 0 { return }
      append(UInt8(ascii: "."))
      if fraction % 10 == 0 { appendDecimal(fraction / 10) } else { appendDecimal(fraction, width: 2) }
    } else {
      append(UInt8(ascii: "."))
      appendDecimal(fraction, width: 2)
    }
  }
}
