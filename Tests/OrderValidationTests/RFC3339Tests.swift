import OrderValidation
import Testing

@Suite struct RFC3339Tests {
  static let valid: [String] = [
    "2026-11-27T05:12:33Z",
    "2026-11-27T05:12:33.120Z",
    "2026-11-27T05:12:33.1Z",
    "2026-11-27T05:12:33.123456789012345Z",
    "2024-02-29T00:00:00Z",  // leap day
    "2000-02-29T00:00:00Z",  // divisible by 400
    "2026-11-27t05:12:33z",  // RFC 3339 §5.6 allows lowercase
    "2026-11-27T05:12:33+14:00",
    "2026-11-27T05:12:33-12:00",
    "2026-11-27T05:12:33-00:00",
    "2026-11-27T05:12:33+23:59",
    "2026-12-31T23:59:59.999Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
  ]

  static let invalid: [String] = [
    "",
    "2026-11-27",
    "2026-11-27T05:12:33",  // no offset
    "2026-11-27 05:12:33Z",  // space separator: not in the grammar
    "2026-11-27T05:12Z",  // no seconds
    "2023-02-29T00:00:00Z",  // not a leap year
    "1900-02-29T00:00:00Z",  // divisible by 100, not 400
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-10T00:00:00Z",
    "2026-11-00T00:00:00Z",
    "2026-11-32T00:00:00Z",
    "2026-11-27T24:00:00Z",
    "2026-11-27T23:60:00Z",
    "2026-12-31T23:59:60Z",  // leap second: second must be < 60
    "2026-11-27T05:12:33.Z",  // empty fraction
    "2026-11-27T05:12:33,5Z",  // comma fraction
    "2026-11-27T05:12:33+1400",
    "2026-11-27T05:12:33+14",
    "2026-11-27T05:12:33+24:00",
    "2026-11-27T05:12:33+05:60",
    "2026-11-27T05:12:33Z ",
    " 2026-11-27T05:12:33Z",
    "2026-1-27T05:12:33Z",
    "26-11-27T05:12:33Z",
    "+2026-11-27T05:12:33Z",
    "2026-11-27T5:12:33Z",
    "2026-11-27X05:12:33Z",
    "2026/11/27T05:12:33Z",
    "2026-11-27T05:12:33UTC",
    "２０２６-11-27T05:12:33Z",  // full-width digits
  ]

  @Test(arguments: valid) func acceptsRFC3339DateTimes(_ text: String) {
    #expect(RFC3339.parse(text) != nil)
    #expect(ReferenceOrderRules.isRFC3339(text))
  }

  @Test(arguments: invalid) func rejectsEverythingElse(_ text: String) {
    #expect(RFC3339.parse(text) == nil)
    #expect(!ReferenceOrderRules.isRFC3339(text))
  }

  @Test func namesTheRightInstant() {
    #expect(RFC3339.parse("1970-01-01T00:00:00Z") == RFC3339.Instant(unixSeconds: 0, nanoseconds: 0))
    #expect(RFC3339.parse("1969-12-31T23:59:59.5Z") == RFC3339.Instant(unixSeconds: -1, nanoseconds: 500_000_000))
    #expect(RFC3339.parse("2000-03-01T00:00:00Z")?.unixSeconds == 951_868_800)
    #expect(RFC3339.parse("2024-02-29T12:00:00Z")?.unixSeconds == 1_709_208_000)
    // The same instant written with three offsets.
    let utc = RFC3339.parse("2026-11-27T05:12:33.120Z")
    #expect(RFC3339.parse("2026-11-27T19:12:33.120+14:00") == utc)
    #expect(RFC3339.parse("2026-11-26T23:42:33.120-05:30") == utc)
    #expect(utc == RFC3339.Instant(unixSeconds: 1_795_756_353, nanoseconds: 120_000_000))
    #expect(RFC3339.parse("2026-11-27T05:12:33.123456789999Z")?.nanoseconds == 123_456_789)
    #expect(RFC3339.parse("0000-01-01T00:00:00Z")?.unixSeconds == -62_167_219_200)
  }

  /// The simulator parses with a memo of the last minute (``RFC3339/MinuteMemo``): whatever
  /// came before, every text must get the verdict and instant a fresh parse gives, including
  /// texts that share a valid minute and go wrong after it.
  @Test func aMinuteMemoNeverChangesAVerdictOrAnInstant() {
    let sameMinute = [
      "2026-11-27T05:12:33Z", "2026-11-27T05:12:60Z", "2026-11-27T05:12:59.999999Z", "2026-11-27T05:12:33+24:00",
      "2026-11-27T05:12:33.Z", "2026-11-27T05:12:33-05:30", "2026-11-27T05:12:3Z", "2026-11-27T05:12:33",
      "2026-11-27T05:12-33Z", "2026-11-27t05:12:33z", "2026-11-27T05:12:33Z ", "2026-11-27T05:12:00.5+14:00",
    ]
    let texts = sameMinute + Self.valid + Self.invalid + sameMinute.reversed() + Self.invalid + Self.valid
    var memo = RFC3339.MinuteMemo()
    for text in texts {
      var copy = text
      let memoised = copy.withUTF8 { RFC3339.parse($0, memo: &memo) }
      #expect(memoised == RFC3339.parse(text), "\(text)")
    }
  }

  @Test func daysFromCivilMatchesCountingDaysFrom1600To2400() {
    // Count days one by one with the month table, forwards and backwards from 1970-01-01.
    var mismatches: [String] = []
    func check(_ year: Int, _ month: Int, _ day: Int, _ days: Int) {
      if RFC3339.parse(Self.format(year, month, day))?.unixSeconds != Int64(days) * 86_400 {
        mismatches.append(Self.format(year, month, day))
      }
    }
    var (year, month, day, days) = (1970, 1, 1, 0)
    while year < 2400 {
      check(year, month, day, days)
      days += 1
      day += 1
      if day > Self.daysInMonth(year, month) { (day, month) = (1, month + 1) }
      if month > 12 { (month, year) = (1, year + 1) }
    }
    (year, month, day, days) = (1969, 12, 31, -1)
    while year >= 1600 {
      check(year, month, day, days)
      days -= 1
      day -= 1
      if day == 0 {
        month -= 1
        if month == 0 { (month, year) = (12, year - 1) }
        day = Self.daysInMonth(year, month)
      }
    }
    #expect(mismatches.isEmpty, "first: \(mismatches.prefix(3))")
  }

  static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T00:00:00Z"
  }
}
