import Testing

@testable import Experiments

/// `Sizing` on a real (tiny) scenario.
@Suite struct SizingTests {
  @Test func smallestReservedConcurrencyForTheTinyScenario() async throws {
    // With maximum_concurrency unset, reserved concurrency 1 over-pulls; tiny needs a few.
    let sizing = try Sizing(
      scenario: Fixtures.tiny(overrides: ["event_source.maximum_concurrency=null"]),
      path: "lambda.reserved_concurrency",
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

  /// Issue 7's acceptance on `scenarios/throttle-trap.yaml` (reserved concurrency 6): below 6
  /// the doorbuster's full batches overrun the 3 s timeout (aws-behaviour.md §3 "Timeout", §2
  /// "Partial batch response"), above 6 the mapping over-pulls (§2 "Behaviour when the function
  /// is throttled"); both spend receives until valid orders reach the DLQ.
  @Test(arguments: [[], ["valid_orders_in_dlq"]] as [[String]])
  func theThrottleTrapIsSizedToItsReservedConcurrency(slos: [String]) async throws {
    let scenario = try ExperimentScenario(
      path: Fixtures.repositoryRoot + "/scenarios/throttle-trap.yaml", overrides: [], seed: nil)
    let sizing = try Sizing(
      scenario: scenario, path: "event_source.maximum_concurrency", range: SizingRange(lower: 2, upper: 60),
      replications: 3, slos: slos)
    let result = try await sizing.run(on: ParallelRunner(jobs: 2))
    #expect(result.outcome.answer == 6, "the smallest maximum_concurrency keeping valid orders out of the DLQ")
    let below = try #require(result.point(5))
    #expect(!below.passes)
    #expect(
      below.records.allSatisfy { $0.slo(named: "valid_orders_in_dlq")?.met == false },
      "one step below misses valid_orders_in_dlq in every replication: \(below.failedCriteria)")
    #expect(result.point(7)?.passes == true)
    // Unset, the mapping over-pulls: the scenario's own verdict.
    let unset = try #require(result.point(60))
    #expect(unset.failedCriteria == ["valid_orders_in_dlq"])
  }

  @Test func unknownSLONamesAreRefused() throws {
    #expect(throws: ExperimentError.self) {
      try Sizing(
        scenario: Fixtures.tiny(), path: "lambda.reserved_concurrency", range: SizingRange(lower: 1, upper: 5),
        slos: ["p99"])
    }
  }
}

/// Issue 12 item 7: `size --objective cost --for lambda.memory` on a CPU-bound function
/// (aws-behaviour.md §3 "Memory and CPU"): too little memory overruns the timeout and fails,
/// too much pays for CPU the single-threaded handler cannot use; the answer is the cheapest
/// passing memory, strictly inside the range.
@Suite struct MemorySizingTests {
  @Test func sizeForCostFindsTheCheapestMemoryBetweenTheEnds() async throws {
    let scenario = try ExperimentScenario(
      path: Fixtures.repositoryRoot + "/scenarios/memory-tuning.yaml", overrides: ["duration=10m"], seed: nil)
    let sizing = try Sizing(
      scenario: scenario, path: "lambda.memory", range: SizingRange(lower: 768, upper: 2_048, step: 256),
      objective: .cost)
    let result = try await sizing.run(on: ParallelRunner(jobs: 2))
    let answer = try #require(result.outcome.answer)
    let lowest = try #require(result.point(768))
    let highest = try #require(result.point(2_048))
    #expect(!lowest.passes, "768MB overruns the 3 s timeout")
    #expect(highest.passes)
    let chosen = try #require(result.point(answer))
    #expect(answer > 768 && answer < 2_048, "the minimum lies between the ends, found \(answer)")
    #expect(chosen.meanCost < highest.meanCost)
    for point in result.points where point.passes {
      #expect(chosen.meanCost <= point.meanCost, "\(point.value)MB costs less than the answer \(answer)MB")
    }
  }
}
