extension OrderPass {
  /// Skips any JSON value at the cursor, checking its grammar and the keys of every object in
  /// it for repeats. `depth` is the nesting level the value would have if it is an array or
  /// object (the top-level value is level 1).
  mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
    switch scanner.current {
    case UInt8(ascii: "\""): _ = try scanner.scanString()
    case UInt8(ascii: "{"): try skipObject(depth: depth)
    case UInt8(ascii: "["): try skipArray(depth: depth)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanner.scanNumber()
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): try scanner.scanLiteral()
    default: throw scanner.error()
    }
  }

  mutating func skipObject(depth: Int) throws(JSONSyntaxError) {
    guard depth <= OrderValidator.maximumDepth else { throw scanner.error() }
    scanner.position += 1
    let object = keys.open()
    scanner.skipWhitespace()
    if scanner.current != UInt8(ascii: "}") {
      while true {
        guard scanner.current == UInt8(ascii: "\"") else { throw scanner.error() }
        let keyOffset = scanner.position
        let key = try scanner.scanString()
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: ":"))
        scanner.skipWhitespace()
        addExtraKey(key, object: object, at: keyOffset)
        try skipValue(depth: depth + 1)
        scanner.skipWhitespace()
        let delimiter = scanner.current
        if delimiter == UInt8(ascii: ",") {
          scanner.position += 1
          scanner.skipWhitespace()
        } else if delimiter == UInt8(ascii: "}") {
          break
        } else {
          throw scanner.error()
        }
      }
    }
    scanner.position += 1
    if let repeated = keys.close(object, in: base) { recordRepeatedExtraKey(at: repeated) }
  }

  mutating func skipArray(depth: Int) throws(JSONSyntaxError) {
    guard depth <= OrderValidator.maximumDepth else { throw scanner.error() }
    scanner.position += 1
    scanner.skipWhitespace()
    if scanner.current == UInt8(ascii: "]") {
      scanner.position += 1
      return
    }
    while true {
      try skipValue(depth: depth + 1)
      scanner.skipWhitespace()
      let delimiter = scanner.current
      if delimiter == UInt8(ascii: ",") {
        scanner.position += 1
        scanner.skipWhitespace()
      } else if delimiter == UInt8(ascii: "]") {
        scanner.position += 1
        return
      } else {
        throw scanner.error()
      }
    }
  }

  /// Adds a key the format does not define to its object's keys, recording a repeat.
  mutating func addExtraKey(_ key: JSONString, object: Int, at keyOffset: Int) {
    let hash = key.withUnescapedBytes(in: base) { StableHash.hash(UnsafeRawBufferPointer($0)) }
    if keys.add(key, hash: hash, object: object, in: base) { recordRepeatedExtraKey(at: keyOffset) }
  }
}
