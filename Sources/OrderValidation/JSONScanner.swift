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

  /// Skips JSON whitespace (space, tab, line feed, carriage return) and returns the byte
  /// after it, or 0 at the end, so callers branch on it without loading it again.
  @inline(__always) @discardableResult
  mutating func skipWhitespace() -> UInt8 {
    while position < count {
      let byte = base[position]
      guard byte <= 0x20,
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
      else { return byte }
      position += 1
    }
    return 0
  }

  /// Consumes `literal` if the body continues with exactly those bytes.
  @inline(__always)
  mutating func skip(_ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard position + length <= count,
      UnsafeBufferPointer(start: base + position, count: length).equals(literal)
    else { return false }
    position += length
    return true
  }

  /// Consumes `byte` or fails.
  @inline(__always)
  mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
    guard position < count, base[position] == byte else { throw error() }
    position += 1
  }

  /// Consumes the `:` after a key, with any whitespace around it.
  /// Returns the first byte of the value after it, like ``skipWhitespace()``.
  @inline(__always) @discardableResult
  mutating func skipColon() throws(JSONSyntaxError) -> UInt8 {
    if position < count, base[position] == UInt8(ascii: ":") {
      position += 1  // compact JSON: no whitespace before the colon
    } else {
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
    }
    return skipWhitespace()
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
      let byte = skipPlainStringBytes()
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
        throw error()  // a control character, or the end of the body
      }
    }
  }

  /// Skips printable ASCII other than `"` and `\`, eight bytes at a time where it can, and
  /// returns the byte it stopped at (0 at the end of the body).
  @inline(__always)
  mutating func skipPlainStringBytes() -> UInt8 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while position + 8 <= count {
      let word = UInt64(
        littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      let quotes = word ^ (ones &* 0x22)
      let backslashes = word ^ (ones &* 0x5C)
      // Each term sets a byte's high bit where the byte is a quote, a backslash, below 0x20
      // (the zero-byte and less-than tricks) or at least 0x80 (`word` itself).
      let special =
        (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
          | ((word &- ones &* 0x20) & ~word) | word) & highs
      if special != 0 {
        // Borrows can flag bytes after the first special one, never before it, so the
        // lowest flag is exact. Take the byte from the word instead of loading it again.
        let bit = special.trailingZeroBitCount
        position += bit >> 3
        return UInt8(truncatingIfNeeded: word >> UInt64(bit & 0x38))
      }
      position += 8
    }
    while position < count {
      let byte = base[position]
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\")
      else { return byte }
      position += 1
    }
    return 0
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
    // Inline fast path for what prices and quantities look like: `[1-9][0-9]*(\.[0-9]+)?`,
    // not at the very end and not followed by an exponent. Everything else, including any
    // error, goes to the complete scanner from the first byte again.
    var end = position
    var significand: UInt64 = 0
    guard end < count, base[end] &- 0x31 < 9 else { return try scanNumberInFull() }
    while end < count, case let digit = base[end] &- 0x30, digit < 10 {
      significand = significand &* 10 &+ UInt64(digit)
      end += 1
    }
    let integerCount = end - position
    var fractionCount = 0
    var hasFraction = false
    if end < count, base[end] == UInt8(ascii: ".") {
      end += 1
      let fractionStart = end
      while end < count, case let digit = base[end] &- 0x30, digit < 10 {
        significand = significand &* 10 &+ UInt64(digit)
        end += 1
      }
      fractionCount = end - fractionStart
      hasFraction = true
    }
    guard end < count, base[end] | 0x20 != UInt8(ascii: "e"), !hasFraction || fractionCount > 0 else {
      return try scanNumberInFull()
    }
    let number = JSONNumber(
      start: position, significand: significand, integerCount: Int32(truncatingIfNeeded: integerCount),
      fractionCount: Int32(truncatingIfNeeded: fractionCount), exponent: 0, isNegative: false,
      hasFraction: hasFraction, hasExponent: false)
    position = end
    return number
  }

  /// Scans any number at the cursor, checking the whole grammar.
  @inline(never)
  mutating func scanNumberInFull() throws(JSONSyntaxError) -> JSONNumber {
    let start = position
    let isNegative = base[position] == UInt8(ascii: "-")
    if isNegative { position += 1 }
    let integerStart = position
    guard position < count else { throw error() }
    let first = base[position]
    // The digits as one integer while they fit (wrapping past 19 digits; `digitCount` says so).
    var significand: UInt64 = 0
    if first == UInt8(ascii: "0") {
      position += 1
      // A leading zero may not be followed by more digits.
      if position < count, base[position] &- 0x30 < 10 { throw error() }
    } else if first &- 0x31 < 9 {
      significand = UInt64(first &- 0x30)
      position += 1
      while position < count, case let digit = base[position] &- 0x30, digit < 10 {
        significand = significand &* 10 &+ UInt64(digit)
        position += 1
      }
    } else {
      throw error()
    }
    var number = JSONNumber(
      start: start, significand: significand, integerCount: Int32(truncatingIfNeeded: position - integerStart),
      fractionCount: 0, exponent: 0, isNegative: isNegative, hasFraction: false, hasExponent: false)
    guard position < count else { return number }

    if base[position] == UInt8(ascii: ".") {
      position += 1
      let fractionStart = position
      guard position < count, base[position] &- 0x30 < 10 else { throw error() }
      while position < count, case let digit = base[position] &- 0x30, digit < 10 {
        significand = significand &* 10 &+ UInt64(digit)
        position += 1
      }
      number.fractionCount = Int32(truncatingIfNeeded: position - fractionStart)
      number.hasFraction = true
      number.significand = significand
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
      number.exponent = Int32(exponentIsNegative ? -exponent : exponent)
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
