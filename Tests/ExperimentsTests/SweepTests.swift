import Testing

@testable import Experiments

@Suite struct SweepTests {
  @Test func gridOrderIsFirstVaryOutermost() throws {
    let grid = try SweepGrid([
      SweepDimension(path: "a", values: ["1", "2"]), SweepDimension(path: "b", values: ["x", "y", "z"]),
    ])
    #expect(grid.count == 6)
    #expect(
      (0..<6).map { grid.values(of: $0) } == [
        ["1", "x"], ["1", "y"], ["1", "z"], ["2", "x"], ["2", "y"], ["2", "z"],
      ])
    #expect(grid.overrides(of: 4) == ["a=2", "b=y"])
  }

  @Test func varyArgumentsSplitOutsideBracketsAndExpandRanges() throws {
    #expect(try SweepDimension(argument: "event_source.batch_size=5, 10,20").values == ["5", "10", "20"])
    #expect(
      try SweepDimension(argument: "lambda.cold_start={dist: constant, value: 0s},{dist: constant, value: 1s}").values
        == ["{dist: constant, value: 0s}", "{dist: constant, value: 1s}"])
    #expect(try SweepDimension(argument: "x=2..10:4").values == ["2", "6", "10"])
    #expect(try SweepDimension(argument: "x=3..5").values == ["3", "4", "5"])
    #expect(throws: SweepError.self) { try SweepDimension(argument: "x") }
    #expect(throws: SweepError.self) { try SweepDimension(argument: "x=1,,2") }
    #expect(throws: SweepError.self) {
      try SweepGrid([SweepDimension(path: "a", values: ["1"]), SweepDimension(path: "a", values: ["2"])])
    }
  }

  @Test func anInvalidPointStopsTheSweepBeforeAnythingRuns() throws {
    let sweep = try Sweep(
      scenario: Fixtures.tiny(), dimensions: [SweepDimension(path: "event_source.batch_size", values: ["5", "0"])])
    #expect(throws: ExperimentError.self) { try sweep.jobs() }
  }

  @Test func threeShardsMergedAreByteIdenticalToTheWholeSweep() async throws {
    let sweep = try Sweep(
      scenario: Fixtures.tiny(),
      dimensions: [
        SweepDimension(path: "lambda.reserved_concurrency", values: ["2", "20"]),
        SweepDimension(path: "event_source.maximum_concurrency", values: ["null", "2", "10"]),
      ])
    let runner = ParallelRunner(jobs: 2)
    let whole = try SweepReport(header: sweep.header, records: try await sweep.run(on: runner))

    var parts: [(file: String, result: PartialResult)] = []
    for index in [3, 1, 2] {  // any order
      let shard = try Shard(index: index, count: 3)
      let partial = PartialResult(
        header: sweep.header, shard: shard, records: try await sweep.run(on: runner, shard: shard))
      #expect(partial.records.map(\.index) == shard.jobs(of: 6))
      // Through the file's text, as on another machine.
      parts.append((partial.fileName, try PartialResult(parsing: partial.render())))
    }
    let merged = try PartialResultMerger.merge(parts)
    let report = try SweepReport(header: merged.header, records: merged.records)
    #expect(whole.files.map(\.name) == ["sweep.csv", "sweep.md", "sweep.svg"])
    #expect(bytes(report.files) == bytes(whole.files))
  }

  @Test func reportTablesSLOsAndCost() async throws {
    let sweep = try Sweep(
      scenario: Fixtures.tiny(), dimensions: [SweepDimension(path: "lambda.reserved_concurrency", values: ["2", "20"])])
    let report = try SweepReport(header: sweep.header, records: try await sweep.run(on: ParallelRunner(jobs: 2)))
    let lines = report.csv.split(separator: "\n")
    #expect(lines[0].hasPrefix("lambda.reserved_concurrency,slo_p99_end_to_end_met,"))
    #expect(lines[1].hasPrefix("2,"))
    #expect(lines[2].hasPrefix("20,"))
    #expect(report.heatMap == nil, "a heat map needs two dimensions")
    #expect(report.markdown.contains("## SLOs met and cost"))
  }
}
