/// A JSON document written by hand, so that `summary.json` is the same bytes on every machine:
/// object keys keep the order they were added in (no hashing), numbers are written by one
/// deterministic rule, and strings are escaped per RFC 8259.
///
/// Rendering: two-space indentation, one member or element per line, `": "` after keys, a
/// final newline. Empty objects and arrays are written `{}` and `[]`; an array that holds only
/// scalars stays on one line (`[1, "a"]`), so short lists read across.
///
/// Numbers: integers as integers; doubles with at most 12 significant digits, trailing zeros
/// dropped (``NumberFormat/compact(_:significantDigits:)``: `0.3`, `432000`, `1.5e-12` far
/// from 1); NaN and infinities, which JSON cannot hold, as `null`.
public indirect enum JSONValue: Sendable, Equatable {
  case object([(key: String, value: JSONValue)])
  case array([JSONValue])
  case string(String)
  case integer(Int)
  case number(Double)
  /// A number already written as JSON text (e.g. `wall_s` with a fixed number of decimals).
  case literal(String)
  case bool(Bool)
  case null

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

  /// A string, or `null` when there is none.
  public static func string(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

  /// The document, ending in a newline.
  public func render() -> String {
    var text = ""
    write(into: &text, indent: 0)
    text += "\n"
    return text
  }

  private var isScalar: Bool {
    switch self {
    case .object, .array: false
    default: true
    }
  }

  private func write(into text: inout String, indent: Int) {
    switch self {
    case .object(let members):
      guard !members.isEmpty else { text += "{}"; return }
      text += "{\n"
      for (index, member) in members.enumerated() {
        text += String(repeating: " ", count: indent + 2)
        text += Self.quoted(member.key) + ": "
        member.value.write(into: &text, indent: indent + 2)
        text += index + 1 < members.count ? ",\n" : "\n"
      }
      text += String(repeating: " ", count: indent) + "}"
    case .array(let elements):
      guard !elements.isEmpty else { text += "[]"; return }
      if elements.allSatisfy(\.isScalar) {
        text += "["
        for (index, element) in elements.enumerated() {
          if index > 0 { text += ", " }
          element.write(into: &text, indent: indent)
        }
        text += "]"
        return
      }
      text += "[\n"
      for (index, element) in elements.enumerated() {
        text += String(repeating: " ", count: indent + 2)
        element.write(into: &text, indent: indent + 2)
        text += index + 1 < elements.count ? ",\n" : "\n"
      }
      text += String(repeating: " ", count: indent) + "]"
    case .string(let value): text += Self.quoted(value)
    case .integer(let value): text += String(value)
    case .number(let value): text += Self.number(value)
    case .literal(let value): text += value
    case .bool(let value): text += value ? "true" : "false"
    case .null: text += "null"
    }
  }

  /// A double as JSON text (see the type's documentation).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    return NumberFormat.compact(value, significantDigits: 12)
  }

  /// `"…"` with `"`, `\` and control characters escaped (RFC 8259 §7); everything else,
  /// including non-ASCII, is written as UTF-8.
  public static func quoted(_ value: String) -> String {
    var text = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = Array("0123456789abcdef")
        let v = Int(scalar.value)
        text += "\\u" + String([hex[v >> 12 & 15], hex[v >> 8 & 15], hex[v >> 4 & 15], hex[v & 15]])
      default: text.unicodeScalars.append(scalar)
      }
    }
    return text + "\""
  }
}
