/// A Unix instant as UTC calendar fields, to the second (no leap seconds, as in Unix time).
///
/// A scenario's `start` maps simulated time zero to Unix seconds; this names such an instant
/// as people and RFC 3339 do. Seconds already shifted into another zone give that zone's
/// fields. Pure arithmetic on ``CivilDate``; inlinable for the order factory's hot path.
@frozen
public struct UTCDateTime: Hashable, Sendable {
  public var date: CivilDate
  /// 0...23
  public var hour: Int
  /// 0...59
  public var minute: Int
  /// 0...59
  public var second: Int

  @inlinable public init(unixSeconds: Int64) {
    let (days, secondOfDay) = Self.floorDivision(unixSeconds, 86_400)
    date = CivilDate(daysSinceEpoch: days)
    hour = Int(secondOfDay / 3_600)
    minute = Int(secondOfDay / 60 % 60)
    second = Int(secondOfDay % 60)
  }

  @inlinable public var year: Int { date.year }
  @inlinable public var month: Int { date.month }
  @inlinable public var day: Int { date.day }
  /// 0 = Sunday … 6 = Saturday.
  @inlinable public var weekday: Int { date.weekday }

  /// Seconds since 1970-01-01T00:00:00Z.
  @inlinable public var unixSeconds: Int64 {
    date.daysSinceEpoch * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
  }

  /// RFC 3339 in UTC with a four-digit year, `2026-11-26T00:00:00Z` (years 0 to 9999).
  public var rfc3339: String {
    let year = String(date.year)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + Self.twoDigits(date.month) + "-"
      + Self.twoDigits(date.day) + "T" + Self.twoDigits(hour) + ":" + Self.twoDigits(minute) + ":"
      + Self.twoDigits(second) + "Z"
  }

  /// Quotient rounded towards negative infinity, and the remainder in `0..<divisor`.
  @inlinable public static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    let remainder = value % divisor
    return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
  }

  static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
