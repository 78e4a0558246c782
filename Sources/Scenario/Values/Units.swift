import SimulationKernel

/// The units of SCENARIO.md's "Values with units" table: parsing and canonical rendering.
///
/// - Durations: `ns`, `us`, `ms`, `s`, `m`, `h`, `d` (`250ms`, `1.5s`, `4d`).
/// - Rates: `/s`, `/m`, `/h` (`120/s`, `9000/m`), stored per second.
/// - Sizes: `B`; `KB` = 1,000 B and `MB` = 1,000,000 B (decimal, as SI writes them); `KiB` =
///   1,024 B and `MiB` = 1,048,576 B (binary). DynamoDB's write unit of "1 KB" is really 1 KiB,
///   so `item_size: 1KB` (1,000 B) and `1KiB` (1,024 B) both cost one write unit.
///
/// A bare number is never a duration, rate or size: the error asks for a unit.
enum Units {
  static let durationUnits: [(name: String, nanoseconds: Int64)] = [
    ("ns", 1), ("us", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000), ("m", 60_000_000_000),
    ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
  ]
  static let rateUnits: [(name: String, seconds: Double)] = [("/s", 1), ("/m", 60), ("/h", 3_600)]
  static let sizeUnits: [(name: String, bytes: Int64)] = [
    ("B", 1), ("KB", 1_000), ("KiB", 1_024), ("MB", 1_000_000), ("MiB", 1_048_576),
  ]

  /// Spellings people write for the duration units, for did-you-mean.
  static let durationAliases: [String: String] = [
    "sec": "s", "secs": "s", "second": "s", "seconds": "s", "min": "m", "mins": "m", "minute": "m",
    "minutes": "m", "hr": "h", "hrs": "h", "hour": "h", "hours": "h", "day": "d", "days": "d",
    "msec": "ms", "millis": "ms", "µs": "us", "μs": "us", "nsec": "ns",
  ]

  static let durationUnitList = "ns, us, ms, s, m, h or d"
  static let rateUnitList = "/s, /m or /h"
  static let sizeUnitList = "B, KB, KiB, MB or MiB"

  /// Why a value with a unit could not be read.
  enum Problem: Error, Equatable {
    /// A number without its unit.
    case missingUnit
    /// Not a number followed by a unit at all.
    case notANumber
    /// A number with a unit that isn't one of `allowed` (`suggestion` is the nearest).
    case unknownUnit(String, suggestion: String?)
    /// Too large to represent.
    case tooLarge
    /// A size that is not a whole number of bytes.
    case fractionalBytes
  }

  static func duration(_ text: String) -> Result<SimDuration, Problem> {
    guard let (number, unit) = DecimalNumber.parsePrefix(Substring(text.trimmingSpaces)) else {
      return .failure(.notANumber)
    }
    if unit.isEmpty { return .failure(.missingUnit) }
    guard let scale = durationUnits.first(where: { $0.name == unit }) else {
      let spelled = String(unit)
      let suggestion =
        durationAliases[spelled.lowercased()]
        ?? Suggestions.nearest(to: spelled, among: durationUnits.map(\.name))
      return .failure(.unknownUnit(spelled, suggestion: suggestion))
    }
    guard let (ns, _) = number.scaled(by: scale.nanoseconds) else { return .failure(.tooLarge) }
    return .success(SimDuration(nanoseconds: ns))
  }

  /// A rate in events per second.
  static func rate(_ text: String) -> Result<Double, Problem> {
    guard let (number, unit) = DecimalNumber.parsePrefix(Substring(text.trimmingSpaces)) else {
      return .failure(.notANumber)
    }
    if unit.isEmpty { return .failure(.missingUnit) }
    let compact = String(unit.filter { $0 != " " })
    guard let scale = rateUnits.first(where: { $0.name == compact }) else {
      let aliases = ["/sec": "/s", "/second": "/s", "/min": "/m", "/minute": "/m", "/hr": "/h", "/hour": "/h"]
      let suggestion = aliases[compact.lowercased()] ?? Suggestions.nearest(to: compact, among: rateUnits.map(\.name))
      return .failure(.unknownUnit(String(unit), suggestion: suggestion))
    }
    let value = number.double / scale.seconds
    guard value.isFinite else { return .failure(.tooLarge) }
    return .success(value)
  }

  /// A size in bytes.
  static func size(_ text: String) -> Result<Int, Problem> {
    guard let (number, unit) = DecimalNumber.parsePrefix(Substring(text.trimmingSpaces)) else {
      return .failure(.notANumber)
    }
    if unit.isEmpty { return .failure(.missingUnit) }
    guard let scale = sizeUnits.first(where: { $0.name == unit }) else {
      var suggestion = Suggestions.nearest(to: String(unit), among: sizeUnits.map(\.name))
      if let exact = sizeUnits.first(where: { $0.name.lowercased() == unit.lowercased() }) {
        suggestion = exact.name
      }
      return .failure(.unknownUnit(String(unit), suggestion: suggestion))
    }
    guard let (bytes, exact) = number.scaled(by: scale.bytes) else { return .failure(.tooLarge) }
    guard exact else { return .failure(.fractionalBytes) }
    return .success(Int(bytes))
  }

  // MARK: - Rendering (canonical, re-readable by the parsers above)

  static func render(_ duration: SimDuration) -> String {
    let ns = duration.nanoseconds
    if ns == 0 { return "0s" }
    for unit in durationUnits.reversed() where ns % unit.nanoseconds == 0 {
      return "\(ns / unit.nanoseconds)\(unit.name)"
    }
    return "\(ns)ns"
  }

  /// A per-second rate, in the largest of `/s`, `/m`, `/h` that makes it a whole number, else
  /// per second.
  static func renderRate(_ perSecond: Double) -> String {
    if let whole = integral(perSecond) { return "\(whole)/s" }
    for unit in rateUnits.dropFirst() {
      let scaled = perSecond * unit.seconds
      if let whole = integral(scaled), Double(whole) / unit.seconds == perSecond { return "\(whole)\(unit.name)" }
    }
    return "\(renderNumber(perSecond))/s"
  }

  static func renderSize(_ bytes: Int) -> String {
    if bytes == 0 { return "0B" }
    for unit in sizeUnits.sorted(by: { $0.bytes > $1.bytes }) where Int64(bytes) % unit.bytes == 0 {
      return "\(Int64(bytes) / unit.bytes)\(unit.name)"
    }
    return "\(bytes)B"
  }

  /// Shortest exact text of `x`: `80`, `0.4`, `2.5`, `1e-05`.
  static func renderNumber(_ x: Double) -> String {
    if let whole = integral(x) { return String(whole) }
    return x.description
  }

  /// `x` rounded to 9 decimals, for sums that carry binary noise (0.7 + 0.6 = 1.3).
  static func renderApproximate(_ x: Double) -> String {
    guard x.isFinite, abs(x) < 1e6 else { return renderNumber(x) }
    return renderNumber((x * 1e9).rounded() / 1e9)
  }

  private static func integral(_ x: Double) -> Int64? {
    guard x.isFinite, x == x.rounded(), abs(x) < 1e15 else { return nil }
    return Int64(x)
  }
}
