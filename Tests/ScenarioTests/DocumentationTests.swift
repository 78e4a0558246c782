import Foundation
import PipelineModel
import Testing

@testable import Scenario

/// The format's documentation (Scenario.docc/WritingAScenarioFile.md) lists every key with the
/// default the code really uses.
@Suite struct DocumentationTests {
  /// The rows of the article's key table: key path → default cell (backticks removed).
  static func keyTable() throws -> [(key: String, defaultValue: String)] {
    let file = #filePath
    let root = String(file[..<file.range(of: "/Tests/ScenarioTests/")!.lowerBound])
    let text = try String(
      contentsOfFile: root + "/Sources/Scenario/Scenario.docc/WritingAScenarioFile.md", encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("| `") else { return nil }
      // `\|` is a bar inside a cell (`decoupled \| synchronous`).
      let cells = line.replacingOccurrences(of: "\\|", with: "/").split(
        separator: "|", omittingEmptySubsequences: false
      ).map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 5 else { return nil }
      let key = cells[1].replacingOccurrences(of: "`", with: "")
      return (key, cells[3].replacingOccurrences(of: "`", with: ""))
    }
  }

  @Test func everyKeyIsDocumentedInOrder() throws {
    let documented = try Self.keyTable().map(\.key).filter { $0 != "variants" }
    #expect(documented == ScenarioSchema.settings.map(\.path))
  }

  @Test func documentedDefaultsAreTheDefaultsInUse() throws {
    let defaults = EffectiveSetting.list(
      PipelineConfiguration(name: "x", duration: .hours(1), traffic: TrafficConfiguration(baseline: 1))
    ) { _ in .default }
    for row in try Self.keyTable()
    where !["required", "required unless trace", "empty", "[]"].contains(row.defaultValue) {
      guard let actual = defaults.first(where: { $0.keyPath == row.key }) else { continue }
      #expect(row.defaultValue == actual.value, "\(row.key)")
    }
  }
}
