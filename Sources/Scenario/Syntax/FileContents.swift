import Foundation

/// Reading the files a scenario names (itself, a trace): the only place the module uses
/// Foundation.
enum FileContents {
  enum ReadProblem: Error, Equatable, CustomStringConvertible {
    case notFound
    case isDirectory
    /// A device, FIFO or socket: reading `/dev/zero` never ends, and a FIFO blocks.
    case notRegular(String)
    case unreadable

    var description: String {
      switch self {
      case .notFound: "no such file"
      case .isDirectory: "it is a folder, not a file"
      case .notRegular(let kind): "it is \(kind), not a regular file"
      case .unreadable: "the file cannot be read (check its permissions)"
      }
    }
  }

  static func read(_ path: String) -> Result<[UInt8], ReadProblem> {
    var status = stat()
    guard stat(path, &status) == 0 else { return .failure(errno == EACCES ? .unreadable : .notFound) }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(.isDirectory)
    case S_IFCHR: return .failure(.notRegular("a character device"))
    case S_IFBLK: return .failure(.notRegular("a block device"))
    case S_IFIFO: return .failure(.notRegular("a named pipe (FIFO)"))
    case S_IFSOCK: return .failure(.notRegular("a socket"))
    default: return .failure(.notRegular("not a file"))
    }
    guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
    return .success([UInt8](data))
  }

  /// Checks that `bytes` are UTF-8 text (no NUL bytes, no invalid sequences) and decodes them.
  /// A UTF-8 byte-order mark is dropped.
  static func text(from bytes: [UInt8], source: ScenarioSource, kind: String) -> Result<String, ScenarioDiagnostic> {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    func position(of offset: Int) -> (line: Int, column: Int) {
      var line = 1, column = 1
      for byte in body[body.startIndex..<offset] {
        if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
      }
      return (line, column)
    }
    func binary(at offset: Int, _ what: String) -> Result<String, ScenarioDiagnostic> {
      let (line, column) = position(of: offset)
      return .failure(
        ScenarioDiagnostic(
          severity: .error, location: SourceLocation(source: source, line: line, column: column), keyPath: nil,
          message: "not a \(kind): the file is not UTF-8 text (\(what))",
          found: what))
    }
    if let nul = body.firstIndex(of: 0) { return binary(at: nul, "a NUL byte") }
    if let text = String(validating: body, as: UTF8.self) { return .success(text) }
    // Not UTF-8: find the first bad byte.
    var iterator = body.makeIterator()
    var decoder = UTF8()
    var offset = body.startIndex
    var scalars = String.UnicodeScalarView()
    decoding: while true {
      let before = offset
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        offset += UTF8.width(scalar)
      case .emptyInput:
        break decoding
      case .error:
        let byte = body[before]
        let hex = String(byte, radix: 16, uppercase: true)
        return binary(at: before, "byte 0x\(hex.count == 1 ? "0" + hex : hex) is not valid UTF-8")
      }
    }
    return .success(String(scalars))
  }

}
