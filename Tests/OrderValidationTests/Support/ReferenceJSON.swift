/// A slow, deliberately plain JSON parser written from the RFC 8259 grammar, used as the
/// oracle that the validator's single pass is checked against.
///
/// It favours obviousness over speed: array indexing, recursion, Swift `String`s, and the
/// standard library's UTF-8 validation (`String(validating:as:)`), which is independent of
/// the validator's own decoder. It applies the validator's documented choices: a BOM is not
/// whitespace, nesting deeper than 64 levels is an error, and `\u` escapes of unpaired
/// surrogates are errors.
struct ReferenceJSON {
  indirect enum Value {
    case object([Member], closeOffset: Int)
    case array([Node])
    case string(String)
    /// The number's text as written.
    case number(String)
    case literal
  }

  struct Member {
    var key: String
    var keyOffset: Int
    var value: Node
  }

  struct Node {
    var offset: Int
    var value: Value
  }

  /// The parsed document, or `nil` when `bytes` are not one valid JSON text.
  static func parse(_ bytes: [UInt8]) -> Node? {
    guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
    var parser = ReferenceJSON(bytes: bytes)
    parser.skipWhitespace()
    guard let node = parser.value(depth: 1) else { return nil }
    parser.skipWhitespace()
    return parser.index == bytes.count ? node : nil
  }

  private let bytes: [UInt8]
  private var index = 0

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = peek, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
  }

  private mutating func value(depth: Int) -> Node? {
    let offset = index
    switch peek {
    case UInt8(ascii: "{"):
      guard depth <= 64 else { return nil }
      index += 1
      var members: [Member] = []
      skipWhitespace()
      if peek == UInt8(ascii: "}") {
        index += 1
        return Node(offset: offset, value: .object(members, closeOffset: index - 1))
      }
      while true {
        skipWhitespace()
        let keyOffset = index
        guard peek == UInt8(ascii: "\""), let key = string() else { return nil }
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else { return nil }
        index += 1
        skipWhitespace()
        guard let member = value(depth: depth + 1) else { return nil }
        members.append(Member(key: key, keyOffset: keyOffset, value: member))
        skipWhitespace()
        if peek == UInt8(ascii: ",") {
          index += 1
        } else if peek == UInt8(ascii: "}") {
          index += 1
          return Node(offset: offset, value: .object(members, closeOffset: index - 1))
        } else {
          return nil
        }
      }
    case UInt8(ascii: "["):
      guard depth <= 64 else { return nil }
      index += 1
      var elements: [Node] = []
      skipWhitespace()
      if peek == UInt8(ascii: "]") {
        index += 1
        return Node(offset: offset, value: .array(elements))
      }
      while true {
        skipWhitespace()
        guard let element = value(depth: depth + 1) else { return nil }
        elements.append(element)
        skipWhitespace()
        if peek == UInt8(ascii: ",") {
          index += 1
        } else if peek == UInt8(ascii: "]") {
          index += 1
          return Node(offset: offset, value: .array(elements))
        } else {
          return nil
        }
      }
    case UInt8(ascii: "\""):
      guard let text = string() else { return nil }
      return Node(offset: offset, value: .string(text))
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      for word in ["true", "false", "null"] where bytes[index...].starts(with: Array(word.utf8)) {
        index += word.utf8.count
        return Node(offset: offset, value: .literal)
      }
      return nil
    default:
      guard let text = number() else { return nil }
      return Node(offset: offset, value: .number(text))
    }
  }

  /// number = [ minus ] int [ frac ] [ exp ]
  private mutating func number() -> String? {
    let start = index
    func digits() -> Int {
      let from = index
      while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
      return index - from
    }
    if peek == UInt8(ascii: "-") { index += 1 }
    if peek == UInt8(ascii: "0") {
      index += 1
    } else if let byte = peek, byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
      _ = digits()
    } else {
      return nil
    }
    if peek == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { return nil }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      index += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { return nil }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  /// A string at the cursor, unescaped.
  private mutating func string() -> String? {
    index += 1
    var scalars = String.UnicodeScalarView()
    var pendingHigh: UInt32?
    while true {
      guard let byte = peek else { return nil }
      if pendingHigh != nil && byte != UInt8(ascii: "\\") { return nil }
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(scalars)
      } else if byte < 0x20 {
        return nil
      } else if byte == UInt8(ascii: "\\") {
        index += 1
        guard let kind = peek else { return nil }
        index += 1
        if pendingHigh != nil && kind != UInt8(ascii: "u") { return nil }
        switch kind {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          guard index + 4 <= bytes.count,
            let unit = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
            bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
          else { return nil }
          index += 4
          if let high = pendingHigh {
            guard (0xDC00...0xDFFF).contains(unit) else { return nil }
            scalars.append(Unicode.Scalar(0x10000 + (high - 0xD800) * 0x400 + (unit - 0xDC00))!)
            pendingHigh = nil
          } else if (0xD800...0xDBFF).contains(unit) {
            pendingHigh = unit
          } else if (0xDC00...0xDFFF).contains(unit) {
            return nil
          } else {
            scalars.append(Unicode.Scalar(unit)!)
          }
        default:
          return nil
        }
      } else {
        // Copy one whole UTF-8 sequence (the document was validated up front).
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        let text = String(decoding: bytes[index..<min(index + length, bytes.count)], as: UTF8.self)
        scalars.append(contentsOf: text.unicodeScalars)
        index += length
      }
    }
  }
}
