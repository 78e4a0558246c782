/// A proleptic Gregorian date and time of day from Unix seconds, without Foundation.
///
/// Uses Howard Hinnant's `civil_from_days` algorithm, exact for every `Int64` day count a
/// simulation can meet. Times are whatever zone the caller shifted the seconds into (UTC by
/// default); there are no leap seconds, as in Unix time.
struct CalendarDate: Equatable {
  var year: Int64
  /// 1...12
  var month: Int
  /// 1...31
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  /// 0 = Sunday … 6 = Saturday.
  var weekday: Int

  static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  init(unixSeconds: Int64) {
    let days = Self.floorDivide(unixSeconds, 86_400)
    let secondOfDay = Int(unixSeconds - days * 86_400)
    hour = secondOfDay / 3600
    minute = secondOfDay / 60 % 60
    second = secondOfDay % 60
    weekday = Int(Self.floorModulo(days + 4, 7))  // 1970-01-01 was a Thursday

    let shifted = days + 719_468
    let era = Self.floorDivide(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153  // March = 0
    day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
    month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// `Thu 26 Nov`
  var dayLabel: String {
    Self.weekdayNames[weekday] + " \(day) " + Self.monthNames[month - 1]
  }

  /// `18:00`, or `18:00:30` when `withSeconds`.
  func timeLabel(withSeconds: Bool = false) -> String {
    let base = NumberFormat.twoDigits(hour) + ":" + NumberFormat.twoDigits(minute)
    return withSeconds ? base + ":" + NumberFormat.twoDigits(second) : base
  }

  /// `2026-11-26 18:00`
  var isoLabel: String {
    "\(year)-" + NumberFormat.twoDigits(month) + "-" + NumberFormat.twoDigits(day) + " " + timeLabel()
  }

  static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  static func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
    a - floorDivide(a, b) * b
  }
}
