import Reports

/// A small JSON document model, written and read by hand so partial result files are the same
/// bytes on every machine and read back to the same bits.
///
/// Writing: by ``JSONValue``'s writer (two-space indentation, one member or element per line,
/// object members in the order given, a final newline; arrays of numbers, strings and booleans
/// on one line). Numbers are kept as their JSON text: a `Double` is written in Swift's shortest
/// round-trip form (`Double.description`: `0.1`, `1e-05`, `12345.0`), which reads back to the
/// same bits; infinities and NaN, which JSON cannot hold, are written as the strings `"inf"`,
/// `"-inf"`, `"nan"`.
///
/// Reading: RFC 8259 JSON (any whitespace, escapes incl. surrogate pairs); numbers stay text
/// until asked for as `Int`, `UInt64` or `Double`.
public indirect enum JSONTree: Sendable, Equatable {
  case object([Member])
  case array([JSONTree])
  case string(String)
  /// A number as JSON text.
  case number(String)
  case bool(Bool)
  case null

  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: JSONTree
    public init(_ key: String, _ value: JSONTree) {
      self.key = key
      self.value = value
    }
  }

  // MARK: - Building

  public static func integer(_ value: Int) -> JSONTree { .number(String(value)) }
  public static func unsigned(_ value: UInt64) -> JSONTree { .number(String(value)) }

  /// A double in shortest round-trip form, or `"inf"`/`"-inf"`/`"nan"`.
  public static func double(_ value: Double) -> JSONTree {
    if value.isNaN { return .string("nan") }
    if value.isInfinite { return .string(value > 0 ? "inf" : "-inf") }
    return .number(value.description)
  }

  // MARK: - Reading values

  public subscript(key: String) -> JSONTree? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var intValue: Int? {
    if case .number(let text) = self { return Int(text) }
    return nil
  }

  public var unsignedValue: UInt64? {
    if case .number(let text) = self { return UInt64(text) }
    return nil
  }

  /// A number, or one of the strings `"inf"`, `"-inf"`, `"nan"`.
  public var doubleValue: Double? {
    switch self {
    case .number(let text): return Double(text)
    case .string("inf"): return .infinity
    case .string("-inf"): return -.infinity
    case .string("nan"): return .nan
    default: return nil
    }
  }

  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  public var arrayValue: [JSONTree]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  public var objectValue: [Member]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// `text` as a JSON string literal (quotes and escapes), to show untrusted text in a message.
  public static func quoted(_ text: String) -> String {
    var rendered = JSONTree.string(text).render()
    while rendered.last == "\n" { rendered.removeLast() }
    return rendered
  }

  // MARK: - Writing

  /// The document, ending in a newline, written by the reports' writer so that the project has
  /// one JSON layout and one string escaping.
  public func render() -> String { jsonValue.render() }

  /// The same document for that writer; numbers go as their text, so they keep every digit.
  private var jsonValue: JSONValue {
    switch self {
    case .object(let members): .object(members.map { ($0.key, $0.value.jsonValue) })
    case .array(let elements): .array(elements.map(\.jsonValue))
    case .string(let value): .string(value)
    case .number(let text): .literal(text)
    case .bool(let value): .bool(value)
    case .null: .null
    }
  }

  // MARK: - Parsing

  /// A JSON syntax error with its byte offset.
  public struct SyntaxError: Error, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "invalid JSON at byte \(offset): \(message)" }
  }

  /// Parses one JSON document (surrounding whitespace allowed).
  public static func parse(_ text: String) throws(SyntaxError) -> JSONTree {
    var parser = Parser(bytes: Array(text.utf8))
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.position == parser.bytes.count else { throw parser.error("unexpected text after the document") }
    return value
  }

  private struct Parser {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> SyntaxError { SyntaxError(offset: position, message: message) }

    mutating func skipSpace() {
      while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func expect(_ literal: String) throws(SyntaxError) {
      for byte in literal.utf8 {
        guard position < bytes.count, bytes[position] == byte else { throw error("expected \(literal)") }
        position += 1
      }
    }

    mutating func value(depth: Int) throws(SyntaxError) -> JSONTree {
      guard depth < 64 else { throw error("nested too deeply") }
      guard position < bytes.count else { throw error("unexpected end of the document") }
      switch bytes[position] {
      case UInt8(ascii: "{"):
        position += 1
        var members: [Member] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
          skipSpace()
          let key = try string()
          skipSpace()
          try expect(":")
          skipSpace()
          members.append(Member(key, try value(depth: depth + 1)))
          skipSpace()
          guard position < bytes.count else { throw error("unterminated object") }
          if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
          try expect("}")
          return .object(members)
        }
      case UInt8(ascii: "["):
        position += 1
        var elements: [JSONTree] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
        while true {
          skipSpace()
          elements.append(try value(depth: depth + 1))
          skipSpace()
          guard position < bytes.count else { throw error("unterminated array") }
          if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
          try expect("]")
          return .array(elements)
        }
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): try expect("true"); return .bool(true)
      case UInt8(ascii: "f"): try expect("false"); return .bool(false)
      case UInt8(ascii: "n"): try expect("null"); return .null
      default: return .number(try number())
      }
    }

    mutating func number() throws(SyntaxError) -> String {
      let start = position
      func digits(_ p: inout Int) -> Int {
        let from = p
        while p < bytes.count, bytes[p] >= 0x30, bytes[p] <= 0x39 { p += 1 }
        return p - from
      }
      var p = position
      if p < bytes.count, bytes[p] == UInt8(ascii: "-") { p += 1 }
      guard digits(&p) > 0 else { throw error("expected a value") }
      if p < bytes.count, bytes[p] == UInt8(ascii: ".") {
        p += 1
        guard digits(&p) > 0 else { position = p; throw error("expected digits after the decimal point") }
      }
      if p < bytes.count, bytes[p] == UInt8(ascii: "e") || bytes[p] == UInt8(ascii: "E") {
        p += 1
        if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
        guard digits(&p) > 0 else { position = p; throw error("expected digits in the exponent") }
      }
      position = p
      return String(decoding: bytes[start..<p], as: UTF8.self)
    }

    mutating func hex4() throws(SyntaxError) -> UInt32 {
      guard position + 4 <= bytes.count else { throw error("incomplete \\u escape") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[position]
        let digit: UInt32
        switch byte {
        case 0x30...0x39: digit = UInt32(byte - 0x30)
        case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
        case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
        default: throw error("bad hex digit in a \\u escape")
        }
        value = value * 16 + digit
        position += 1
      }
      return value
    }

    mutating func string() throws(SyntaxError) -> String {
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a string") }
      position += 1
      var scalars = String.UnicodeScalarView()
      var run = position
      func flush(_ end: Int, into scalars: inout String.UnicodeScalarView) {
        if end > run { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
      }
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          flush(position, into: &scalars)
          position += 1
          return String(scalars)
        }
        if byte < 0x20 { throw error("control character in a string") }
        if byte != UInt8(ascii: "\\") { position += 1; continue }
        flush(position, into: &scalars)
        position += 1
        guard position < bytes.count else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
              bytes[position + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate") }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("invalid code point") }
          scalars.append(scalar)
        default: throw error("unknown escape")
        }
        run = position
      }
      throw error("unterminated string")
    }
  }
}
