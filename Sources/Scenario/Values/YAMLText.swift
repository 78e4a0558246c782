/// Writing values back as YAML flow text that reads back to the same value: used by the
/// effective-settings listing (each line is a valid `--set PATH=VALUE`) and for variants.
enum YAMLText {
  /// `text` plain when that is unambiguous, otherwise double-quoted with escapes.
  static func string(_ text: String) -> String {
    let plainSafe =
      !text.isEmpty && text.first != " " && text.last != " " && text.first != "-"
      && !["~", "null", "Null", "NULL"].contains(text)
      && text.unicodeScalars.allSatisfy { s in
        (s.value >= 48 && s.value <= 57) || (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
          || s == "_" || s == "." || s == "/" || s == "-" || s == " " || s == "+"
      }
    return plainSafe ? text : doubleQuoted(text)
  }

  /// `text` in double quotes, with `"`, `\` and control characters escaped.
  static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for s in text.unicodeScalars {
      switch s {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if s.value < 0x20 || s.value == 0x7F {
          let hex = String(s.value, radix: 16, uppercase: true)
          out += "\\x" + (hex.count == 1 ? "0" : "") + hex
        } else {
          out.unicodeScalars.append(s)
        }
      }
    }
    return out + "\""
  }
}

extension ScenarioNode {
  /// This value in YAML flow style: `5`, `'a b'` as `"a b"`, `{dist: constant, value: 0s}`.
  var flowText: String {
    switch self {
    case .scalar(let s):
      if isNull { return "null" }
      // Plain text stays plain where that reads back the same (not `a, b` inside a mapping).
      return s.isPlain ? YAMLText.string(s.text) : YAMLText.doubleQuoted(s.text)
    case .sequence(let items, _):
      return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
    case .mapping(let m):
      return "{" + m.entries.map { "\(YAMLText.string($0.key)): \($0.value.flowText)" }.joined(separator: ", ") + "}"
    }
  }
}
