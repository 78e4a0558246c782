import Foundation
import Testing

/// `peaksim sweep`, `merge`, `compare`, `size` and `run --replications` as users run them, on the
/// tiny scenario of the experiments tests: files written, exit codes, and the acceptance check
/// that shards merged are byte for byte the unsharded report.
@Suite struct ExperimentCommandTests {
  /// `Tests/ExperimentsTests/Fixtures/<name>`.
  static func fixture(_ name: String) -> String {
    let file = #filePath
    let tests = file[..<(file.lastIndex(of: "/") ?? file.startIndex)]
    let root = tests[..<(tests.lastIndex(of: "/") ?? tests.startIndex)]
    return root + "/ExperimentsTests/Fixtures/" + name
  }

  func peaksim(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws
    -> PeaksimProcess.Outcome
  {
    try PeaksimProcess.run(arguments, in: directory, environment: environment)
  }

  func temporaryDirectory() throws -> String { try PeaksimProcess.temporaryDirectory("peaksim-exp") }

  func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  static let vary = [
    "--vary", "lambda.reserved_concurrency=2,20", "--vary", "event_source.maximum_concurrency=null,2,10",
  ]

  @Test func threeShardsMergedAreByteIdenticalToTheUnshardedSweep() throws {
    let dir = try temporaryDirectory()
    let scenario = Self.fixture("tiny.yaml")
    let whole = try peaksim(["sweep", scenario] + Self.vary + ["--out", "whole", "--jobs", "2"], in: dir)
    #expect(whole.status == 0, "\(whole.stderr)")
    // One shard by --shard, one by AWS Batch's variables, one by Slurm's (an array 1-3).
    let one = try peaksim(
      ["sweep", scenario] + Self.vary + ["--out", "parts", "--shard", "1/3", "--jobs", "1"], in: dir)
    let two = try peaksim(
      ["sweep", scenario] + Self.vary + ["--out", "parts"], in: dir,
      environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "3"])
    let three = try peaksim(
      ["sweep", scenario] + Self.vary + ["--out", "parts"], in: dir,
      environment: [
        "SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1",
        "SLURM_ARRAY_TASK_MAX": "3",
      ])
    for outcome in [one, two, three] { #expect(outcome.status == 0, "\(outcome.stderr)") }
    #expect(two.stderr.contains("AWS Batch"))
    let merged = try peaksim(
      [
        "merge", "parts/sweep.part-3-of-3.json", "parts/sweep.part-1-of-3.json", "parts/sweep.part-2-of-3.json",
        "--out", "merged",
      ],
      in: dir)
    #expect(merged.status == 0, "\(merged.stderr)")
    for file in ["sweep.csv", "sweep.md", "sweep.svg"] {
      let a = try #require(contents(dir + "/whole/" + file))
      let b = try #require(contents(dir + "/merged/" + file))
      #expect(a == b, "\(file) differs")
    }
    #expect(merged.stdout == whole.stdout.replacingOccurrences(of: "whole/", with: "merged/"))
  }

  @Test func mergeNamesAMissingShard() throws {
    let dir = try temporaryDirectory()
    let scenario = Self.fixture("tiny.yaml")
    _ = try peaksim(
      ["sweep", scenario, "--vary", "event_source.batch_size=5,10", "--out", "p", "--shard", "1/2"], in: dir)
    let merged = try peaksim(["merge", "p/sweep.part-1-of-2.json"], in: dir)
    #expect(merged.status == 65)
    #expect(merged.stderr.contains("shard 2/2 missing"))
  }

  @Test func runReplicationsWritesTheRunReportAndTheIntervalsAndIsTheSameForAnyJobs() throws {
    let dir = try temporaryDirectory()
    let scenario = Self.fixture("tiny.yaml")
    let one = try peaksim(["run", scenario, "--replications", "3", "--jobs", "1", "--out", "one"], in: dir)
    let two = try peaksim(["run", scenario, "--replications", "3", "--jobs", "2", "--out", "two"], in: dir)
    #expect(one.status == 0, "\(one.stderr)")
    #expect(two.status == 0, "\(two.stderr)")
    for file in ["replications.csv", "replications.md", "timeseries.csv", "report.md"] {
      let a = try #require(contents(dir + "/one/" + file), "\(file) written")
      let b = try #require(contents(dir + "/two/" + file))
      if file.hasPrefix("replications") { #expect(a == b, "\(file) differs between --jobs 1 and 2") }
    }
    #expect(one.stdout.contains("every SLO met in all 3 replications"))
  }

  @Test func aPlainRunKeepsTheExperimentsOutputsOfTheFolder() throws {
    let dir = try temporaryDirectory()
    let scenario = Self.fixture("tiny.yaml")
    #expect(try peaksim(["run", scenario, "--replications", "2", "--out", "r"], in: dir).status == 0)
    _ = try peaksim(["sweep", scenario, "--vary", "event_source.batch_size=5", "--out", "r/sweep"], in: dir)
    let before = try #require(contents(dir + "/r/replications.csv"))
    let again = try peaksim(["run", scenario, "--seed", "8", "--out", "r"], in: dir)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(contents(dir + "/r/replications.csv") == before, "replications.csv kept")
    #expect(contents(dir + "/r/sweep/sweep.md") != nil, "sweep/ kept")
    let summary = String(decoding: try #require(contents(dir + "/r/summary.json")), as: UTF8.self)
    #expect(summary.contains("\"seed\": 8"), "the run's own outputs replaced")
  }

  @Test func runWithoutReplicationsRefusesJobs() throws {
    let dir = try temporaryDirectory()
    let outcome = try peaksim(["run", Self.fixture("tiny.yaml"), "--jobs", "2"], in: dir)
    #expect(outcome.status == 2)
  }

  @Test func compareWritesItsFilesAndSweepRefusesAnInvalidPoint() throws {
    let dir = try temporaryDirectory()
    let compare = try peaksim(["compare", Self.fixture("tiny.yaml"), "--out", "c"], in: dir)
    #expect(compare.status == 0, "\(compare.stderr)")
    for file in ["compare.md", "compare.csv", "compare-backlog.svg", "compare-concurrency.svg", "compare-dlq.svg"] {
      #expect(contents(dir + "/c/" + file) != nil, "\(file) written")
    }
    let bad = try peaksim(["sweep", Self.fixture("tiny.yaml"), "--vary", "event_source.batch_size=5,0"], in: dir)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("batch_size"))
  }

  @Test func sizeRestrictedToOneSLOFindsTheRangeStartAndSaysSo() throws {
    let dir = try temporaryDirectory()
    let outcome = try peaksim(
      [
        "size", Self.fixture("tiny.yaml"), "--for", "event_source.maximum_concurrency", "--range", "2..6", "--slo",
        "valid_orders_in_dlq", "--out", "s",
      ], in: dir)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("answer: event_source.maximum_concurrency = 2"))
    #expect(outcome.stdout.contains("start of the range"))
    #expect(contents(dir + "/s/size.md") != nil)
  }
}
