import Testing
@testable import Experiments

/// `Sizing` on a real (tiny) scenario.
@Suite struct SizingTests {
  @Test func smallestReservedConcurrencyForTheTinyScenario() async throws {
    // With maximum_concurrency unset, reserved concurrency 1 over-pulls; tiny needs a few.
    let sizing = try Sizing(
      scenario: Fixtures.tiny(overrides: ["event_source.maximum_concurrency=null"]), path: "lambda.reserved_concurrency",
      range: SizingRange(lower: 1, upper: 12))
    let result = try await sizing.run(on: ParallelRunner(jobs: 2))
    let answer = try #require(result.outcome.answer)
    #expect(result.outcome.monotone)
    let point = try #require(result.point(answer))
    #expect(point.passes)
    if answer > 1 {
      let below = try #require(result.point(answer - 1))
      #expect(!below.passes, "one step below misses an SLO")
    }
    let report = SizingReport(sizing: sizing, result: result)
    #expect(report.markdown.contains("### Margin at \(answer)"))
    #expect(report.consoleText.contains("answer: lambda.reserved_concurrency = \(answer)"))
  }

  @Test func unknownSLONamesAreRefused() throws {
    #expect(throws: ExperimentError.self) {
      try Sizing(scenario: Fixtures.tiny(), path: "lambda.reserved_concurrency", range: SizingRange(lower: 1, upper: 5), slos: ["p99"])
    }
  }
}
