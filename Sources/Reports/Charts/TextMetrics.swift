/// A conservative estimate of how wide a line of text is drawn, for layout without a font
/// engine.
///
/// Widths are per character class in em, taken on the wide side of DejaVu Sans (the Linux
/// fallback), so that text laid out with them also fits in Helvetica and Arial.
enum TextMetrics {
  static func width(_ text: String, fontSize: Double) -> Double {
    var ems = 0.0
    for character in text {
      ems += emWidth(character)
    }
    return ems * fontSize
  }

  /// `text`, or its longest prefix that fits in `width` followed by `…`.
  static func truncated(_ text: String, toWidth width: Double, fontSize: Double) -> String {
    guard self.width(text, fontSize: fontSize) > width else { return text }
    let ellipsis = self.width("…", fontSize: fontSize)
    var kept = ""
    var used = 0.0
    for character in text {
      let next = emWidth(character) * fontSize
      if used + next + ellipsis > width { break }
      kept.append(character)
      used += next
    }
    while kept.last == " " { kept.removeLast() }
    return kept + "…"
  }

  private static func emWidth(_ character: Character) -> Double {
    switch character {
    case "i", "l", "j", "I", ".", ",", ":", ";", "|", "!", "'", "`": return 0.32
    case " ", "f", "t", "r", "(", ")", "[", "]", "-", "/", "\\": return 0.40
    case "0"..."9", "$", "%", "+", "=", "<", ">", "#", "_", "~", "^", "*", "\"": return 0.64
    case "m", "w", "M", "W", "@": return 0.92
    case "A"..."Z": return 0.72
    case "a"..."z": return 0.62
    default: return 0.75
    }
  }
}
