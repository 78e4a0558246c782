/// A day of the proleptic Gregorian calendar, and its count of days since 1970-01-01.
///
/// The one calendar of peaksim outside the order validator (which stays dependency-free):
/// scenario `start` timestamps, the `created_at` of generated orders and every date in the
/// reports go through it. Howard Hinnant's `days_from_civil` and `civil_from_days`
/// (<https://howardhinnant.github.io/date_algorithms.html>), exact for every day count of an
/// `Int64` number of seconds; no Foundation, so no locale or time-zone database reaches output.
/// Inlinable: the order factory converts a date for every order it writes.
@frozen
public struct CivilDate: Hashable, Sendable {
  public var year: Int
  /// 1...12
  public var month: Int
  /// 1...31
  public var day: Int

  @inlinable public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `days` days after 1970-01-01 (before it when negative): `civil_from_days`.
  @inlinable public init(daysSinceEpoch days: Int64) {
    let shifted = Int(days) + 719_468  // days from 0000-03-01, the start of a 400-year era
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153  // March = 0
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01: `days_from_civil`.
  @inlinable public var daysSinceEpoch: Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return Int64(era * 146_097 + dayOfEra - 719_468)
  }

  /// 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
  @inlinable public var weekday: Int {
    Int(UTCDateTime.floorDivision(daysSinceEpoch + 4, 7).remainder)
  }

  @inlinable public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// 28...31 for `month` 1...12.
  @inlinable public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
