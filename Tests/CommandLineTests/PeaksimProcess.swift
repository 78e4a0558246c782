import Foundation
import TestSupport

/// The `peaksim` built next to this test binary, run as a user runs it: one runner for every
/// command-line suite.
enum PeaksimProcess {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let executable: String = {
    // On Linux the test binary is `<build>/<configuration>/peaksimPackageTests.xctest`; elsewhere
    // it can sit inside a bundle. Walk up until `peaksim` is found.
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("peaksim").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return "peaksim"
  }()

  /// Runs peaksim in `directory` with `stdin` as its standard input (empty when `nil`) and
  /// `environment` added to this process's, less any batch engine's array variables (so a test
  /// run inside an array job does not become a shard).
  ///
  /// Standard output and error go to files, not pipes: with tests running processes in
  /// parallel, a child's exit (SIGCHLD) can interrupt a pipe read, which Foundation's
  /// `readDataToEndOfFile` turns into a crash (EINTR).
  static func run(
    _ arguments: [String], in directory: String, environment: [String: String] = [:], stdin: String? = nil,
    executable: String = PeaksimProcess.executable
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    for name in env.keys
    where name.hasPrefix("AWS_BATCH_") || name.hasPrefix("SLURM_ARRAY_") || name == "JOB_COMPLETION_INDEX" {
      env[name] = nil
    }
    for (name, value) in environment { env[name] = value }
    process.environment = env
    let capture = try temporaryDirectory("peaksim-io")
    defer { try? FileManager.default.removeItem(atPath: capture) }
    let inPath = capture + "/stdin", outPath = capture + "/stdout", errPath = capture + "/stderr"
    try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardInput = input
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try input.close()
    try out.close()
    try err.close()
    return Outcome(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
  }

  /// A run with a bound: killed after `seconds`, and measured for its peak resident memory
  /// (through GNU time's `%M`, when /usr/bin/time is installed; `nil` otherwise).
  struct BoundedOutcome {
    var outcome: Outcome
    var timedOut: Bool
    var maxResidentMegabytes: Double?
  }

  /// Runs peaksim under `timeout --signal=KILL seconds`, itself under `/usr/bin/time` when
  /// present (the peak it reports includes the waited-for grandchild, peaksim).
  static func runBounded(
    _ arguments: [String], in directory: String, seconds: Int, environment: [String: String] = [:]
  ) throws -> BoundedOutcome {
    let capture = try temporaryDirectory("peaksim-rss")
    defer { try? FileManager.default.removeItem(atPath: capture) }
    let rssFile = capture + "/rss"
    let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
    let bounded = ["/usr/bin/timeout", "--signal=KILL", String(seconds), executable] + arguments
    let outcome =
      timed
      ? try run(
        ["-f", "%M", "-o", rssFile] + bounded, in: directory, environment: environment, executable: "/usr/bin/time")
      : try run(Array(bounded.dropFirst()), in: directory, environment: environment, executable: bounded[0])
    let rss = (try? String(contentsOfFile: rssFile, encoding: .utf8))?
      .split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    return BoundedOutcome(
      outcome: outcome, timedOut: outcome.status == 137 || outcome.status == 124,
      maxResidentMegabytes: rss.map { $0 / 1024 })
  }

  /// A new empty folder, removed when the test process exits.
  static func temporaryDirectory(_ prefix: String) throws -> String { try ScratchDirectory.make(prefix) }
}
