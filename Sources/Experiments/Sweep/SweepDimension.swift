/// One `--vary PATH=V1,V2,…` of a sweep: a scenario key path and the values it takes, each a
/// YAML value as `--set` takes it.
///
/// Values are separated by commas outside brackets and quotes, so a value may be a flow
/// mapping (`lambda.cold_start={dist: constant, value: 0s},{dist: constant, value: 1s}`).
/// A whole-number range `A..B` or `A..B:S` (step `S`, default 1) stands for `A, A+S, …, ≤ B`.
public struct SweepDimension: Sendable, Equatable {
  /// The key path, e.g. `event_source.maximum_concurrency`.
  public var path: String
  /// The values in the order given, as YAML text.
  public var values: [String]

  public init(path: String, values: [String]) {
    self.path = path
    self.values = values
  }

  /// Parses a `--vary` argument.
  public init(argument: String) throws(SweepError) {
    guard let equals = argument.firstIndex(of: "=") else {
      throw SweepError("expected PATH=V1,V2,… (e.g. --vary event_source.batch_size=5,10,20), got \(argument)")
    }
    let path = String(argument[..<equals]).trimmingSpaces
    guard !path.isEmpty else { throw SweepError("--vary \(argument): the key path is empty") }
    let list = String(argument[argument.index(after: equals)...])
    let values: [String]
    if let range = try Self.integerRange(list, path: path) {
      values = range
    } else {
      values = Self.splitTopLevel(list).map(\.trimmingSpaces)
    }
    guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
      throw SweepError("--vary \(path): every value must be non-empty (V1,V2,… or A..B[:S]), got \(list)")
    }
    guard values.count <= Self.maximumValues else {
      throw SweepError("--vary \(path): \(values.count) values is more than a sweep should hold (at most 10,000)")
    }
    self.path = path
    self.values = values
  }

  /// `A..B` or `A..B:S` as its values, or `nil` when `text` is not such a range.
  /// A whole-number range that is empty (`5..1`) or too long (`1..1000000000`) is an error
  /// saying so, rather than a list of one odd value.
  static func integerRange(_ text: String, path: String = "") throws(SweepError) -> [String]? {
    let trimmed = text.trimmingSpaces
    guard let dots = trimmed.firstRange(of: "..") else { return nil }
    let lower = trimmed[..<dots.lowerBound]
    var rest = trimmed[dots.upperBound...]
    var step = 1
    if let colon = rest.firstIndex(of: ":") {
      guard let s = Int(rest[rest.index(after: colon)...]), s >= 1 else { return nil }
      step = s
      rest = rest[..<colon]
    }
    guard let a = Int(lower), let b = Int(rest) else { return nil }
    guard a <= b else {
      throw SweepError("--vary \(path)=\(trimmed): the range is empty; write the smaller value first (\(b)..\(a))")
    }
    let (span, overflow) = b.subtractingReportingOverflow(a)
    guard !overflow, span / step < maximumValues else {
      let count = overflow ? "more than 10,000" : String(span / step + 1)
      throw SweepError(
        "--vary \(path)=\(trimmed): \(count) values is more than a sweep should hold (at most 10,000 per --vary); use a larger step, e.g. \(a)..\(b):\(overflow ? b / 5_000 : max(1, span / (maximumValues - 1) + 1))"
      )
    }
    return stride(from: a, through: b, by: step).map(String.init)
  }

  /// The most values one `--vary` may hold.
  static let maximumValues = 10_000

  /// Splits at commas that are not inside `{}`, `[]` or quotes.
  static func splitTopLevel(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var quote: Character?
    for character in text {
      if let open = quote {
        current.append(character)
        if character == open { quote = nil }
        continue
      }
      switch character {
      case "\"", "'": quote = character
      case "{", "[": depth += 1
      case "}", "]": depth = max(0, depth - 1)
      case "," where depth == 0:
        parts.append(current)
        current = ""
        continue
      default: break
      }
      current.append(character)
    }
    parts.append(current)
    return parts
  }
}

/// A `--vary` argument or a sweep that cannot be run.
public struct SweepError: Error, CustomStringConvertible, Equatable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
