import Testing

@testable import Reports

@Suite struct NumberFormatTests {
  @Test(
    arguments: [
      (0.0, 2, "0.00"),
      (-0.0, 2, "0.00"),
      (-0.001, 2, "0.00"),  // rounds to zero: no "-0.00"
      (0.005, 2, "0.01"),  // half away from zero
      (-0.005, 2, "-0.01"),
      (1.005, 2, "1.01"),  // decimal, not binary, rounding (1.005 * 100 = 100.4999…)
      (2.5, 0, "3"),
      (-2.5, 0, "-3"),
      (0.5, 0, "1"),
      (0.05, 0, "0"),
      (9.995, 2, "10.00"),  // carry into a new digit
      (999.96, 1, "1000.0"),
      (1e9, 0, "1000000000"),
      (1e9, 2, "1000000000.00"),
      (123.456, 0, "123"),
      (0.000001, 3, "0.000"),
      (1e-7, 8, "0.00000010"),
      (1.5e21, 0, "1500000000000000000000"),
    ] as [(Double, Int, String)])
  func fixedRoundsDecimalHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
  }

  @Test func fixedGroupsThousandsOnlyInTheIntegerPart() {
    #expect(NumberFormat.fixed(1234567.891, decimals: 2, grouped: true) == "1,234,567.89")
    #expect(NumberFormat.fixed(-1234.5, decimals: 1, grouped: true) == "-1,234.5")
    #expect(NumberFormat.fixed(999.5, decimals: 0, grouped: true) == "1,000")
    #expect(NumberFormat.fixed(0.12345, decimals: 4, grouped: true) == "0.1235")
  }

  @Test func nonFiniteValuesAreWrittenAsNanAndInf() {
    #expect(NumberFormat.fixed(.nan, decimals: 2) == "nan")
    #expect(NumberFormat.fixed(.infinity, decimals: 2) == "inf")
    #expect(NumberFormat.fixed(-.infinity, decimals: 2) == "-inf")
    #expect(NumberFormat.usd(.nan) == "nan")
    #expect(NumberFormat.duration(seconds: .infinity) == "inf")
    #expect(NumberFormat.percent(.nan) == "nan")
    #expect(NumberFormat.abbreviated(-.infinity) == "-inf")
  }

  @Test func groupedIntegersUseCommasEveryThreeDigits() {
    #expect(NumberFormat.grouped(0) == "0")
    #expect(NumberFormat.grouped(999) == "999")
    #expect(NumberFormat.grouped(1000) == "1,000")
    #expect(NumberFormat.grouped(12_345_678) == "12,345,678")
    #expect(NumberFormat.grouped(-1_000_000) == "-1,000,000")
    #expect(NumberFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
  }

  @Test(
    arguments: [
      (0.012345, 3, "0.0123"),
      (123456.0, 3, "123000"),
      (1.5, 3, "1.50"),
      (0.0, 3, "0"),
      (-0.00099949, 3, "-0.000999"),
      (9.9951, 3, "10.0"),
      (0.0005, 1, "0.0005"),
    ] as [(Double, Int, String)])
  func significantKeepsTheRequestedDigits(value: Double, digits: Int, expected: String) {
    #expect(NumberFormat.significant(value, digits: digits) == expected)
  }

  @Test func significantCanTrimZerosAndGroup() {
    #expect(NumberFormat.significant(1.5, digits: 3, trimmingZeros: true) == "1.5")
    #expect(NumberFormat.significant(123456, digits: 3, grouped: true) == "123,000")
  }

  @Test(
    arguments: [
      (0.0, "0"),
      (-0.0, "0"),
      (60.0, "60"),
      (12.3456789, "12.3457"),
      (123456789.4, "123456789"),
      (0.1 + 0.2, "0.3"),
      (-1e-12, "-1e-12"),
      (1.234567e-7, "0.000000123457"),
      (9.99e20, "999000000000000000000"),
      (1e21, "1e+21"),
      (1e-9, "0.000000001"),
      (1.5e22, "1.5e+22"),
      (2.5e-10, "2.5e-10"),
    ] as [(Double, String)])
  func compactIsShortAndExact(value: Double, expected: String) {
    #expect(NumberFormat.compact(value) == expected)
  }

  @Test(
    arguments: [
      (0.0, "0"),
      (950.0, "950"),
      (999.4, "999"),
      (999.6, "1k"),  // rounds into the next group
      (1234.0, "1.23k"),
      (1200.0, "1.2k"),
      (3_500_000.0, "3.5M"),
      (-4100.0, "-4.1k"),
      (12e9, "12G"),
      (0.25, "0.25"),
      (2.5e21, "2,500E"),  // exa is the largest suffix
    ] as [(Double, String)])
  func abbreviatedUsesSISuffixes(value: Double, expected: String) {
    #expect(NumberFormat.abbreviated(value) == expected)
  }

  @Test(
    arguments: [
      (0.85, "850 ms"),
      (12.34, "12.3 s"),
      (5.0, "5 s"),
      (250, "4 min 10 s"),
      (2 * 3600 + 5 * 60 + 10, "2 h 05 min"),
      (0.0, "0 s"),
      (4.2e-6, "4.2 µs"),
      (2.5e-7, "250 ns"),
      (0.9996, "1 s"),  // 999.6 ms rounds to 1,000 ms: written in seconds
      (59.96, "1 min 00 s"),
      (3599.6, "1 h 00 min"),
      (-90, "-1 min 30 s"),
      (3 * 86400 + 7 * 3600 + 100, "3 d 07 h"),
      (0.0125, "12.5 ms"),
      (1e20, "1.16P d"),  // absurd values still format (no integer overflow)
    ] as [(Double, String)])
  func durationsReadLikeAPersonWouldWriteThem(seconds: Double, expected: String) {
    #expect(NumberFormat.duration(seconds: seconds) == expected)
  }

  @Test func usdHasDollarSignGroupingAndTwoDecimals() {
    #expect(NumberFormat.usd(1234.565) == "$1,234.57")
    #expect(NumberFormat.usd(0) == "$0.00")
    #expect(NumberFormat.usd(-0.5) == "-$0.50")
    #expect(NumberFormat.usd(-0.004) == "$0.00")
    #expect(NumberFormat.usd(0.0004, decimals: 4) == "$0.0004")
  }

  @Test func percentShiftsTheDecimalPointExactly() {
    #expect(NumberFormat.percent(0.1234) == "12.3%")
    #expect(NumberFormat.percent(1) == "100.0%")
    #expect(NumberFormat.percent(0.0105) == "1.1%")
    #expect(NumberFormat.percent(0.5, decimals: 0) == "50%")
    #expect(NumberFormat.percent(123.45, decimals: 0) == "12,345%")
    #expect(NumberFormat.percent(-0.0001) == "0.0%")
  }

  @Test func decimalDigitsReadTheShortestRepresentation() throws {
    let small = try #require(DecimalDigits(0.005))
    #expect(small.digits == [5] && small.pointPosition == -2 && !small.isNegative)
    let big = try #require(DecimalDigits(-1.2345e16))
    #expect(big.digits == [1, 2, 3, 4, 5] && big.pointPosition == 17 && big.isNegative)
    let hundred = try #require(DecimalDigits(100))
    #expect(hundred.digits == [1] && hundred.pointPosition == 3)
    let tiny = try #require(DecimalDigits(Double.leastNonzeroMagnitude))
    #expect(tiny.digits == [5] && tiny.pointPosition == -323)
    #expect(DecimalDigits(.nan) == nil)
  }
}
