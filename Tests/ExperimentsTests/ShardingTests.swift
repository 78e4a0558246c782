import Randomness
import Testing

@testable import Experiments

@Suite struct ShardingTests {
  @Test func jobKBelongsToShardKModNPlusOne() throws {
    let shards = try (1...3).map { try Shard(index: $0, count: 3) }
    #expect(shards.map { $0.jobs(of: 8) } == [[0, 3, 6], [1, 4, 7], [2, 5]])
    #expect(try Shard(argument: "2/3") == Shard(index: 2, count: 3))
    #expect(throws: ShardError.self) { try Shard(argument: "0/3") }
    #expect(throws: ShardError.self) { try Shard(argument: "4/3") }
    #expect(throws: ShardError.self) { try Shard(argument: "2") }
  }

  @Test func awsBatchArrayIndexIsZeroBased() throws {
    let found = try ShardEnvironment.detect(["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "3"])
    #expect(found?.shard == (try Shard(index: 1, count: 3)))
    #expect(throws: ShardError.self) { try ShardEnvironment.detect(["AWS_BATCH_JOB_ARRAY_INDEX": "0"]) }
    #expect(throws: ShardError.self) {
      try ShardEnvironment.detect(["AWS_BATCH_JOB_ARRAY_INDEX": "3", "AWS_BATCH_JOB_ARRAY_SIZE": "3"])
    }
  }

  @Test func kubernetesIndexedJobNeedsTheCount() throws {
    #expect(throws: ShardError.self) { try ShardEnvironment.detect(["JOB_COMPLETION_INDEX": "1"]) }
    #expect(
      try ShardEnvironment.detect(["JOB_COMPLETION_INDEX": "1"], shardCount: 4)?.shard
        == (try Shard(index: 2, count: 4)))
    #expect(
      try ShardEnvironment.detect(["JOB_COMPLETION_INDEX": "2", "PEAKSIM_SHARD_COUNT": "3"])?.shard
        == (try Shard(index: 3, count: 3)))
  }

  @Test func slurmArraysMayStartAnywhereAndStep() throws {
    // --array=1-3
    let fromOne = [
      "SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1",
      "SLURM_ARRAY_TASK_MAX": "3",
    ]
    #expect(try ShardEnvironment.detect(fromOne)?.shard == (try Shard(index: 1, count: 3)))
    // --array=0-2
    let fromZero = [
      "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0",
      "SLURM_ARRAY_TASK_MAX": "2",
    ]
    #expect(try ShardEnvironment.detect(fromZero)?.shard == (try Shard(index: 3, count: 3)))
    // --array=100-104:2 → 100, 102, 104
    let stepped = [
      "SLURM_ARRAY_TASK_ID": "102", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "100",
      "SLURM_ARRAY_TASK_MAX": "104",
      "SLURM_ARRAY_TASK_STEP": "2",
    ]
    #expect(try ShardEnvironment.detect(stepped)?.shard == (try Shard(index: 2, count: 3)))
    // --array=1,4,9 is not one range.
    let list = [
      "SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1",
      "SLURM_ARRAY_TASK_MAX": "9",
    ]
    #expect(throws: ShardError.self) { try ShardEnvironment.detect(list) }
    #expect(throws: ShardError.self) { try ShardEnvironment.detect(["SLURM_ARRAY_TASK_ID": "1"]) }
  }

  @Test func noEngineNoShardAndTheFirstEngineWins() throws {
    #expect(try ShardEnvironment.detect(["HOME": "/root"]) == nil)
    let both = try ShardEnvironment.detect([
      "AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "2", "SLURM_ARRAY_TASK_ID": "0",
      "SLURM_ARRAY_TASK_COUNT": "5",
    ])
    #expect(both?.shard == (try Shard(index: 2, count: 2)))
    #expect(both?.ignored.count == 1)
  }

  @Test func partialResultsReadBackToTheSameBits() throws {
    var figures = Figure.all.indices.map { Double($0) * 0.1 + 1e-7 }
    figures[3] = 123_456_789_012
    figures[5] = 0.1 + 0.2
    let record = JobRecord(
      index: 4, label: "lambda.memory=1024MB, name=\"ü\\n\"", seed: UInt64.max, figures: figures,
      slo: [
        SLOOutcome(name: "p99_end_to_end", target: 30, actual: .infinity, met: false, unit: "s"),
        SLOOutcome(name: "lost_orders", target: 0, actual: 0, met: true, unit: "orders"),
      ])
    let header = ExperimentHeader(
      kind: .sweep, scenarioName: "x", scenarioDescription: "line 1\ttab", scenarioPath: "a b.yaml",
      scenarioDigest: "00ff",
      seed: 7, overrides: ["a=1"], dimensions: [SweepDimension(path: "p", values: ["{dist: constant, value: 1s}"])],
      jobCount: 5)
    let partial = PartialResult(header: header, shard: try Shard(index: 2, count: 3), records: [record])
    let text = partial.render()
    let read = try PartialResult(parsing: text)
    #expect(read == partial)
    #expect(read.records[0].figures.map(\.bitPattern) == figures.map(\.bitPattern))
    #expect(read.render() == text)
    #expect(partial.fileName == "sweep.part-2-of-3.json")
  }

  @Test func mergeRefusesMissingRepeatedAndForeignShards() throws {
    let header = ExperimentHeader(
      kind: .replications, scenarioName: "x", scenarioDescription: "", scenarioPath: "x.yaml", scenarioDigest: "1",
      seed: 1,
      overrides: [], dimensions: [], jobCount: 4)
    func record(_ index: Int) -> JobRecord {
      JobRecord(
        index: index, label: "replication \(index)", seed: StreamSeed.replication(index, of: 1),
        figures: Figure.all.map { _ in 0 }, slo: [])
    }
    let one = PartialResult(header: header, shard: try Shard(index: 1, count: 2), records: [record(0), record(2)])
    let two = PartialResult(header: header, shard: try Shard(index: 2, count: 2), records: [record(1), record(3)])
    #expect(try PartialResultMerger.merge([("b", two), ("a", one)]).records.map(\.index) == [0, 1, 2, 3])
    #expect(throws: PartialResultError.self) { try PartialResultMerger.merge([("a", one)]) }
    #expect(throws: PartialResultError.self) { try PartialResultMerger.merge([("a", one), ("a2", one), ("b", two)]) }
    var other = header
    other.seed = 2
    let foreign = PartialResult(header: other, shard: try Shard(index: 2, count: 2), records: [record(1), record(3)])
    #expect(throws: PartialResultError.self) { try PartialResultMerger.merge([("a", one), ("f", foreign)]) }
    let short = PartialResult(header: header, shard: try Shard(index: 2, count: 2), records: [record(1)])
    #expect(throws: PartialResultError.self) { try PartialResultMerger.merge([("a", one), ("s", short)]) }
  }

  @Test func replicationsShardedAndMergedEqualTheWhole() async throws {
    let experiment = try Replications(scenario: Fixtures.tiny(), count: 4)
    let runner = ParallelRunner(jobs: 2)
    let whole = ReplicationsReport(header: experiment.header, records: try await experiment.run(on: runner))
    var parts: [(file: String, result: PartialResult)] = []
    for index in 1...3 {
      let shard = try Shard(index: index, count: 3)
      let partial = PartialResult(
        header: experiment.header, shard: shard, records: try await experiment.run(on: runner, shard: shard))
      parts.append((partial.fileName, try PartialResult(parsing: partial.render())))
    }
    let merged = try PartialResultMerger.merge(parts)
    #expect(bytes(ReplicationsReport(header: merged.header, records: merged.records).files) == bytes(whole.files))
  }
}
