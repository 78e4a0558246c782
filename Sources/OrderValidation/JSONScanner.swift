/// The body is not JSON: the offset of the first byte where the grammar failed.
struct JSONSyntaxError: Error {
  var offset: Int
}

/// A cursor over the UTF-8 bytes of one JSON text (RFC 8259) that checks the grammar of the
/// tokens it passes: strings (UTF-8 and escapes), numbers and literals.
///
/// It reads through a raw pointer with explicit `position < count` tests instead of
/// bounds-checked array subscripts: the validator runs tens of millions of times per
/// simulation, and this loop is most of its cost. The structure (objects, arrays, depth, keys)
/// is walked by the order pass that owns the scanner.
struct JSONScanner {
  let base: UnsafePointer<UInt8>
  let count: Int
  var position: Int = 0

  init(base: UnsafePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }

  /// The byte at the cursor, or 0 at the end. A NUL byte is never valid outside a string,
  /// so callers that branch on the byte treat the end like any other unexpected byte.
  @inline(__always)
  var current: UInt8 { position < count ? base[position] : 0 }

  @inline(__always)
  var isAtEnd: Bool { position >= count }

  @inline(__always)
  func error() -> JSONSyntaxError { JSONSyntaxError(offset: position) }

  /// Skips JSON whitespace: space, tab, line feed, carriage return.
  @inline(__always)
  mutating func skipWhitespace() {
    while position < count {
      let byte = base[position]
      guard byte <= 0x20,
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
      else { return }
      position += 1
    }
  }

