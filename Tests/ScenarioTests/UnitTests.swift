import SimulationKernel
import Testing

@testable import Scenario

/// Every unit form of SCENARIO.md's "Values with units" table, the errors for bare numbers and
/// unknown units, and canonical rendering.
@Suite struct UnitTests {
  static let durations: [(String, Int64)] = [
    ("7ns", 7), ("100us", 100_000), ("250ms", 250_000_000), ("0.5ms", 500_000), ("30s", 30_000_000_000),
    ("1.5s", 1_500_000_000), ("15m", 900_000_000_000), ("2h", 7_200_000_000_000), ("4d", 345_600_000_000_000),
    ("0s", 0), ("1_000ms", 1_000_000_000), ("1e3ms", 1_000_000_000), ("30 s", 30_000_000_000),
    (".25s", 250_000_000), ("0.1s", 100_000_000), ("1.5d", 129_600_000_000_000),
  ]

  @Test(arguments: durations)
  func durationsParseToExactNanoseconds(text: String, nanoseconds: Int64) {
    #expect(Units.duration(text) == .success(SimDuration(nanoseconds: nanoseconds)))
  }

  static let rates: [(String, Double)] = [
    ("120/s", 120), ("9000/m", 150), ("3600/h", 1), ("0.5/s", 0.5), ("80 /s", 80),
  ]

  @Test(arguments: rates)
  func ratesParseToPerSecond(text: String, perSecond: Double) {
    #expect(Units.rate(text) == .success(perSecond))
  }

  static let sizes: [(String, Int)] = [
    ("512B", 512), ("1KB", 1_000), ("1KiB", 1_024), ("256KiB", 262_144), ("1MB", 1_000_000), ("1MiB", 1_048_576),
    ("1.5KiB", 1_536),
  ]

  @Test(arguments: sizes)
  func sizesParseToBytesWithDecimalKBAndBinaryKiB(text: String, bytes: Int) {
    #expect(Units.size(text) == .success(bytes))
  }

  @Test func aBareNumberIsNotADurationRateOrSize() {
    #expect(Units.duration("30") == .failure(.missingUnit))
    #expect(Units.rate("80") == .failure(.missingUnit))
    #expect(Units.size("1024") == .failure(.missingUnit))
  }

  @Test func unknownUnitsSuggestTheNearestKnownOne() {
    #expect(Units.duration("30secs") == .failure(.unknownUnit("secs", suggestion: "s")))
    #expect(Units.duration("5mins") == .failure(.unknownUnit("mins", suggestion: "m")))
    #expect(Units.rate("120/sec") == .failure(.unknownUnit("/sec", suggestion: "/s")))
    #expect(Units.size("1kb") == .failure(.unknownUnit("kb", suggestion: "KB")))
    #expect(Units.duration("3 fortnights") == .failure(.unknownUnit("fortnights", suggestion: nil)))
  }

  @Test func sizesMustBeWholeBytesAndNumbersMustBeNumbers() {
    #expect(Units.size("1.5B") == .failure(.fractionalBytes))
    #expect(Units.duration("soon") == .failure(.notANumber))
    #expect(Units.duration("99999999999999999999d") == .failure(.tooLarge))
  }

  @Test(arguments: durations)
  func renderedDurationsReadBackToTheSameValue(text: String, nanoseconds: Int64) {
    let d = SimDuration(nanoseconds: nanoseconds)
    #expect(Units.duration(Units.render(d)) == .success(d))
  }

  @Test func renderingPicksTheLargestExactUnit() {
    #expect(Units.render(.minutes(90)) == "90m")
    #expect(Units.render(.seconds(86_400 * 4)) == "4d")
    #expect(Units.render(.milliseconds(1_500)) == "1500ms")
    #expect(Units.renderRate(150) == "150/s")
    #expect(Units.renderRate(1.0 / 60) == "1/m")
    #expect(Units.renderSize(262_144) == "256KiB")
    #expect(Units.renderSize(1_000) == "1KB")
    #expect(Units.renderSize(1_500) == "1500B")
    #expect(Units.renderNumber(0.003) == "0.003")
    #expect(Units.renderNumber(80) == "80")
  }
}

@Suite struct RFC3339Tests {
  static let valid: [(String, Int64)] = [
    ("2026-11-26T00:00:00Z", 1_795_651_200), ("2026-11-26t00:00:00z", 1_795_651_200),
    ("2026-11-26 00:00:00Z", 1_795_651_200), ("2026-11-26", 1_795_651_200),
    ("2026-11-26T08:30:15-05:00", 1_795_699_815), ("2028-02-29T23:59:59+05:30", 1_835_461_799),
    ("2026-11-26T00:00:00.000Z", 1_795_651_200), ("1970-01-01T00:00:00Z", 0),
  ]

  @Test(arguments: valid)
  func timestampsWithOffsetsGiveUnixSeconds(text: String, seconds: Int64) {
    #expect(RFC3339.epochSeconds(text) == .success(seconds))
  }

  @Test func impossibleDatesAndMissingOffsetsAreRejected() {
    #expect(RFC3339.epochSeconds("2026-02-29T00:00:00Z") == .failure(.outOfRange("day 29 of month 2")))
    #expect(RFC3339.epochSeconds("2026-13-01T00:00:00Z") == .failure(.outOfRange("month 13")))
    #expect(RFC3339.epochSeconds("2026-11-26T24:00:00Z") == .failure(.outOfRange("hour 24")))
    #expect(RFC3339.epochSeconds("2026-11-26T00:00:00") == .failure(.syntax))
    #expect(RFC3339.epochSeconds("26 Nov 2026") == .failure(.syntax))
    #expect(RFC3339.epochSeconds("2026-11-26T00:00:00.5Z") == .failure(.fractionalSeconds))
  }

  @Test(arguments: [0, 1_795_651_200, 1_835_461_799, 951_782_400] as [Int64])
  func renderingReadsBack(seconds: Int64) {
    #expect(RFC3339.epochSeconds(RFC3339.render(epochSeconds: seconds)) == .success(seconds))
  }

  @Test func renderingIsUTCWithZ() {
    #expect(RFC3339.render(epochSeconds: 1_795_699_815) == "2026-11-26T13:30:15Z")
  }
}

@Suite struct SuggestionTests {
  @Test func camelCaseAndTyposFindTheSnakeCaseKey() {
    let keys = ["batch_size", "batching_window", "maximum_concurrency", "scaling"]
    #expect(Suggestions.nearest(to: "batchSize", among: keys) == "batch_size")
    #expect(Suggestions.nearest(to: "bacth_size", among: keys) == "batch_size")
    #expect(Suggestions.nearest(to: "maximum_concurency", among: keys) == "maximum_concurrency")
  }

  @Test func unrelatedWordsGetNoSuggestion() {
    #expect(Suggestions.nearest(to: "colour", among: ["batch_size", "scaling"]) == nil)
  }
}
