/// The values a sizing search may choose from: `A..B` with `--step S`, i.e.
/// `A, A+S, A+2S, …` up to `B` (B itself is included even when it is not on a step, so the
/// upper end is always tried).
public struct SizingRange: Sendable, Equatable, CustomStringConvertible {
  public let lower: Int
  public let upper: Int
  public let step: Int

  public init(lower: Int, upper: Int, step: Int = 1) throws(ExperimentError) {
    guard step >= 1 else { throw .invalidSetting("--step must be at least 1, got \(step)") }
    guard lower <= upper else { throw .invalidSetting("--range \(lower)..\(upper) is empty: A must be at most B") }
    let (span, overflow) = upper.subtractingReportingOverflow(lower)
    guard !overflow, span / step < 100_000 else {
      throw .invalidSetting(
        "--range \(lower)..\(upper) with --step \(step) has more than 100,000 values; use a larger --step")
    }
    self.lower = lower
    self.upper = upper
    self.step = step
  }

  /// Parses `A..B` (whole numbers).
  public init(argument: String, step: Int = 1) throws(ExperimentError) {
    let parts = argument.splitAll("..")
    guard parts.count == 2, let a = Int(parts[0].trimmingSpaces), let b = Int(parts[1].trimmingSpaces) else {
      throw .invalidSetting("--range expects A..B with whole numbers, e.g. --range 2..200, got \(argument)")
    }
    try self.init(lower: a, upper: b, step: step)
  }

  /// The values in increasing order.
  public var values: [Int] {
    var values = Array(stride(from: lower, through: upper, by: step))
    if values.last != upper { values.append(upper) }
    return values
  }

  /// `2..200` or `2..200 step 5`.
  public var description: String { "\(lower)..\(upper)" + (step == 1 ? "" : " step \(step)") }
}

extension String {
  func splitAll(_ separator: String) -> [String] {
    var parts: [String] = []
    var rest = Substring(self)
    while let range = rest.firstRange(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}
