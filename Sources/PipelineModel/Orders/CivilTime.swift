/// Calendar fields of a Unix instant in UTC, for writing `created_at` and `order_id` dates
/// without Foundation (whose formatters depend on the machine's locale and time zone data).
struct CivilTime: Equatable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  var millisecond: Int

  /// The UTC calendar time of `unixMilliseconds` (proleptic Gregorian, any sign).
  init(unixMilliseconds: Int64) {
    let (seconds, millisecond) = Self.floorDivision(unixMilliseconds, 1_000)
    let (days, secondOfDay) = Self.floorDivision(seconds, 86_400)
    self.millisecond = Int(millisecond)
    hour = Int(secondOfDay / 3_600)
    minute = Int(secondOfDay / 60 % 60)
    second = Int(secondOfDay % 60)
    // Howard Hinnant's `civil_from_days`.
    let shifted = Int(days) + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Quotient rounded towards negative infinity, and the non-negative remainder.
  static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    let remainder = value % divisor
    return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
  }
}
