/// Text a user wrote (a scenario's `description`) made safe as one Markdown paragraph: it
/// renders as the characters written, never as a heading, list, link, image, HTML or code,
/// and carries no control characters (a terminal escape, a carriage return) into report.md.
public enum MarkdownText {
  /// `text` with CommonMark's inline punctuation backslash-escaped, a block marker at its
  /// start escaped, and line breaks, tabs and other control characters as single spaces.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
        if !out.hasSuffix(" ") { out.append(" ") }
        continue
      }
      if inlineSpecial.contains(scalar) { out.append("\\") }
      out.unicodeScalars.append(scalar)
    }
    while out.hasSuffix(" ") { out.removeLast() }
    while out.hasPrefix(" ") { out.removeFirst() }
    // A paragraph that starts like a list item, a block quote or a setext/thematic line.
    if let first = out.unicodeScalars.first, blockStart.contains(first) { out = "\\" + out }
    if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex,
      out[dot] == "." || out[dot] == ")"
    {
      out.insert("\\", at: dot)
    }
    return out
  }

  /// Punctuation with an inline meaning (emphasis, code, links, images, HTML, tables, entities).
  private static let inlineSpecial: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "!", "|", "~", "&", "#",
  ]

  /// Characters that open a block when a line starts with them (`#` is escaped everywhere).
  private static let blockStart: Set<Unicode.Scalar> = ["-", "+", "=", ">"]
}
