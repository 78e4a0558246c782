import SimulationKernel

/// RFC 3339 timestamps (`2026-11-26T00:00:00Z`, `2026-11-26T08:00:00-05:00`) as Unix seconds,
/// without Foundation's date formatters (which depend on the machine's locale and time zone).
///
/// Accepted: `YYYY-MM-DD` followed by `T`, `t` or a space and `hh:mm:ss`, optional fraction
/// (must be zero: the scenario clock starts on a whole second), then `Z`, `z` or `±hh:mm`.
/// A bare date `YYYY-MM-DD` means midnight UTC. Leap seconds (`:60`) are rejected. The calendar
/// is the kernel's ``CivilDate``, as everywhere outside the order validator.
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
    guard (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else {
      return .failure(.outOfRange("day \(day) of month \(month)"))
    }
    var seconds = CivilDate(year: year, month: month, day: day).daysSinceEpoch * 86_400
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
    UTCDateTime(unixSeconds: epochSeconds).rfc3339
  }
}
