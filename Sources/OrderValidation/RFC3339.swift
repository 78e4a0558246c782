/// The RFC 3339 `date-time` rule that `created_at` must follow.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` naming a real instant: months 1–12,
/// days that exist in that month (leap years by the Gregorian rule), hour < 24, minute and
/// second < 60 (so the leap second `:60` is rejected, as the order format requires), offset
/// hours ≤ 23 and minutes ≤ 59. The fraction has one or more digits; digits past the ninth
/// are checked but do not change the instant. `t` and `z` may be lowercase, as RFC 3339 §5.6
/// explicitly allows; the space separator that its note mentions for readability is not part
/// of the grammar and is rejected.
public enum RFC3339 {
  /// A point in time as seconds and nanoseconds since 1970-01-01T00:00:00Z.
  public struct Instant: Hashable, Comparable, Sendable {
    public var unixSeconds: Int64
    /// 0 ..< 1,000,000,000.
    public var nanoseconds: Int32

    public init(unixSeconds: Int64, nanoseconds: Int32) {
      self.unixSeconds = unixSeconds
      self.nanoseconds = nanoseconds
    }

    public static func < (a: Instant, b: Instant) -> Bool {
      (a.unixSeconds, a.nanoseconds) < (b.unixSeconds, b.nanoseconds)
    }
  }

  /// The instant `text` names, or `nil` when it is not an RFC 3339 date-time.
  public static func parse(_ text: String) -> Instant? {
    var copy = text
    return copy.withUTF8 { parse($0) }
  }

  /// The instant `bytes` name, or `nil` when they are not an RFC 3339 date-time.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Instant? {
    var memo = MinuteMemo()
    return parse(bytes, memo: &memo)
  }

  /// As ``parse(_:)``, skipping the date, hour and minute when their 16 bytes are those of the
  /// last valid date-time `memo` saw: the same bytes get the same verdict, so nothing is
  /// checked less. Orders come in time order, many per minute.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, memo: inout MinuteMemo) -> Instant? {
    let count = bytes.count
    guard count >= 20, let base = bytes.baseAddress else { return nil }

    /// Two ASCII digits at `at` as a number, or -1.
    @inline(__always) func twoDigits(_ at: Int) -> Int {
      let high = Int(base[at]) &- 0x30
      let low = Int(base[at + 1]) &- 0x30
      guard high >= 0, high <= 9, low >= 0, low <= 9 else { return -1 }
      return high * 10 + low
    }

    let head = UnsafeRawPointer(base).loadUnaligned(as: (UInt64, UInt64).self)
    let minuteSeconds: Int
    if memo.isSet && head == memo.head {
      minuteSeconds = memo.minuteSeconds
    } else {
      let century = twoDigits(0)
      let yearOfCentury = twoDigits(2)
      let month = twoDigits(5)
      let day = twoDigits(8)
      let hour = twoDigits(11)
      let minute = twoDigits(14)
      guard century >= 0, yearOfCentury >= 0, month >= 1, month <= 12, day >= 1,
        hour >= 0, hour < 24, minute >= 0, minute < 60,
        base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-"),
        base[10] | 0x20 == UInt8(ascii: "t"),
        base[13] == UInt8(ascii: ":")
      else { return nil }
      let year = century * 100 + yearOfCentury
      guard day <= daysInMonth(month, year: year) else { return nil }
      minuteSeconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60
      memo = MinuteMemo(head: head, minuteSeconds: minuteSeconds)
    }
    let second = twoDigits(17)
    guard base[16] == UInt8(ascii: ":"), second >= 0, second < 60 else { return nil }

    var position = 19
    var nanoseconds = 0
    if base[position] == UInt8(ascii: ".") {
      position += 1
      let fractionStart = position
      var scale = 100_000_000
      while position < count, base[position] &- 0x30 < 10 {
        nanoseconds += Int(base[position] &- 0x30) * scale
        scale /= 10
        position += 1
      }
      guard position > fractionStart, position < count else { return nil }
    }

    var offsetSeconds = 0
    let designator = base[position]
    if designator | 0x20 == UInt8(ascii: "z") {
      position += 1
    } else if designator == UInt8(ascii: "+") || designator == UInt8(ascii: "-") {
      guard count - position == 6, base[position + 3] == UInt8(ascii: ":") else { return nil }
      let offsetHours = twoDigits(position + 1)
      let offsetMinutes = twoDigits(position + 4)
      guard offsetHours >= 0, offsetHours < 24, offsetMinutes >= 0, offsetMinutes < 60 else { return nil }
      offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60
      if designator == UInt8(ascii: "-") { offsetSeconds = -offsetSeconds }
      position += 6
    } else {
      return nil
    }
    guard position == count else { return nil }

    return Instant(unixSeconds: Int64(minuteSeconds + second - offsetSeconds), nanoseconds: Int32(nanoseconds))
  }

  /// Days in `month` (1–12) of `year` in the proleptic Gregorian calendar.
  static func daysInMonth(_ month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// Days from 1970-01-01 to the given civil date (Howard Hinnant's `days_from_civil`).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
