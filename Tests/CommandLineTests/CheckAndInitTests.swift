import Foundation
import Testing

/// `peaksim check` and `peaksim init` as users run them: exit codes, standard output and
/// standard error (never a stack trace).
@Suite struct CheckAndInitTests {
  func peaksim(_ arguments: [String], in directory: String) throws -> PeaksimProcess.Outcome {
    try PeaksimProcess.run(arguments, in: directory)
  }

  func temporaryDirectory() throws -> String { try PeaksimProcess.temporaryDirectory("peaksim-cli") }

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
    #expect(
      lines.contains("bad.yaml:6:15: error: event_source.batch_size: must be an integer from 1 to 10000, found 0"))
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
