import SimulationKernel
import Testing

/// The one calendar outside the order validator, checked against dates known independently
/// (weekdays from any almanac; 2000 is a leap year, 2100 is not).
@Suite struct CalendarTests {
  @Test(
    arguments: [
      (1_795_651_200 as Int64, 2026, 11, 26, 4),  // Thanksgiving 2026, a Thursday
      (0, 1970, 1, 1, 4),
      (-1, 1969, 12, 31, 3),
      (951_782_400, 2000, 2, 29, 2),  // leap day of a century leap year
      (1_835_395_200, 2028, 2, 29, 2),
      (4_107_542_400, 2100, 3, 1, 1),  // 2100 is not a leap year
      (-62_135_596_800, 1, 1, 1, 1),  // 0001-01-01, a Monday in the proleptic calendar
      (253_402_300_799, 9999, 12, 31, 5),
    ] as [(Int64, Int, Int, Int, Int)])
  func unixSecondsGiveTheUTCDateAndWeekday(epoch: Int64, year: Int, month: Int, day: Int, weekday: Int) {
    let time = UTCDateTime(unixSeconds: epoch)
    #expect(time.year == year && time.month == month && time.day == day)
    #expect(time.weekday == weekday)
    #expect(time.unixSeconds == epoch)
  }

  @Test func secondsBeforeTheEpochFloorToThePreviousDay() {
    let time = UTCDateTime(unixSeconds: -1)
    #expect((time.hour, time.minute, time.second) == (23, 59, 59))
    #expect(UTCDateTime.floorDivision(-1, 86_400) == (-1, 86_399))
    #expect(UTCDateTime.floorDivision(86_400, 86_400) == (1, 0))
  }

  /// Every day from 1900 to 2200 follows the one before it: the count and the fields agree in
  /// both directions, and month lengths are those of the Gregorian rules.
  @Test func dayCountsAndDatesRoundTripAcrossThreeCenturies() {
    var expected = CivilDate(year: 1900, month: 1, day: 1)
    let first = expected.daysSinceEpoch
    #expect(first == -25_567)
    for days in first...(first + 109_572) {
      let date = CivilDate(daysSinceEpoch: days)
      #expect(date == expected, "day \(days)")
      #expect(date.daysSinceEpoch == days)
      if date != expected { return }
      let length = [
        31, (expected.year % 4 == 0 && expected.year % 100 != 0) || expected.year % 400 == 0 ? 29 : 28,
        31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
      ][expected.month - 1]
      #expect(CivilDate.daysInMonth(year: expected.year, month: expected.month) == length)
      if expected.day < length {
        expected.day += 1
      } else if expected.month < 12 {
        expected = CivilDate(year: expected.year, month: expected.month + 1, day: 1)
      } else {
        expected = CivilDate(year: expected.year + 1, month: 1, day: 1)
      }
    }
    #expect(expected == CivilDate(year: 2200, month: 1, day: 1))
  }

  @Test func rfc3339HasAFourDigitYearAndZ() {
    #expect(UTCDateTime(unixSeconds: 1_795_699_815).rfc3339 == "2026-11-26T13:30:15Z")
    #expect(UTCDateTime(unixSeconds: -62_135_596_800).rfc3339 == "0001-01-01T00:00:00Z")
  }
}
