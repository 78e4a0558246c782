import Foundation
import Testing

/// `peaksim run` as users run it: the four outputs, exit 0 or 3 by the SLO verdict, and for a
/// malformed scenario exit 65, an error naming the file (line:column) and the key, no crash and
/// no report folder.
@Suite struct RunCommandTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let small = repositoryRoot + "/scenarios/tests/small.yaml"

  func peaksim(_ arguments: [String], in directory: String) throws -> PeaksimProcess.Outcome {
    try PeaksimProcess.run(arguments, in: directory)
  }

  func temporaryDirectory() throws -> String { try PeaksimProcess.temporaryDirectory("peaksim-cli") }

  func entries(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  }

  @Test func smallScenarioWritesTheFourOutputsAndMeetsItsSLOs() throws {
    let dir = try temporaryDirectory()
    let outcome = try peaksim(["run", Self.small, "--out", "out"], in: dir)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(try entries(dir + "/out") == [".peaksim-files", "charts", "report.md", "summary.json", "timeseries.csv"])
    #expect(
      try entries(dir + "/out/charts") == ["arrivals.svg", "backlog.svg", "concurrency.svg", "dlq.svg", "table.svg"])
    #expect(try entries(dir) == ["out"], "no temporary folder is left")
    #expect(
      outcome.stdout.hasPrefix("small: 5 min 00 s simulated (Fri 27 Nov 2026 06:00 → Fri 27 Nov 2026 06:05 UTC) in "))
    #expect(outcome.stdout.contains("\n  orders arrived  "))
    #expect(outcome.stdout.hasSuffix("\nPASS: all 4 SLOs met; report in out/report.md\n"))
    #expect(outcome.stderr == "", "no progress bar when standard error is not a terminal")
  }

  @Test func aMissedSLOExits3AndQuietPrintsOnlyTheVerdict() throws {
    let dir = try temporaryDirectory()
    let outcome = try peaksim(
      ["run", Self.small, "--set", "slo.p99_end_to_end=1ms", "--quiet", "--out", "out"], in: dir)
    #expect(outcome.status == 3)
    #expect(outcome.stdout == "FAIL: 1 of 4 SLOs missed (p99_end_to_end); report in out/report.md\n")
    let summary = try String(contentsOfFile: dir + "/out/summary.json", encoding: .utf8)
    #expect(summary.contains("\"slo_met\": false"))
  }

  @Test func theDefaultFolderIsReportsName() throws {
    let dir = try temporaryDirectory()
    let outcome = try peaksim(["run", Self.small, "--quiet"], in: dir)
    #expect(outcome.status == 0)
    #expect(try entries(dir + "/reports") == ["small"])
    #expect(outcome.stdout == "PASS: all 4 SLOs met; report in reports/small/report.md\n")
  }

  /// Two processes, so two hash seeds: any Dictionary or Set order that reached an output
  /// (a chart's markers, a report's table) would differ between them.
  @Test func theSameSeedGivesTheSameReportInTwoProcesses() throws {
    let dir = try temporaryDirectory()
    #expect(try peaksim(["run", Self.small, "--quiet", "--out", "a"], in: dir).status == 0)
    #expect(try peaksim(["run", Self.small, "--quiet", "--out", "b"], in: dir).status == 0)
    let charts = try entries(dir + "/a/charts")
    #expect(charts.count == 5)
    for file in ["timeseries.csv", "report.md"] + charts.map({ "charts/" + $0 }) {
      let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a/" + file))
      let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b/" + file))
      #expect(a == b, "\(file) differs")
    }
    let a = try String(contentsOfFile: dir + "/a/summary.json", encoding: .utf8).split(separator: "\n")
    let b = try String(contentsOfFile: dir + "/b/summary.json", encoding: .utf8).split(separator: "\n")
    #expect(zip(a, b).filter { $0 != $1 }.allSatisfy { $0.0.hasPrefix("  \"wall_s\": ") })
  }

  @Test func aFolderWithOtherFilesIsLeftAloneWithExit1() throws {
    let dir = try temporaryDirectory()
    try "keep\n".write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
    let outcome = try peaksim(["run", Self.small, "--out", "."], in: dir)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("peaksim: cannot write the report: "))
    #expect(try entries(dir) == ["main.tf"])
  }

  @Test func helpDocumentsTheExitCodes() throws {
    let outcome = try peaksim(["run", "--help"], in: try temporaryDirectory())
    #expect(outcome.status == 0)
    for line in [
      "0   every SLO met", "3   the run completed but at least one SLO was missed", "65  the scenario is invalid",
      "70  internal error",
    ] {
      #expect(outcome.stdout.contains(line), "missing '\(line)'")
    }
  }

  /// A malformed scenario: the file's text (or bytes), then what the first error line must
  /// start with and contain.
  struct Malformed: CustomStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]?
    var prefix: String
    var contains: String
    var description: String { name }

    init(_ name: String, _ text: String?, prefix: String, contains: String) {
      self.name = name
      self.bytes = text.map { Array($0.utf8) }
      self.prefix = prefix
      self.contains = contains
    }
  }

  static let valid = "name: bad\nduration: 5m\ntraffic:\n  baseline: 10/s\n"
  static let malformed: [Malformed] = [
    Malformed(
      "yaml-syntax", "name: bad\nduration: 5m\ntraffic:\n  baseline: [10/s\n",
      prefix: "bad.yaml:5:1: error: YAML syntax: ", contains: "flow sequence"),
    Malformed(
      "unknown-key", valid + "queue:\n  visiblity_timeout: 3m\n",
      prefix: "bad.yaml:6:3: error: queue.visiblity_timeout: unknown key",
      contains: "did you mean 'visibility_timeout'?"),
    Malformed(
      "wrong-type", valid + "event_source:\n  batch_size: ten\n",
      prefix: "bad.yaml:6:15: error: event_source.batch_size: ", contains: "found ten"),
    Malformed(
      "bad-unit", "name: bad\nduration: 5 minutes\ntraffic:\n  baseline: 10/s\n",
      prefix: "bad.yaml:2:11: error: duration: ", contains: "unknown unit 'minutes'"),
    Malformed(
      "out-of-range", valid + "event_source:\n  maximum_concurrency: 1\n",
      prefix: "bad.yaml:6:24: error: event_source.maximum_concurrency: ", contains: "from 2 to 1000, found 1"),
    Malformed(
      "inconsistent", valid + "lambda:\n  timeout: 60s\n",
      prefix: "bad.yaml:6:12: error: lambda.timeout: ", contains: "exceeds queue.visibility_timeout"),
    Malformed("missing-file", nil, prefix: "bad.yaml: error: cannot read the scenario", contains: "no such file"),
    Malformed("empty-file", "", prefix: "bad.yaml: error: the scenario is empty", contains: "name"),
    Malformed("missing-key", "name: bad\ntraffic:\n  baseline: 10/s\n", prefix: "bad.yaml", contains: "duration"),
  ]

  @Test(arguments: malformed)
  func aMalformedScenarioExits65AndWritesNothing(_ scenario: Malformed) throws {
    let dir = try temporaryDirectory()
    if let bytes = scenario.bytes {
      try Data(bytes).write(to: URL(fileURLWithPath: dir + "/bad.yaml"))
    }
    for arguments in [["run", "bad.yaml"], ["run", "bad.yaml", "--out", "out"]] {
      let outcome = try peaksim(arguments, in: dir)
      #expect(outcome.status == 65, "\(outcome.stderr)")
      #expect(outcome.stdout == "")
      let lines = outcome.stderr.split(separator: "\n").map(String.init)
      let first = try #require(lines.first)
      #expect(first.hasPrefix(scenario.prefix), "\(first)")
      #expect(outcome.stderr.contains(scenario.contains), "\(outcome.stderr)")
      #expect(lines.last?.hasPrefix("bad.yaml: invalid, ") == true)
      #expect(!outcome.stderr.contains("Fatal error"))
      let left = try entries(dir).filter { $0 != "bad.yaml" }
      #expect(left.isEmpty, "a report folder was written: \(left)")
    }
  }

  @Test func aBinaryFileExits65() throws {
    let dir = try temporaryDirectory()
    var bytes: [UInt8] = Array("name: x\n".utf8) + [0, 1, 2, 0xFF, 0xFE] + Array(repeating: 0x7F, count: 64)
    bytes += [0xC3, 0x28]
    try Data(bytes).write(to: URL(fileURLWithPath: dir + "/bad.yaml"))
    let outcome = try peaksim(["run", "bad.yaml", "--out", "out"], in: dir)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.hasPrefix("bad.yaml:"))
    #expect(outcome.stderr.contains("not UTF-8 text"))
    #expect(try entries(dir) == ["bad.yaml"])
  }

  @Test func aBadOverrideExits65AndNamesTheArgument() throws {
    let dir = try temporaryDirectory()
    let outcome = try peaksim(["run", Self.small, "--set", "lambda.timeout=2h", "--out", "out"], in: dir)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("--set lambda.timeout=2h: error: lambda.timeout: "))
    #expect(try entries(dir).isEmpty)
  }

  @Test func everyShippedScenarioPassesCheck() throws {
    let folder = Self.repositoryRoot + "/scenarios"
    let files = try
      (entries(folder).map { "scenarios/" + $0 } + entries(folder + "/tests").map { "scenarios/tests/" + $0 })
      .filter { $0.hasSuffix(".yaml") }
    #expect(files.count >= 5)
    let outcome = try peaksim(["check"] + files, in: Self.repositoryRoot)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(!outcome.stderr.contains("error:"))
  }

  @Test func aMissingScenarioArgumentIsAUsageError() throws {
    let outcome = try peaksim(["run"], in: try temporaryDirectory())
    #expect(outcome.status == 2)
  }
}
