/// RFC 4180 text: a header row, then one line per row, every line ending in LF.
///
/// ```swift
/// var csv = CSVWriter(header: ["time_s", "queue_visible", "oldest_age_s", "note"])
/// csv.append([.integer(60), .integer(1_204), .number(12.3456789), .text("burst, 3x")])
/// csv.render()
/// // time_s,queue_visible,oldest_age_s,note
/// // 60,1204,12.3457,"burst, 3x"
/// ```
///
/// - Line endings are LF (`\n`), not RFC 4180's CRLF: the files live in git next to the
///   scenario, and every CSV reader we know of (Python's `csv`, pandas, R, spreadsheets, DuckDB)
///   accepts LF. The last line ends in LF too.
/// - A field is quoted only when it must be: when it contains `,`, `"`, CR or LF, or starts or
///   ends with a space. Quotes inside are doubled.
/// - Numbers are written by one deterministic rule: integers as integers (`1204`, no grouping),
///   doubles by ``NumberFormat/compact(_:significantDigits:)`` with 6 significant digits
///   (`12.3457`, `60`, `123456789`, never `-0`, no exponent for ordinary magnitudes).
/// - NaN is written as an empty field (a missing value to every reader above); infinities as
///   `inf` and `-inf`, which pandas and NumPy read back as infinities.
public struct CSVWriter: Sendable, Equatable {
  /// One field of a row.
  public enum Field: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
  {
    case text(String)
    case integer(Int)
    case number(Double)
    /// An empty field: a value that does not exist for this row.
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
  }

  public let header: [String]
  private var text: String
  public private(set) var rowCount = 0

  public init(header: [String]) {
    precondition(!header.isEmpty, "a CSV file needs at least one column")
    self.header = header
    text = ""
    appendLine(header.map(Self.escape))
  }

  /// Appends a row; it must have one field per header column.
  public mutating func append(_ row: [Field]) {
    precondition(
      row.count == header.count,
      "a CSV row has \(row.count) fields, the header has \(header.count) columns")
    appendLine(row.map(Self.write))
    rowCount += 1
  }

  /// The whole file.
  public func render() -> String { text }

  private mutating func appendLine(_ fields: [String]) {
    text += fields.joined(separator: ",")
    text += "\n"
  }

  /// The text of one field.
  public static func write(_ field: Field) -> String {
    switch field {
    case .text(let value): return escape(value)
    case .integer(let value): return String(value)
    case .number(let value): return format(value)
    case .empty: return ""
    }
  }

  /// A double as it appears in the file (see the type's documentation).
  public static func format(_ value: Double) -> String {
    if value.isNaN { return "" }
    return NumberFormat.compact(value, significantDigits: 6)
  }

  /// A text field, quoted when it contains `,`, `"`, CR or LF or has leading or trailing
  /// spaces; inner quotes are doubled.
  public static func escape(_ field: String) -> String {
    var needsQuotes = field.first == " " || field.last == " "
    for scalar in field.unicodeScalars where !needsQuotes {
      switch scalar {
      case ",", "\"", "\r", "\n": needsQuotes = true
      default: break
      }
    }
    guard needsQuotes else { return field }
    var quoted = "\""
    for character in field {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }
}
