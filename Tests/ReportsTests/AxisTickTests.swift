import SimulationKernel
import Testing

@testable import Reports

@Suite struct AxisTickTests {
  // MARK: - Values

  @Test(
    arguments: [
      (0.0, 97.0, 5, 20.0, 0.0, 100.0),
      (0.0, 1234.0, 5, 500.0, 0.0, 1500.0),
      (-3.2, 7.9, 5, 5.0, -5.0, 10.0),
      (0.0, 0.0, 5, 0.2, 0.0, 1.0),  // all zero
      (5.0, 5.0, 5, 1.0, 0.0, 5.0),  // one value, zero included
      (0.0, 0.0031, 4, 0.001, 0.0, 0.004),
      (0.0, 3.4e6, 5, 1e6, 0.0, 4e6),
    ] as [(Double, Double, Int, Double, Double, Double)])
  func valueScalesUseOneTwoFiveSteps(
    low: Double, high: Double, intervals: Int, step: Double, lower: Double, upper: Double
  ) {
    let scale = ValueScale.nice(dataMin: low, dataMax: high, includesZero: true, maxIntervals: intervals)
    #expect(scale.step == step)
    #expect(scale.lower == lower)
    #expect(scale.upper == upper)
    #expect(scale.ticks.count - 1 <= intervals)
    #expect(scale.ticks.first == lower)
  }

  @Test func valueLabelsShareOneFormatAcrossTheAxis() {
    let thousands = ValueScale.nice(dataMin: 0, dataMax: 1234, includesZero: true, maxIntervals: 5)
    #expect(thousands.ticks.map { thousands.label($0) } == ["0", "0.5k", "1.0k", "1.5k"])
    let millions = ValueScale.nice(dataMin: 0, dataMax: 3.4e6, includesZero: true, maxIntervals: 5)
    #expect(millions.ticks.map { millions.label($0) } == ["0", "1M", "2M", "3M", "4M"])
    let small = ValueScale.nice(dataMin: 0, dataMax: 0.3, includesZero: true, maxIntervals: 3)
    #expect(small.ticks.map { small.label($0) } == ["0", "0.1", "0.2", "0.3"])
    let negative = ValueScale.nice(dataMin: -3.2, dataMax: 7.9, includesZero: true, maxIntervals: 5)
    #expect(negative.ticks.map { negative.label($0) } == ["-5", "0", "5", "10"])
  }

  @Test func singleNonZeroValueWithoutZeroGetsARangeAroundIt() {
    let scale = ValueScale.nice(dataMin: 50, dataMax: 50, includesZero: false, maxIntervals: 5)
    #expect(scale.lower <= 45 && scale.upper >= 55 && scale.lower > 0)
  }

  // MARK: - Time

  @Test func elapsedFiveDaysGetTwelveHourTicksWithCompactLabels() {
    let ticks = XAxisTicks.ticks(for: .elapsed, from: 0, to: 432_000, plotWidth: 830, fontSize: 11)
    #expect(ticks.count == 11)
    #expect(ticks.map(\.label).prefix(4) == ["0", "12h", "1d", "1d12h"])
    #expect(ticks.last?.label == "5d")
  }

  @Test(arguments: [600.0, 3600, 7200, 86_400, 432_000, 2_592_000] as [Double])
  func elapsedTickLabelsNeverOverlap(range: Double) {
    let ticks = XAxisTicks.ticks(for: .elapsed, from: 0, to: range, plotWidth: 830, fontSize: 11)
    #expect(ticks.count >= 2)
    let widest = XAxisTicks.widestLabel(ticks, fontSize: 11)
    for (a, b) in zip(ticks, ticks.dropFirst()) {
      #expect((b.position - a.position) / range * 830 >= widest + XAxisTicks.labelGap)
    }
    let step = ticks[1].position - ticks[0].position
    #expect(XAxisTicks.timeSteps.contains(step))
  }

  @Test func calendarTicksFallOnWholeHoursWithWeekdaysAtMidnight() throws {
    let start: Int64 = 1_795_651_200  // 2026-11-26T00:00:00Z, a Thursday
    let ticks = XAxisTicks.ticks(
      for: .calendar(startEpochSeconds: start), from: 0, to: 432_000, plotWidth: 830, fontSize: 11)
    #expect(ticks.count >= 6)
    for tick in ticks {
      #expect((Double(start) + tick.position).truncatingRemainder(dividingBy: 3600) == 0)
      #expect(tick.label.hasSuffix(":00"))
    }
    let days = ticks.compactMap(\.secondLine)
    #expect(days == ["Thu 26 Nov", "Fri 27 Nov", "Sat 28 Nov", "Sun 29 Nov", "Mon 30 Nov", "Tue 1 Dec"])
    #expect(ticks.filter(\.isMajor).map(\.label).allSatisfy { $0 == "00:00" })
    #expect(ticks.filter(\.isMajor).count == 6)
  }

  @Test func calendarAxisStartingMidDayNamesTheDayUnderItsFirstTick() throws {
    let start: Int64 = 1_795_651_200 + 17 * 3600 + 20 * 60  // Thu 17:20
    let ticks = XAxisTicks.ticks(
      for: .calendar(startEpochSeconds: start), from: 0, to: 12 * 3600, plotWidth: 830, fontSize: 11)
    let first = try #require(ticks.first)
    #expect(first.secondLine == "Thu 26 Nov")
    #expect(!first.isMajor)
    #expect(ticks.contains { $0.secondLine == "Fri 27 Nov" && $0.label == "00:00" })
    for tick in ticks { #expect((Double(start) + tick.position).truncatingRemainder(dividingBy: 3600) == 0) }
  }

  @Test func calendarTicksHonourTheUTCOffset() {
    let start: Int64 = 1_795_651_200  // midnight UTC = 19:00 the day before in UTC-05:00
    let ticks = XAxisTicks.ticks(
      for: .calendar(startEpochSeconds: start, utcOffsetSeconds: -5 * 3600), from: 0, to: 86_400,
      plotWidth: 830, fontSize: 11)
    #expect(ticks.first?.secondLine == "Wed 25 Nov")
    #expect(ticks.contains { $0.label == "00:00" && $0.secondLine == "Thu 26 Nov" && $0.position == 5 * 3600 })
    for tick in ticks {
      #expect((Double(start) - 5 * 3600 + tick.position).truncatingRemainder(dividingBy: 3600) == 0)
    }
  }

  @Test func shortElapsedRangesUseSecondTicks() {
    let ticks = XAxisTicks.ticks(for: .elapsed, from: 0, to: 10, plotWidth: 830, fontSize: 11)
    #expect(ticks.map(\.label).contains("5s"))
    #expect(ticks.first?.label == "0")
  }

  @Test func elapsedLabelsAreCompact() {
    #expect(XAxisTicks.elapsedLabel(0) == "0")
    #expect(XAxisTicks.elapsedLabel(45) == "45s")
    #expect(XAxisTicks.elapsedLabel(5400) == "1h30m")
    #expect(XAxisTicks.elapsedLabel(194_400) == "2d6h")
    #expect(XAxisTicks.elapsedLabel(-60) == "-1m")
  }

  // MARK: - Calendar

  @Test func calendarLabels() {
    let date = UTCDateTime(unixSeconds: 1_795_651_200 + 18 * 3600 + 5 * 60 + 7)
    #expect(date.dayLabel == "Thu 26 Nov")
    #expect(date.timeLabel() == "18:05")
    #expect(date.timeLabel(withSeconds: true) == "18:05:07")
    #expect(date.isoLabel == "2026-11-26 18:05")
  }
}