  /// Consumes `byte` or fails.
  @inline(__always)
  mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
    guard position < count, base[position] == byte else { throw error() }
    position += 1
  }

  // MARK: - Strings

  /// Scans the string whose opening quote is at the cursor and leaves the cursor after its
  /// closing quote.
  ///
  /// Rejects control characters, unknown escapes, `\u` escapes of lone surrogates, and byte
  /// sequences that are not well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no
  /// encoded surrogates, nothing above U+10FFFF).
  @inline(__always)
  mutating func scanString() throws(JSONSyntaxError) -> JSONString {
    position += 1
    let start = position
    var hasEscapes = false
    while true {
      skipPlainStringBytes()
      guard position < count else { throw error() }
      let byte = base[position]
      if byte == UInt8(ascii: "\"") {
        let string = JSONString(start: start, end: position, hasEscapes: hasEscapes)
        position += 1
        return string
      } else if byte == UInt8(ascii: "\\") {
        hasEscapes = true
        try scanEscape()
      } else if byte >= 0x80 {
        try scanMultibyteScalar(lead: byte)
      } else {
        throw error()  // a control character
      }
    }
  }

  /// Skips printable ASCII other than `"` and `\`, eight bytes at a time where it can.
  @inline(__always)
  mutating func skipPlainStringBytes() {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while position + 8 <= count {
      let word = UInt64(
        littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      let quotes = word ^ (ones &* 0x22)
      let backslashes = word ^ (ones &* 0x5C)
      // Each term has a high bit set exactly where some byte is zero (quote or backslash)
      // or below 0x20; `word` itself flags bytes >= 0x80. Existence is exact; we fall back
      // to the byte loop to find which byte it is.
      let special = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
        | ((word &- ones &* 0x20) & ~word) | word
      if special & highs != 0 { break }
      position += 8
    }
    while position < count {
      let byte = base[position]
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\")
      else { return }
      position += 1
    }
  }

  /// Scans the escape whose backslash is at the cursor.
  mutating func scanEscape() throws(JSONSyntaxError) {
    guard position + 1 < count else { throw error() }
    switch base[position + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"),
      UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      position += 2
    case UInt8(ascii: "u"):
      let unit = try hexEscapeValue(at: position + 2)
      position += 6
      if unit >= 0xDC00, unit <= 0xDFFF { throw JSONSyntaxError(offset: position - 6) }
      if unit >= 0xD800, unit <= 0xDBFF {
        // A high surrogate must be followed at once by an escaped low surrogate.
        guard position + 1 < count, base[position] == UInt8(ascii: "\\"),
          base[position + 1] == UInt8(ascii: "u")
        else { throw error() }
        let low = try hexEscapeValue(at: position + 2)
        guard low >= 0xDC00, low <= 0xDFFF else { throw error() }
        position += 6
      }
    default:
      throw error()
    }
  }

  @inline(__always)
  func hexEscapeValue(at offset: Int) throws(JSONSyntaxError) -> Int {
    guard offset + 4 <= count else { throw JSONSyntaxError(offset: offset) }
    let value = JSONString.hexValue(base, at: offset)
    guard value >= 0 else { throw JSONSyntaxError(offset: offset) }
    return value
  }

  /// Scans one well-formed multi-byte UTF-8 sequence whose lead byte is at the cursor.
  mutating func scanMultibyteScalar(lead: UInt8) throws(JSONSyntaxError) {
    @inline(__always) func isContinuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      offset < count && base[offset] >= low && base[offset] <= high
    }
    switch lead {
    case 0xC2...0xDF:
      guard isContinuation(position + 1) else { throw error() }
      position += 2
    case 0xE0...0xEF:
      // E0 needs A0–BF (no overlongs); ED needs 80–9F (no surrogates).
      let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
      let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
      guard isContinuation(position + 1, low, high), isContinuation(position + 2) else { throw error() }
      position += 3
    case 0xF0...0xF4:
      // F0 needs 90–BF (no overlongs); F4 needs 80–8F (nothing above U+10FFFF).
      let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
      let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
      guard isContinuation(position + 1, low, high), isContinuation(position + 2),
        isContinuation(position + 3)
      else { throw error() }
      position += 4
    default:
      throw error()  // a stray continuation byte, C0/C1 overlong leads, F5–FF
    }
  }

  // MARK: - Numbers

  /// Scans the number that starts at the cursor (`-` or a digit):
  /// `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
  @inline(__always)
  mutating func scanNumber() throws(JSONSyntaxError) -> JSONNumber {
    let start = position
    let isNegative = base[position] == UInt8(ascii: "-")
    if isNegative { position += 1 }
    let integerStart = position
    guard position < count else { throw error() }
    let first = base[position]
    if first == UInt8(ascii: "0") {
      position += 1
      // A leading zero may not be followed by more digits.
      if position < count, base[position] &- 0x30 < 10 { throw error() }
    } else if first &- 0x31 < 9 {
      position += 1
      while position < count, base[position] &- 0x30 < 10 { position += 1 }
    } else {
      throw error()
    }
    var number = JSONNumber(
      start: start, isNegative: isNegative, integerStart: integerStart, integerEnd: position,
      fractionStart: position, fractionEnd: position, hasFraction: false, hasExponent: false,
      exponent: 0)
    guard position < count else { return number }

    if base[position] == UInt8(ascii: ".") {
      position += 1
      number.fractionStart = position
      guard position < count, base[position] &- 0x30 < 10 else { throw error() }
      while position < count, base[position] &- 0x30 < 10 { position += 1 }
      number.fractionEnd = position
      number.hasFraction = true
      guard position < count else { return number }
    }

    if base[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      var exponentIsNegative = false
      if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") {
        exponentIsNegative = base[position] == UInt8(ascii: "-")
        position += 1
      }
      guard position < count, base[position] &- 0x30 < 10 else { throw error() }
      var exponent = 0
      while position < count, base[position] &- 0x30 < 10 {
        if exponent < JSONNumber.exponentLimit {
          exponent = exponent * 10 + Int(base[position] &- 0x30)
        }
        position += 1
      }
      exponent = min(exponent, JSONNumber.exponentLimit)
      number.exponent = exponentIsNegative ? -exponent : exponent
      number.hasExponent = true
    }
    return number
  }

  // MARK: - Literals

  /// Scans `true`, `false` or `null` at the cursor.
  mutating func scanLiteral() throws(JSONSyntaxError) {
    @inline(__always) func matches(_ literal: StaticString) -> Bool {
      let length = literal.utf8CodeUnitCount
      guard position + length <= count else { return false }
      let expected = literal.utf8Start
      for index in 0..<length where base[position + index] != expected[index] { return false }
      return true
    }
    let literal: StaticString
    switch base[position] {
    case UInt8(ascii: "t"): literal = "true"
    case UInt8(ascii: "f"): literal = "false"
    case UInt8(ascii: "n"): literal = "null"
    default: throw error()
    }
    guard matches(literal) else { throw error() }
    position += literal.utf8CodeUnitCount
  }
}
