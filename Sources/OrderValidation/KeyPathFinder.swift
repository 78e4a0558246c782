/// Finds the JSON path of the key that starts at a given offset, such as `meta.tags[2].source`.
///
/// Used only to name a repeated key the order format does not define, after the pass has
/// shown the body is valid JSON; the pass itself keeps no path, so valid orders pay nothing.
struct KeyPathFinder {
  private enum Component {
    case key(String)
    case index(Int)
  }

  private var scanner: JSONScanner
  private let target: Int
  private var components: [Component] = []

  /// The path of the key whose opening quote is at `offset`, or `nil` if no key starts there.
  static func path(ofKeyAt offset: Int, in base: UnsafePointer<UInt8>, count: Int) -> String? {
    var finder = KeyPathFinder(scanner: JSONScanner(base: base, count: count), target: offset)
    finder.scanner.skipWhitespace()
    guard (try? finder.walk()) == true else { return nil }
    var text = ""
    for component in finder.components {
      switch component {
      case .key(let name): text += text.isEmpty ? name : "." + name
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }

  private init(scanner: JSONScanner, target: Int) {
    self.scanner = scanner
    self.target = target
  }

  /// Walks the value at the cursor; returns `true` (leaving the path in `components`) when the
  /// target key is inside it.
  private mutating func walk() throws(JSONSyntaxError) -> Bool {
    switch scanner.current {
    case UInt8(ascii: "{"):
      scanner.position += 1
      scanner.skipWhitespace()
      if scanner.current == UInt8(ascii: "}") {
        scanner.position += 1
        return false
      }
      while true {
        scanner.skipWhitespace()
        let keyOffset = scanner.position
        let key = try scanner.scanString()
        let name = key.withUnescapedBytes(in: scanner.base) { String(decoding: $0, as: UTF8.self) }
        components.append(.key(name))
        if keyOffset == target { return true }
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: ":"))
        scanner.skipWhitespace()
        if try walk() { return true }
        components.removeLast()
        scanner.skipWhitespace()
        let delimiter = scanner.current
        scanner.position += 1
        if delimiter == UInt8(ascii: "}") { return false }
      }
    case UInt8(ascii: "["):
      scanner.position += 1
      scanner.skipWhitespace()
      if scanner.current == UInt8(ascii: "]") {
        scanner.position += 1
        return false
      }
      var index = 0
      while true {
        scanner.skipWhitespace()
        components.append(.index(index))
        if try walk() { return true }
        components.removeLast()
        index += 1
        scanner.skipWhitespace()
        let delimiter = scanner.current
        scanner.position += 1
        if delimiter == UInt8(ascii: "]") { return false }
      }
    case UInt8(ascii: "\""):
      _ = try scanner.scanString()
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      try scanner.scanLiteral()
    default:
      _ = try scanner.scanNumber()
    }
    return false
  }
}
