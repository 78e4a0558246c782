/// A small checker of XML 1.0 well-formedness, enough for the SVG the charts write: one root
/// element, balanced and properly nested tags, quoted and unique attributes, no raw `<` or
/// stray `&` in text or attribute values, only the predefined or numeric entities, and no
/// characters XML forbids. Comments and the XML declaration are allowed; DTDs are not.
struct XMLWellFormedness {
  struct Problem: Error, CustomStringConvertible {
    var offset: Int
    var message: String
    var description: String { "byte \(offset): \(message)" }
  }

  private let bytes: [UInt8]
  private var position = 0

  /// Throws the first problem found, or returns the names of all elements in document order.
  static func check(_ document: String) throws -> [String] {
    var checker = XMLWellFormedness(bytes: Array(document.utf8))
    return try checker.document()
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func fail(_ message: String) -> Problem { Problem(offset: position, message: message) }

  private var atEnd: Bool { position >= bytes.count }

  private func starts(with text: String) -> Bool {
    let needle = Array(text.utf8)
    return position + needle.count <= bytes.count && Array(bytes[position..<position + needle.count]) == needle
  }

  private mutating func expect(_ text: String) throws {
    guard starts(with: text) else { throw fail("expected \(text)") }
    position += text.utf8.count
  }

  private mutating func skipWhitespace() {
    while !atEnd, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
  }

  private mutating func document() throws -> [String] {
    try checkCharacters()
    if starts(with: "<?xml") {
      guard let end = find("?>") else { throw fail("unterminated XML declaration") }
      position = end + 2
    }
    try miscellany()
    guard !atEnd, bytes[position] == UInt8(ascii: "<") else { throw fail("no root element") }
    var names: [String] = []
    try element(&names)
    try miscellany()
    guard atEnd else { throw fail("content after the root element") }
    return names
  }

  private mutating func miscellany() throws {
    while true {
      skipWhitespace()
      if starts(with: "<!--") {
        try comment()
      } else if starts(with: "<!") || starts(with: "<?") {
        throw fail("unsupported markup declaration")
      } else {
        return
      }
    }
  }

  private mutating func comment() throws {
    position += 4
    guard let end = find("--") else { throw fail("unterminated comment") }
    position = end
    try expect("-->")
  }

  private func find(_ text: String) -> Int? {
    let needle = Array(text.utf8)
    var index = position
    while index + needle.count <= bytes.count {
      if Array(bytes[index..<index + needle.count]) == needle { return index }
      index += 1
    }
    return nil
  }

  private mutating func name() throws -> String {
    let start = position
    func isStart(_ byte: UInt8) -> Bool {
      (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: ":") || byte >= 0x80
    }
    guard !atEnd, isStart(bytes[position]) else { throw fail("expected a name") }
    while !atEnd,
      isStart(bytes[position]) || (48...57).contains(bytes[position]) || bytes[position] == UInt8(ascii: "-")
        || bytes[position] == UInt8(ascii: ".")
    {
      position += 1
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func element(_ names: inout [String]) throws {
    try expect("<")
    let tag = try name()
    names.append(tag)
    var attributeNames: [String] = []
    while true {
      let hadSpace = !atEnd && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position])
      skipWhitespace()
      if starts(with: "/>") {
        position += 2
        return
      }
      if starts(with: ">") {
        position += 1
        break
      }
      guard hadSpace else { throw fail("attributes must be separated by white space in <\(tag)>") }
      let attribute = try name()
      guard !attributeNames.contains(attribute) else { throw fail("duplicate attribute \(attribute) in <\(tag)>") }
      attributeNames.append(attribute)
      skipWhitespace()
      try expect("=")
      skipWhitespace()
      guard !atEnd, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
        throw fail("unquoted value of \(attribute) in <\(tag)>")
      }
      let quote = bytes[position]
      position += 1
      while true {
        guard !atEnd else { throw fail("unterminated value of \(attribute)") }
        let byte = bytes[position]
        if byte == quote { position += 1; break }
        if byte == UInt8(ascii: "<") { throw fail("raw < in the value of \(attribute)") }
        if byte == UInt8(ascii: "&") { try reference() } else { position += 1 }
      }
    }
    // Content.
    while true {
      guard !atEnd else { throw fail("<\(tag)> is never closed") }
      if starts(with: "</") {
        position += 2
        let closing = try name()
        guard closing == tag else { throw fail("</\(closing)> closes <\(tag)>") }
        skipWhitespace()
        try expect(">")
        return
      }
      if starts(with: "<!--") {
        try comment()
      } else if starts(with: "<![CDATA[") {
        guard let end = find("]]>") else { throw fail("unterminated CDATA") }
        position = end + 3
      } else if starts(with: "<") {
        try element(&names)
      } else if starts(with: "&") {
        try reference()
      } else if starts(with: "]]>") {
        throw fail("]]> in text")
      } else {
        position += 1
      }
    }
  }

  private mutating func reference() throws {
    position += 1
    for entity in ["amp;", "lt;", "gt;", "quot;", "apos;"] where starts(with: entity) {
      position += entity.utf8.count
      return
    }
    guard starts(with: "#") else { throw fail("stray & (not a predefined or numeric entity)") }
    position += 1
    let hex = starts(with: "x")
    if hex { position += 1 }
    let start = position
    while !atEnd, (48...57).contains(bytes[position]) || (hex && (97...102).contains(bytes[position] | 0x20)) {
      position += 1
    }
    guard position > start else { throw fail("empty character reference") }
    try expect(";")
  }

  /// XML 1.0 allows tab, LF, CR and U+0020 upward, except U+FFFE and U+FFFF.
  private func checkCharacters() throws {
    for (offset, scalar) in String(decoding: bytes, as: UTF8.self).unicodeScalars.enumerated() {
      let value = scalar.value
      if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF {
        throw Problem(offset: offset, message: "character U+\(String(value, radix: 16)) is not allowed in XML")
      }
    }
  }
}
