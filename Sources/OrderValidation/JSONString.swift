/// Where one JSON string's content lies in the body, between its quotes.
///
/// The scanner has already checked the content (UTF-8, escapes, surrogate pairs), so reading
/// it back never fails. Most strings have no escapes and are used in place; the rest are
/// unescaped into a temporary buffer only when a rule needs their value.
struct JSONString {
  /// Offset of the first content byte (just after the opening quote).
  var start: Int
  /// Offset of the closing quote.
  var end: Int
  /// Whether the content contains a backslash escape.
  var hasEscapes: Bool

  /// Calls `body` with the unescaped UTF-8 bytes of the string.
  ///
  /// Without escapes these are the body's own bytes; with escapes they are decoded into a
  /// temporary buffer (on the stack when small), never longer than the raw content, since
  /// every escape is at least as long as the UTF-8 it stands for.
  @inline(__always)
  func withUnescapedBytes<Result, Failure: Error>(
    in base: UnsafePointer<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    if !hasEscapes {
      return try body(UnsafeBufferPointer(start: base + start, count: end - start))
    }
    return try unescapedSlowPath(in: base, body)
  }

  private func unescapedSlowPath<Result, Failure: Error>(
    in base: UnsafePointer<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    let capacity = end - start
    let outcome: Swift.Result<Result, Failure> = withUnsafeTemporaryAllocation(
      of: UInt8.self, capacity: capacity
    ) { buffer in
      let count = unescape(from: base, into: buffer)
      do throws(Failure) {
        return .success(try body(UnsafeBufferPointer(rebasing: buffer[0..<count])))
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  /// Writes the unescaped content into `buffer` (at least `end - start` bytes) and returns
  /// how many bytes it wrote.
  func unescape(from base: UnsafePointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var written = 0
    var position = start
    @inline(__always) func put(_ byte: UInt8) {
      buffer[written] = byte
      written += 1
    }
    while position < end {
      let byte = base[position]
      guard byte == UInt8(ascii: "\\") else {
        put(byte)
        position += 1
        continue
      }
      let kind = base[position + 1]
      position += 2
      switch kind {
      case UInt8(ascii: "b"): put(0x08)
      case UInt8(ascii: "f"): put(0x0C)
      case UInt8(ascii: "n"): put(0x0A)
      case UInt8(ascii: "r"): put(0x0D)
      case UInt8(ascii: "t"): put(0x09)
      case UInt8(ascii: "u"):
        var scalar = UInt32(Self.hexValue(base, at: position))
        position += 4
        if scalar >= 0xD800, scalar <= 0xDBFF {
          // The scanner guarantees a low surrogate escape follows.
          let low = UInt32(Self.hexValue(base, at: position + 2))
          position += 6
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        if scalar < 0x80 {
          put(UInt8(scalar))
        } else if scalar < 0x800 {
          put(UInt8(0xC0 | (scalar >> 6)))
          put(UInt8(0x80 | (scalar & 0x3F)))
        } else if scalar < 0x10000 {
          put(UInt8(0xE0 | (scalar >> 12)))
          put(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
          put(UInt8(0x80 | (scalar & 0x3F)))
        } else {
          put(UInt8(0xF0 | (scalar >> 18)))
          put(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
          put(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
          put(UInt8(0x80 | (scalar & 0x3F)))
        }
      default: put(kind)  // `"`, `\` and `/` stand for themselves.
      }
    }
    return written
  }

  /// The value of the four hex digits at `offset`, or -1 if any is not a hex digit.
  @inline(__always)
  static func hexValue(_ base: UnsafePointer<UInt8>, at offset: Int) -> Int {
    var value = 0
    for index in offset..<(offset + 4) {
      let byte = base[index]
      let digit: Int
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte) - 0x30
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte) - 0x57
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte) - 0x37
      default: return -1
      }
      value = value << 4 | digit
    }
    return value
  }
}
