import PipelineModel
import Testing

@testable import Scenario

/// `peaksim init`'s starter file: valid as written, every key shown, AWS's defaults.
@Suite struct StarterScenarioTests {
  static func load(_ text: String) throws -> LoadedScenario {
    try ScenarioLoader.parse(text: text, fileName: "scenario.yaml")
  }

  @Test func theStarterPassesCheckWithoutWarnings() throws {
    let s = try Self.load(StarterScenario.text(name: "black-friday"))
    #expect(s.configuration.name == "black-friday")
    #expect(s.warnings.isEmpty, "\(s.warnings)")
  }

  /// The optional keys of SCENARIO.md's file format, which have no value by default: `start`
  /// ("optional calendar label"), the traffic shapes beside the baseline (`profile`,
  /// `diurnal`, `bursts`, and `trace` "instead of baseline/profile") and `table.autoscaling`
  /// ("absent = fixed capacity"). Written out here, not taken from the code under test.
  static let optionalKeys = [
    "start", "traffic.profile", "traffic.diurnal", "traffic.bursts", "traffic.trace", "table.autoscaling",
  ]

  @Test func theStarterWritesEveryKeyButTheOptionalExamples() throws {
    let s = try Self.load(StarterScenario.text(name: "scenario"))
    let notWritten = s.effectiveSettings.filter { $0.origin != .file }.map(\.keyPath)
    #expect(notWritten == Self.optionalKeys)
  }

  @Test func theStarterShowsTheDefaultsExceptWhereItSaysWhy() throws {
    let s = try Self.load(StarterScenario.text(name: "scenario"))
    let defaults = EffectiveSetting.list(
      PipelineConfiguration(name: "x", duration: .hours(2), traffic: TrafficConfiguration(baseline: 1))
    ) { _ in .default }
    let differing = zip(s.effectiveSettings, defaults).filter { $0.value != $1.value }.map(\.0.keyPath)
    // What a starter must choose (name, description, duration, traffic.baseline: SCENARIO.md
    // gives them no default); AWS's 3 s function timeout fits its 30 s visibility timeout.
    #expect(differing == ["name", "description", "duration", "traffic.baseline"])
  }

  @Test func theStartersCommentedExamplesAreValidWhenUncommented() throws {
    let examples = [
      "start:", "profile:", "- {at:", "diurnal:", "bursts:", "autoscaling:", "variants:", "- name:", "set:",
    ]
    let uncommented = StarterScenario.text(name: "scenario").split(separator: "\n", omittingEmptySubsequences: false)
      .map { line -> String in
        // "  #   - {at: 0h, x: 1}" → "    - {at: 0h, x: 1}": dropping "# " keeps the indentation.
        guard let hash = line.firstIndex(of: "#"), line[..<hash].allSatisfy({ $0 == " " }) else { return String(line) }
        let afterMark = line[line.index(after: hash)...].dropFirst()
        let isExample = examples.contains { afterMark.drop { $0 == " " }.hasPrefix($0) }
        return isExample ? String(line[..<hash] + afterMark) : String(line)
      }
      .joined(separator: "\n")
    let s = try Self.load(uncommented)
    #expect(s.configuration.startEpochSeconds == 1_795_651_200)
    #expect(s.configuration.traffic.profile.count == 2)
    #expect(s.configuration.traffic.diurnal != nil)
    #expect(s.configuration.traffic.bursts.count == 1)
    #expect(s.configuration.table.autoscaling != nil)
    #expect(s.variants.map { $0.name } == ["provisioned-3000"])
  }
}
