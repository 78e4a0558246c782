import Foundation
import Testing

/// `report.md`, `timeseries.csv` and `summary.json` of `scenarios/tests/small.yaml`, compared
/// byte for byte with the copies under `Tests/CommandLineTests/Golden/small/` (only the
/// `wall_s` line of `summary.json`, the machine's speed, is normalised to 0).
///
/// A difference is either a bug or a deliberate change of the outputs. For a deliberate one,
/// regenerate the copies and review them in the diff:
///
///     PEAKSIM_UPDATE_GOLDEN=1 swift test -c release -Xswiftc -enable-testing --filter GoldenOutputTests
@Suite struct GoldenOutputTests {
  static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/small").path
  static let updating = ProcessInfo.processInfo.environment["PEAKSIM_UPDATE_GOLDEN"] == "1"

  /// `"wall_s": 3.21,` becomes `"wall_s": 0,`: the one figure that depends on the machine.
  static func normalised(_ text: String, file: String) -> String {
    guard file == "summary.json" else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard let range = line.range(of: "\"wall_s\": ") else { return String(line) }
      let rest = line[range.upperBound...]
      return line[..<range.upperBound] + "0" + (rest.hasSuffix(",") ? "," : "")
    }.joined(separator: "\n")
  }

  @Test(arguments: ["report.md", "timeseries.csv", "summary.json"])
  func smallScenarioOutputMatchesItsGoldenCopy(file: String) throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-golden")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let outcome = try PeaksimProcess.run(["run", RunCommandTests.small, "--quiet", "--out", "out"], in: dir)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let actual = Self.normalised(try String(contentsOfFile: dir + "/out/" + file, encoding: .utf8), file: file)
    let goldenPath = Self.goldenFolder + "/" + file
    if Self.updating {
      try FileManager.default.createDirectory(atPath: Self.goldenFolder, withIntermediateDirectories: true)
      try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
      return
    }
    let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
    guard actual != golden else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
    let common = min(actualLines.count, goldenLines.count)
    let first = (0..<common).first { actualLines[$0] != goldenLines[$0] } ?? common
    let expectedLine = first < goldenLines.count ? String(goldenLines[first]) : "(end of file)"
    let actualLine = first < actualLines.count ? String(actualLines[first]) : "(end of file)"
    Issue.record(
      """
      \(file) of scenarios/tests/small.yaml differs from Tests/CommandLineTests/Golden/small/\(file) \
      at line \(first + 1):
        golden: \(expectedLine)
        actual: \(actualLine)
      If the change is deliberate, regenerate with \
      PEAKSIM_UPDATE_GOLDEN=1 swift test -c release -Xswiftc -enable-testing --filter GoldenOutputTests
      """)
  }
}
