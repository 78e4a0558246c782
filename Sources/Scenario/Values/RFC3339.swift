/// RFC 3339 timestamps (`2026-11-26T00:00:00Z`, `2026-11-26T08:00:00-05:00`) as Unix seconds,
/// without Foundation's date formatters (which depend on the machine's locale and time zone).
///
/// Accepted: `YYYY-MM-DD` followed by `T`, `t` or a space and `hh:mm:ss`, optional fraction
/// (must be zero: the scenario clock starts on a whole second), then `Z`, `z` or `±hh:mm`.
/// A bare date `YYYY-MM-DD` means midnight UTC. Leap seconds (`:60`) are rejected.
enum RFC3339 {
  enum Problem: Error, Equatable {
    case syntax
    case outOfRange(String)
    case fractionalSeconds
  }

  static func epochSeconds(_ text: String) -> Result<Int64, Problem> {
    let chars = Array(text.trimmingSpaces.utf8)
    var i = 0
    func digits(_ n: Int) -> Int? {
      guard i + n <= chars.count else { return nil }
      var value = 0
      for k in i..<(i + n) {
        let c = chars[k]
        guard c >= 48 && c <= 57 else { return nil }
        value = value * 10 + Int(c - 48)
      }
      i += n
      return value
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < chars.count, chars[i] == c else { return false }
      i += 1
      return true
    }
    guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
      let day = digits(2)
    else { return .failure(.syntax) }
    guard (1...12).contains(month) else { return .failure(.outOfRange("month \(month)")) }
    guard (1...daysInMonth(year: year, month: month)).contains(day) else {
      return .failure(.outOfRange("day \(day) of month \(month)"))
    }
    var seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
    if i == chars.count { return .success(seconds) }
    guard i < chars.count, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(chars[i]) else {
      return .failure(.syntax)
    }
    i += 1
    guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2), expect(UInt8(ascii: ":")),
      let second = digits(2)
    else { return .failure(.syntax) }
    guard hour < 24 else { return .failure(.outOfRange("hour \(hour)")) }
    guard minute < 60 else { return .failure(.outOfRange("minute \(minute)")) }
    guard second < 60 else { return .failure(.outOfRange("second \(second)")) }
    if expect(UInt8(ascii: ".")) {
      var any = false
      while i < chars.count, chars[i] >= 48 && chars[i] <= 57 {
        if chars[i] != 48 { return .failure(.fractionalSeconds) }
        any = true
        i += 1
      }
      guard any else { return .failure(.syntax) }
    }
    seconds += Int64(hour * 3_600 + minute * 60 + second)
    guard i < chars.count else { return .failure(.syntax) }  // the offset is required
    if chars[i] == UInt8(ascii: "Z") || chars[i] == UInt8(ascii: "z") {
      i += 1
    } else if chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
      let sign: Int64 = chars[i] == UInt8(ascii: "+") ? 1 : -1
      i += 1
      guard let oh = digits(2), expect(UInt8(ascii: ":")), let om = digits(2) else { return .failure(.syntax) }
      guard oh < 24, om < 60 else { return .failure(.outOfRange("offset \(oh):\(om)")) }
      // Local time = UTC + offset, so UTC = local − offset.
      seconds -= sign * Int64(oh * 3_600 + om * 60)
    } else {
      return .failure(.syntax)
    }
    guard i == chars.count else { return .failure(.syntax) }
    return .success(seconds)
  }

  /// `2026-11-26T00:00:00Z`.
  static func render(epochSeconds: Int64) -> String {
    let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
    let secondOfDay = Int(epochSeconds - days * 86_400)
    let (y, m, d) = civilFromDays(Int(days))
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let year = String(y)
    let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
    return
      "\(paddedYear)-\(two(m))-\(two(d))T\(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
  }

  static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
