import Foundation
import Testing

/// Issue 13, hostile and absurd input: each case of `Hostile/` (or made here) ends with a clear
/// message and the documented exit code, inside a time and memory bound, never a crash, a hang
/// or a blow-up.
@Suite struct HostileInputTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Hostile"
  /// Every case here needs well under this much memory; the alias bomb used to reach 7.9 GB.
  static let memoryBoundMegabytes = 400.0

  func bounded(
    _ arguments: [String], in directory: String = fixtures, seconds: Int = 60,
    megabytes: Double = memoryBoundMegabytes
  ) throws -> PeaksimProcess.Outcome {
    let run = try PeaksimProcess.runBounded(arguments, in: directory, seconds: seconds)
    #expect(!run.timedOut, "peaksim \(arguments.prefix(3)) ran past \(seconds) s")
    if let rss = run.maxResidentMegabytes {
      #expect(rss < megabytes, "peaksim \(arguments.prefix(3)) reached \(Int(rss)) MB")
    }
    return run.outcome
  }

  func temporaryDirectory() throws -> String { try PeaksimProcess.temporaryDirectory("peaksim-hostile") }

  // MARK: - 1, 2: YAML bombs and deep nesting

  @Test func anAliasBombIsRefusedWithALocatedError() throws {
    let out = try bounded(["check", "alias-bomb.yaml"], seconds: 30)
    #expect(out.status == 65, "\(out.stderr)")
    #expect(
      out.stderr.contains("alias-bomb.yaml:10:6: error: junk.e: YAML aliases (*name) here repeat more than 100000"))
  }

  @Test(arguments: ["deep-flow.yaml", "deep-block.yaml"])
  func deepNestingIsRefusedBeforeParsing(file: String) throws {
    let out = try bounded(["check", file], seconds: 30)
    #expect(out.status == 65, "\(out.stderr)")
    #expect(out.stderr.contains("\(file):"))
    #expect(out.stderr.contains("error: YAML nested more than 64 levels deep"))
  }

  @Test func deepNestingThroughSetIsRefusedToo() throws {
    let out = try bounded(
      ["check", "small.yaml", "--set", "description=" + String(repeating: "[", count: 5_000)], seconds: 30)
    #expect(out.status == 65, "\(out.stderr)")
    #expect(out.stderr.contains("--set description=[[[[") && out.stderr.contains("YAML nested more than 64 levels"))
  }

  // MARK: - 3: calendars the run would leave

  @Test func aRunPastTheYear9999IsAScenarioErrorAtCheck() throws {
    let out = try bounded(["check", "calendar-end.yaml"])
    #expect(out.status == 65, "\(out.stderr)")
    #expect(
      out.stderr.contains("calendar-end.yaml:2:8: error: start: the run would end after 9999-12-31T23:59:59Z"))
  }

  // MARK: - 4: replication caps

  @Test func sizeCapsReplicationsAsRunDoes() throws {
    let dir = try temporaryDirectory()
    let out = try bounded(
      [
        "size", Self.fixtures + "/small.yaml", "--for", "event_source.batch_size", "--range", "1..2",
        "--replications", "100000000", "--out", dir + "/size",
      ], in: dir, seconds: 30)
    #expect(out.status == 2, "\(out.stderr)")
    #expect(out.stderr.contains("--replications must be at most 100,000, got 100000000"))
  }

  // MARK: - 5: a million mistakes

  @Test func manyUnknownKeysPrintTwentyErrorsAndACountInLinearTime() throws {
    let dir = try temporaryDirectory()
    var text = "name: many\nduration: 1h\ntraffic:\n  baseline: 10/s\n"
    for i in 0..<200_000 { text += "unknown_\(i): 1\n" }
    try text.write(toFile: dir + "/many.yaml", atomically: true, encoding: .utf8)
    // Measured: 490 MB in a debug build (every diagnostic is kept until they are sorted).
    let out = try bounded(["check", "many.yaml"], in: dir, seconds: 120, megabytes: 1_000)
    #expect(out.status == 65)
    let lines = out.stderr.split(separator: "\n")
    #expect(lines.count <= 25, "\(lines.count) lines of errors")
    // No warning since AWS's 3 s timeout is the default (it fits the 30 s visibility timeout).
    #expect(out.stderr.contains("… and 199,980 more errors not shown"))
    #expect(out.stderr.hasSuffix("many.yaml: invalid, 200000 errors\n"))
  }

  // MARK: - 6: memory

  @Test func tooManyReportIntervalsAreRefusedWithTheRowLimit() throws {
    let out = try bounded(["run", "too-many-rows.yaml", "--out", try temporaryDirectory() + "/out"])
    #expect(out.status == 65, "\(out.stderr)")
    #expect(out.stderr.contains("31,622,400 report intervals of 1s; at most 1,000,000 are allowed"))
    #expect(out.stderr.contains("make interval at least 32s"))
  }

  @Test func aHugeRunIsAnnouncedWithItsSizeAndAnEstimateBeforeItStarts() throws {
    let dir = try temporaryDirectory()
    // Killed after 10 s: only what it says before simulating matters here.
    let run = try PeaksimProcess.runBounded(
      [
        "run", Self.fixtures + "/small.yaml", "--set", "duration=366d", "--set", "interval=1h", "--set",
        "traffic.baseline=10000/s", "--out", "out",
      ], in: dir, seconds: 10)
    #expect(
      run.outcome.stderr.contains(
        "small.yaml: warning: this run simulates about 316224 million orders; expect about 5271 min at 1 M orders/s"))
  }

  // MARK: - 8, 9: the report folder

  @Test func aUsersOwnChartIsNeverDeletedByAReplacement() throws {
    let dir = try temporaryDirectory()
    let first = try bounded(["run", Self.fixtures + "/small.yaml", "--out", "out", "--quiet"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir + "/out/.peaksim-files"))
    try "<svg/>".write(toFile: dir + "/out/charts/mine.svg", atomically: true, encoding: .utf8)
    let second = try bounded(["run", Self.fixtures + "/small.yaml", "--out", "out", "--quiet"], in: dir)
    #expect(second.status == 1)
    #expect(second.stderr.contains("holds files peaksim did not write (charts/mine.svg)"))
    #expect(FileManager.default.fileExists(atPath: dir + "/out/charts/mine.svg"))
  }

  @Test func anOutSymlinkIsFollowedAndKept() throws {
    let dir = try temporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/real")
    for _ in 0..<2 {
      let out = try bounded(["run", Self.fixtures + "/small.yaml", "--out", "link", "--quiet"], in: dir)
      #expect(out.status == 0, "\(out.stderr)")
    }
    let type = try FileManager.default.attributesOfItem(atPath: dir + "/link")[.type] as? FileAttributeType
    #expect(type == .typeSymbolicLink)
    #expect(FileManager.default.fileExists(atPath: dir + "/real/summary.json"))
  }

  @Test func staleTemporaryFoldersOfDeadProcessesAreSwept() throws {
    let dir = try temporaryDirectory()
    // A pid above the kernel's pid_max (4,194,304 at most) never runs.
    let stale = dir + "/out.tmp-99999999-0"
    try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
    try "half".write(toFile: stale + "/summary.json", atomically: true, encoding: .utf8)
    let out = try bounded(["run", Self.fixtures + "/small.yaml", "--out", "out", "--quiet"], in: dir)
    #expect(out.status == 0, "\(out.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["out"])
  }

  @Test func sigtermExits143AndLeavesNoTemporaryFolder() throws {
    let dir = try temporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PeaksimProcess.executable)
    // Long enough that it cannot finish within the second before the signal, on any machine.
    process.arguments = ["run", Self.fixtures + "/small.yaml", "--set", "duration=20d", "--out", "out", "--quiet"]
    process.currentDirectoryURL = URL(fileURLWithPath: dir)
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 1)
    process.terminate()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 143)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
    #expect(left.isEmpty)
  }

  // MARK: - 11: a trace's last row

  @Test(arguments: [("single-row-trace.yaml", 100), ("three-row-trace.yaml", 300)])
  func theLastTraceRowLastsAsLongAsThePreviousOrOneInterval(file: String, orders: Int) throws {
    let dir = try temporaryDirectory()
    let out = try bounded(["run", Self.fixtures + "/" + file, "--out", "out", "--quiet"], in: dir)
    #expect(out.status == 0, "\(out.stderr)")
    let summary = try String(contentsOfFile: dir + "/out/summary.json", encoding: .utf8)
    #expect(summary.contains("\"arrived\": \(orders),"), "\(file): expected \(orders) orders")
  }

  // MARK: - 12: messages and exit codes

  @Test(arguments: ["/dev/zero", "fifo"])
  func aSpecialFileAsATraceSaysWhatItIs(path: String) throws {
    let dir = try temporaryDirectory()
    var trace = path
    if path == "fifo" {
      trace = dir + "/fifo"
      #expect(mkfifo(trace, 0o600) == 0)
    }
    let out = try bounded(
      ["check", Self.fixtures + "/small.yaml", "--set", "traffic.trace=" + trace], in: dir, seconds: 20)
    #expect(out.status == 65)
    #expect(
      out.stderr.contains(path == "fifo" ? "it is a named pipe (FIFO), not a regular file" : "a character device"))
    #expect(!out.stderr.contains("permissions"))
  }

  @Test(arguments: [
    (["run", "small.yaml", "--seed", "-5"], "The value '-5' is invalid for '--seed <n>'"),
    (["run", "small.yaml", "--replications", "2", "--jobs", "-1"], "--jobs must be at least 1, got -1"),
    (["run", "small.yaml", "--replications", "-3"], "--replications must be at least 1, got -3"),
    (
      ["sweep", "small.yaml", "--vary", "event_source.batch_size=5..1"],
      "the range is empty; write the smaller value first"
    ),
    (
      ["sweep", "small.yaml", "--vary", "event_source.batch_size=1..1000000000"],
      "1000000000 values is more than a sweep"
    ),
    (["run", "small.yaml", "--set", "foo"], "--set expects PATH=VALUE"),
    (["check", "small.yaml", "--set", "=5"], "--set expects PATH=VALUE"),
  ])
  func badArgumentsAreUsageErrorsThatSayWhatIsWrong(arguments: [String], message: String) throws {
    let out = try bounded(arguments, seconds: 30)
    #expect(out.status == 2, "\(arguments): \(out.stderr)")
    #expect(out.stderr.contains(message), "\(out.stderr)")
    #expect(!out.stderr.contains("Missing value"))
  }

  @Test func setOnAListItemSuggestsSettingTheWholeList() throws {
    let out = try bounded(["check", "small.yaml", "--set", "traffic.bursts[0].x=2"])
    #expect(out.status == 65)
    #expect(out.stderr.contains("set the whole list instead, e.g. traffic.bursts="))
    #expect(!out.stderr.contains("did you mean 'traffic.bursts.x'"))
  }

  @Test func maxSizeAcceptsTheTwoGibibytesItAdvertises() throws {
    let out = try PeaksimProcess.run(["validate-order", "--max-size", "2GiB", "-"], in: Self.fixtures, stdin: "{}")
    #expect(out.status == 1, "\(out.stderr)")
    #expect(out.stdout.contains("-: invalid"))
  }

  @Test func anOutUnderProcSaysWhyItCannotBeWritten() throws {
    let out = try bounded(["run", "small.yaml", "--out", "/proc/peaksim-x", "--quiet"])
    #expect(out.status == 1)
    #expect(out.stderr.contains("/proc/peaksim-x: cannot create the report folder there ("))
    #expect(!out.stderr.contains("The file doesn’t exist") && !out.stderr.contains("The file doesn't exist"))
  }

  @Test func mergeKeysAreMergedNotUnknownKeys() throws {
    let out = try bounded(["check", "merge-keys.yaml"])
    #expect(out.status == 0, "\(out.stderr)")
    #expect(!out.stderr.contains("unknown key '<<'"))
  }

  // MARK: - 13: quoting and escaping

  @Test func anUnrelatedFileAsATraceIsQuotedOnlyInShortFields() throws {
    let out = try bounded(["check", "unrelated-trace.yaml"])
    #expect(out.status == 65)
    #expect(out.stderr.contains("found '-----BEGIN SECRET KEY---…'"))
    #expect(!out.stderr.contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj"))
  }

  @Test func theDescriptionIsEscapedInReportMarkdown() throws {
    let dir = try temporaryDirectory()
    let out = try bounded(["run", Self.fixtures + "/markdown-description.yaml", "--out", "out", "--quiet"], in: dir)
    #expect(out.status == 0, "\(out.stderr)")
    let report = try String(contentsOfFile: dir + "/out/report.md", encoding: .utf8)
    let paragraph = report.split(separator: "\n", omittingEmptySubsequences: false)[2]
    #expect(
      paragraph
        == "\\# Big \\<script\\>alert(1)\\</script\\> \\[link\\](http://x) \\!\\[img\\](y.png) \\*bold\\* \\| pipe \\[31m red second line"
    )
    #expect(!report.unicodeScalars.contains("\u{1B}"))
  }
}

/// Issue 13, item 6: an overloaded run stops at `limits.max_backlog` with a clear error.
@Suite struct BacklogLimitTests {
  @Test func anOverloadedRunStopsAtTheBacklogLimitWithAClearError() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-hostile")
    let run = try PeaksimProcess.runBounded(
      ["run", HostileInputTests.fixtures + "/overloaded.yaml", "--out", "out"], in: dir, seconds: 60)
    #expect(!run.timedOut)
    #expect(run.outcome.status == 65, "\(run.outcome.stderr)")
    #expect(
      run.outcome.stderr.contains("error: limits.max_backlog: the backlog exceeds 10000 messages (≈ 1 MB of memory)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "nothing is written")
  }
}
