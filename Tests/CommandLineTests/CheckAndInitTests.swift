import Foundation
import Testing

/// `peaksim check` and `peaksim init` as users run them: exit codes, standard output and
/// standard error (never a stack trace).
@Suite struct CheckAndInitTests {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `peaksim` built next to this test binary.
  static let executable: String = {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = testBinary.deletingLastPathComponent()
    // On Linux the test binary is `<build>/debug/peaksimPackageTests.xctest`; elsewhere it can sit
    // inside a bundle. Walk up until `peaksim` is found.
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("peaksim").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return "peaksim"
  }()

  func peaksim(_ arguments: [String], in directory: String) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Standard output and error go to files, not pipes: with tests running processes in
    // parallel, a child's exit (SIGCHLD) can interrupt a pipe read, which Foundation's
    // `readDataToEndOfFile` turns into a crash (EINTR).
    let capture = FileManager.default.temporaryDirectory.appendingPathComponent("peaksim-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: capture) }
    let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }

  func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("peaksim-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func initWritesAStarterThatCheckAccepts() throws {
    let dir = try temporaryDirectory()
    let written = try peaksim(["init", "black-friday"], in: dir)
    #expect(written.status == 0)
    #expect(FileManager.default.fileExists(atPath: dir + "/black-friday.yaml"))
    let checked = try peaksim(["check", "black-friday.yaml"], in: dir)
    #expect(checked.status == 0)
    #expect(checked.stdout == "black-friday.yaml: ok\n")
    #expect(checked.stderr == "")
  }

  @Test func initRefusesToOverwriteWithoutForce() throws {
    let dir = try temporaryDirectory()
    #expect(try peaksim(["init"], in: dir).status == 0)
    try "name: mine\n".write(toFile: dir + "/scenario.yaml", atomically: true, encoding: .utf8)
    let again = try peaksim(["init"], in: dir)
    #expect(again.status == 2)
    #expect(again.stderr.contains("scenario.yaml already exists; pass --force to overwrite it"))
    #expect(try String(contentsOfFile: dir + "/scenario.yaml", encoding: .utf8) == "name: mine\n")
    #expect(try peaksim(["init", "--force"], in: dir).status == 0)
    #expect(try peaksim(["check", "scenario.yaml"], in: dir).status == 0)
  }

  @Test func checkReportsEveryErrorWithFileLineAndColumnAndExits65() throws {
    let dir = try temporaryDirectory()
    try "name: x\nduration: 5\ntraffic:\n  baseline: 10/s\nevent_source:\n  batch_size: 0\n"
      .write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
    let outcome = try peaksim(["check", "bad.yaml"], in: dir)
    #expect(outcome.status == 65)
    #expect(outcome.stdout == "")
    let lines = outcome.stderr.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("bad.yaml:2:11: error: duration: must be a duration with a unit, found 5") })
    #expect(lines.contains("bad.yaml:6:15: error: event_source.batch_size: must be an integer from 1 to 10000, found 0"))
    #expect(lines.last?.hasPrefix("bad.yaml: invalid, 2 errors") == true)
  }

  @Test func checkNamesAMissingFile() throws {
    let dir = try temporaryDirectory()
    let outcome = try peaksim(["check", "nowhere.yaml"], in: dir)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.hasPrefix("nowhere.yaml: error: cannot read the scenario: no such file\n"))
  }

  @Test func badOverridesAreInvalidScenariosAndBadFlagsAreUsageErrors() throws {
    let dir = try temporaryDirectory()
    #expect(try peaksim(["init"], in: dir).status == 0)
    let override = try peaksim(["check", "scenario.yaml", "--set", "event_source.batchsize=5"], in: dir)
    #expect(override.status == 65)
    #expect(override.stderr.contains("--set event_source.batchsize=5: error: event_source.batchsize: unknown key"))
    let flag = try peaksim(["check", "scenario.yaml", "--bogus"], in: dir)
    #expect(flag.status == 2)
    #expect(flag.stderr.contains("Unknown option '--bogus'"))
    #expect(try peaksim(["check"], in: dir).status == 2)
  }
}
