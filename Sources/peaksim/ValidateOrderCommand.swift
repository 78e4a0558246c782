import ArgumentParser
import OrderValidation
import Reports

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Peaksim {
  /// `peaksim validate-order FILE...`: the validation core on real payloads.
  struct ValidateOrder: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate-order",
      abstract: "Check order message bodies with the same rules the simulated order processor applies.",
      discussion: """
        Prints one line per file: `FILE: valid`, or `FILE: invalid REASON at FIELD` with the first \
        failure a front-to-back pass meets (no field for oversized, malformed_json and \
        not_an_object). A file that cannot be read gets `FILE: error: WHY` on standard error and \
        counts as not valid.

        Exit status: 0 every file is a valid order, 1 some file is not (or cannot be read), 2 usage \
        error.

        Reasons: oversized, malformed_json, not_an_object, duplicate_key, missing_field, \
        wrong_type, invalid_value, too_many_items, total_mismatch.
        """)

    @Argument(help: ArgumentHelp("Order bodies to check; '-' reads standard input.", valueName: "file"))
    var files: [String]

    @Flag(help: "Print a JSON array of {\"file\", \"valid\", \"reason\", \"field\", \"error\"} instead of lines.")
    var json = false

    @Option(
      help: ArgumentHelp(
        "Maximum message size: bytes, or a size such as 256KiB, 1MiB, 1KB (default: 256KiB).", valueName: "size"),
      transform: MessageSize.parse)
    var maxSize = MessageSize(bytes: OrderValidator.defaultMaxMessageSize)

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give at least one order file, or '-' for standard input") }
      guard files.filter({ $0 == "-" }).count <= 1 else {
        throw ValidationError("standard input ('-') can be read only once")
      }
    }

    func run() throws {
      let validator = OrderValidator(maxMessageSize: maxSize.bytes)
      var results: [Verdict] = []
      for file in files {
        // Reading one byte past the limit is enough to know a body is oversized.
        switch Self.readBody(file, limit: maxSize.bytes + 1) {
        case .success(let body):
          results.append(Verdict(file: file, failure: validator.firstFailure(in: body), error: nil))
        case .failure(let error):
          results.append(Verdict(file: file, failure: nil, error: error.message))
        }
      }
      if json {
        print(Self.jsonReport(results), terminator: "")
      } else {
        // Verdicts are results (standard output); a file that cannot be read is a diagnostic.
        for result in results {
          if let error = result.error {
            StandardError.write("\(result.file): error: \(error)")
          } else {
            print(Self.textLine(result))
          }
        }
      }
      if !results.allSatisfy(\.isValid) { throw ExitCode(ExitCodes.failure) }
    }

    /// One file's outcome.
    struct Verdict {
      var file: String
      var failure: ValidationFailure?
      /// Why the file could not be read.
      var error: String?

      var isValid: Bool { failure == nil && error == nil }
    }

    /// `FILE: valid` or `FILE: invalid REASON at FIELD`.
    static func textLine(_ result: Verdict) -> String {
      guard let failure = result.failure else { return "\(result.file): valid" }
      return "\(result.file): invalid \(failure)"
    }

    /// A JSON array with keys in a fixed order: `file`, `valid`, `reason`, `field`, `error`.
    static func jsonReport(_ results: [Verdict]) -> String {
      let rows = results.map { result in
        let reason = result.failure.map { JSONValue.quoted($0.reason.rawValue) } ?? "null"
        let field = result.failure?.field.map { JSONValue.quoted($0.description) } ?? "null"
        let error = result.error.map(JSONValue.quoted) ?? "null"
        return "  {\"file\": \(JSONValue.quoted(result.file)), \"valid\": \(result.isValid), "
          + "\"reason\": \(reason), \"field\": \(field), \"error\": \(error)}"
      }
      return rows.isEmpty ? "[]\n" : "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    struct ReadError: Error {
      var message: String
    }

    /// Reads at most `limit` bytes of `path` ('-': standard input).
    static func readBody(_ path: String, limit: Int) -> Result<[UInt8], ReadError> {
      let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
      guard descriptor >= 0 else { return .failure(ReadError(message: "cannot open: \(lastError())")) }
      defer { if descriptor != STDIN_FILENO { close(descriptor) } }
      var bytes: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 65_536)
      while bytes.count < limit {
        let wanted = min(chunk.count, limit - bytes.count)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
        if count < 0 {
          if errno == EINTR { continue }
          return .failure(ReadError(message: "cannot read: \(lastError())"))
        }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
      }
      return .success(bytes)
    }

    static func lastError() -> String {
      guard let text = strerror(errno) else { return "error \(errno)" }
      return String(cString: text)
    }
  }
}

/// A byte count given on the command line: `262144`, `256KiB`, `1MiB`, `1KB`, `1MB`, `100B`,
/// `2GiB` (SCENARIO.md's size units: KB, MB, GB are powers of 1000, KiB, MiB, GiB of 1024).
struct MessageSize: Equatable {
  var bytes: Int

  init(bytes: Int) { self.bytes = bytes }

  /// 2 GiB, the largest size accepted (as the message says, `2GiB` itself included).
  static let maximumBytes = 2_147_483_648

  /// Reads `--max-size`, or explains what it accepts.
  static func parse(_ argument: String) throws -> MessageSize {
    guard let size = MessageSize(argument: argument) else {
      // argument-parser prefixes "The value '…' is invalid for '--max-size <size>': ".
      throw ValidationError(
        "use a whole number of bytes (262144) or a size with a unit B, KB, KiB, MB, MiB, GB or GiB (256KiB), "
          + "from 1 B up to 2GiB (2147483648 bytes)")
    }
    return size
  }

  init?(argument: String) {
    let units: [(suffix: String, multiplier: Int)] = [
      ("KiB", 1_024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("KB", 1_000), ("MB", 1_000_000),
      ("GB", 1_000_000_000), ("B", 1), ("", 1),
    ]
    for (suffix, multiplier) in units where argument.hasSuffix(suffix) {
      let number = argument.dropLast(suffix.count)
      guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber),
        let value = Int(number), value > 0, value <= Self.maximumBytes / multiplier
      else { return nil }
      bytes = value * multiplier
      return
    }
    return nil
  }

}
