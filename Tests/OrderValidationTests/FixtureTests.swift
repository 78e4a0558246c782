import Foundation  // reading fixture files only; the module under test never imports it
import OrderValidation
import Testing

/// The hand-written files under `Fixtures/` (also used to try `peaksim validate-order`), with
/// their verdicts in `Fixtures/expected.txt` written exactly as the command prints them.
@Suite struct FixtureTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  @Test func everyFixtureHasTheVerdictItsManifestStates() throws {
    let manifest = try String(contentsOf: Self.folder.appendingPathComponent("expected.txt"), encoding: .utf8)
    let lines = manifest.split(separator: "\n").map(String.init)
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
      .sorted()
    #expect(lines.map { String($0.prefix { $0 != ":" }) } == files, "every fixture is listed once, in name order")
    for line in lines {
      let file = String(line.prefix { $0 != ":" })
      let body = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(file)))
      let verdict = OrderValidator().firstFailure(in: body).map { "invalid \($0)" } ?? "valid"
      #expect("\(file): \(verdict)" == line)
    }
  }
}
