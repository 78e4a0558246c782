import Testing

@testable import Experiments

@Suite struct CompareTests {
  @Test func variantsRunOnCommonRandomNumbers() async throws {
    let comparison = try Comparison(scenario: Fixtures.tiny())
    #expect(comparison.entries.map(\.name) == ["baseline", "batch-5", "reserved-2"])
    let results = try await comparison.run(on: ParallelRunner(jobs: 2))
    let arrived = results.map { $0.count(.arrivals) }
    #expect(arrived[0] > 0)
    #expect(Set(arrived).count == 1, "every variant sees the same arrivals: \(arrived)")
    #expect(Set(results.map { $0.count(.validOrders) }).count == 1, "and the same defects")
    #expect(results[2].count(.lambdaThrottles) > 0, "reserved-2 over-pulls")
  }

  @Test func otherFilesRunOnTheFirstScenariosSeed() throws {
    let comparison = try Comparison(
      scenario: Fixtures.tiny(), otherFiles: [Fixtures.path("throttle-trap.yaml")])
    let last = try #require(comparison.entries.last)
    #expect(last.name == "throttle-trap")
    #expect(last.configuration.seed == 7)
  }

  @Test func reportNamesTheBestAndTheVerdicts() async throws {
    let comparison = try Comparison(scenario: Fixtures.tiny())
    let report = CompareReport(comparison: comparison, results: try await comparison.run(on: ParallelRunner(jobs: 2)))
    #expect(report.best(slo: "p99_end_to_end") == [0, 1])
    #expect(report.markdown.contains("## Best"))
    #expect(report.csv.split(separator: "\n").count == 4)
    #expect(
      report.files.map(\.name) == [
        "compare.md", "compare.csv", "compare-backlog.svg", "compare-oldest-age.svg", "compare-concurrency.svg",
        "compare-dlq.svg",
      ])
  }

  @Test func aScenarioWithoutVariantsAloneIsNothingToCompare() throws {
    #expect(throws: ExperimentError.self) {
      try Comparison(scenario: ExperimentScenario(path: Fixtures.path("novariants.yaml")))
    }
  }
}
