/// Text made safe for XML 1.0 element content and attribute values.
enum XMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces each character that XML 1.0 forbids
  /// (control characters other than tab, LF and CR; U+FFFE and U+FFFF) with U+FFFD, so that
  /// any Swift string yields a well-formed document.
  static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      default:
        let value = scalar.value
        if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
          escaped += "\u{FFFD}"
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped
  }
}
