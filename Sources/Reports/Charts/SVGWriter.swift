/// Builds an SVG document one element per line; every attribute value and text is escaped.
struct SVGWriter {
  private(set) var text = ""

  /// Starts the document: XML declaration and the `<svg>` root with its size and viewBox.
  init(width: Int, height: Int, extraAttributes: [(String, String)] = []) {
    text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
        ("width", "\(width)"), ("height", "\(height)"), ("viewBox", "0 0 \(width) \(height)"),
      ] + extraAttributes)
  }

  /// `<name a="v">` (attributes in the given order).
  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    text += "<" + name
    appendAttributes(attributes)
    text += ">\n"
  }

  mutating func close(_ name: String) {
    text += "</" + name + ">\n"
  }

  /// `<name a="v"/>`, or `<name a="v">content</name>` when `content` is given.
  mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
    text += "<" + name
    appendAttributes(attributes)
    if let content {
      text += ">" + XMLText.escape(content) + "</" + name + ">\n"
    } else {
      text += "/>\n"
    }
  }

  /// Ends the document.
  mutating func finish() -> String {
    close("svg")
    return text
  }

  private mutating func appendAttributes(_ attributes: [(String, String)]) {
    for (name, value) in attributes {
      text += " " + name + "=\"" + XMLText.escape(value) + "\""
    }
  }
}
