/// A pre-scan of YAML text for how deeply it nests, run before the YAML parser: the parser
/// (Yams' composer) descends recursively, so 5,000 `[` or a 10,000-level block mapping would
/// overflow the stack and crash peaksim. Anything nested deeper than ``maximumDepth`` is
/// refused with its line and column instead.
///
/// The scan is linear and conservative: it counts block levels by indentation (and `- `, `? `
/// indicators that open a level on the same line) and flow levels by `[` and `{` outside quoted
/// scalars, comments and block scalars (`|`, `>`). It may overestimate an odd file's depth, but
/// a scenario nests about 6 levels, far below the limit.
enum YAMLNesting {
  /// The deepest nesting accepted; a scenario needs about 6 levels.
  static let maximumDepth = 64

  /// The first position (1-based line and column) where `text` nests deeper than `limit`, with
  /// the depth reached there; `nil` when it never does.
  static func firstTooDeep(in text: String, limit: Int = maximumDepth) -> (line: Int, column: Int, depth: Int)? {
    var scanner = Scanner(limit: limit)
    return scanner.scan(Array(text.utf8))
  }

  private struct Scanner {
    let limit: Int
    var indents: [Int] = []
    var flowDepth = 0
    var quote: UInt8?
    /// The indentation of the line that opened a block scalar, while its content lasts.
    var blockScalarParent: Int?

    init(limit: Int) { self.limit = limit }

    mutating func scan(_ bytes: [UInt8]) -> (line: Int, column: Int, depth: Int)? {
      var lineNumber = 1
      var start = 0
      while start <= bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if let found = line(bytes[start..<end], number: lineNumber) { return found }
        lineNumber += 1
        start = end + 1
      }
      return nil
    }

    /// Scans one line (without its line feed).
    mutating func line(_ line: ArraySlice<UInt8>, number: Int) -> (line: Int, column: Int, depth: Int)? {
      var i = line.startIndex
      var blockDepth = indents.count
      if quote == nil && flowDepth == 0 {
        while i < line.endIndex && line[i] == 0x20 { i += 1 }
        let indent = i - line.startIndex
        let blank = i == line.endIndex || line[i] == 0x23 || line[i] == 0x0D
        if let parent = blockScalarParent {
          if blank || indent > parent { return nil }
          blockScalarParent = nil
        }
        if blank { return nil }
        while let last = indents.last, last > indent { indents.removeLast() }
        if indents.last != indent { indents.append(indent) }
        blockDepth = indents.count
        // `- - x` and `? x` open a level each on the same line.
        while i + 1 < line.endIndex, line[i] == 0x2D || line[i] == 0x3F, line[i + 1] == 0x20 {
          blockDepth += 1
          i += 2
          while i < line.endIndex && line[i] == 0x20 { i += 1 }
        }
        if blockDepth > limit { return (number, i - line.startIndex + 1, blockDepth) }
      }
      var atValueStart = true
      var previous: UInt8 = 0x20
      while i < line.endIndex {
        let byte = line[i]
        defer {
          previous = byte
          i += 1
        }
        if let open = quote {
          if open == 0x22 && byte == 0x5C {
            i += 1  // skip the escaped character
          } else if byte == open {
            if open == 0x27, i + 1 < line.endIndex, line[i + 1] == 0x27 { i += 1 } else { quote = nil }
          }
          continue
        }
        switch byte {
        case 0x23 where previous == 0x20 || previous == 0x09:
          i = line.endIndex - 1  // a comment: skip the rest of the line
          continue
        case 0x22 where atValueStart, 0x27 where atValueStart:
          quote = byte
          atValueStart = false
        case 0x5B where atValueStart || flowDepth > 0, 0x7B where atValueStart || flowDepth > 0:
          flowDepth += 1
          if blockDepth + flowDepth > limit { return (number, i - line.startIndex + 1, blockDepth + flowDepth) }
          atValueStart = true
        case 0x5D where flowDepth > 0, 0x7D where flowDepth > 0:
          flowDepth -= 1
          atValueStart = false
        case 0x2C where flowDepth > 0:
          atValueStart = true
        case 0x3A where i + 1 == line.endIndex || line[i + 1] == 0x20 || (flowDepth > 0 && line[i + 1] != 0x2F):
          atValueStart = true
        case 0x2D where atValueStart && (i + 1 == line.endIndex || line[i + 1] == 0x20):
          atValueStart = true
        case 0x26 where atValueStart, 0x21 where atValueStart:
          // An anchor or a tag before a value: the value starts after it.
          while i + 1 < line.endIndex && line[i + 1] != 0x20 { i += 1 }
        case 0x20, 0x09, 0x0D:
          break
        default:
          atValueStart = false
        }
      }
      // `key: |` or `key: >-`: the lines indented under it are text, not structure.
      if quote == nil && flowDepth == 0 {
        var j = line.endIndex
        while j > line.startIndex, [0x20, 0x09, 0x0D].contains(line[j - 1]) { j -= 1 }
        var k = j
        while k > line.startIndex, [0x2B, 0x2D].contains(line[k - 1]) || (0x30...0x39).contains(line[k - 1]) {
          k -= 1
        }
        if k > line.startIndex, line[k - 1] == 0x7C || line[k - 1] == 0x3E,
          k - 1 == line.startIndex || line[k - 2] == 0x20
        {
          blockScalarParent = indents.last ?? 0
        }
      }
      return nil
    }
  }
}
