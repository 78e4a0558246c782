import PipelineModel

/// Variants of a scenario, and other scenario files, run side by side on common random numbers.
///
/// The scenario itself is the variant `baseline`; then come its `variants:` in file order; then
/// each other file given, named by its `name` (with its path when two share a name). Every
/// entry runs with the first scenario's seed (other files' seeds are replaced), so all of them
/// see the same orders arriving at the same instants with the same defects, and a difference
/// between two entries is the effect of their settings, not of chance.
public struct Comparison: Sendable {
  /// One column of the comparison.
  public struct Entry: Sendable {
    public var name: String
    /// What the entry is, for the report: `the scenario`, `variant`, `other.yaml`.
    public var origin: String
    /// The keys it changes against the scenario (`table.mode=provisioned`), for variants.
    public var changes: [String]
    public var configuration: PipelineConfiguration
  }

  public let scenario: ExperimentScenario
  public let entries: [Entry]
  /// Other scenario files, as given.
  public let otherFiles: [String]

  /// - Parameters:
  ///   - scenario: the first scenario, with the command line's `--set` and `--seed`.
  ///   - otherFiles: further scenario files, loaded with the same `--set` and the first
  ///     scenario's seed.
  public init(scenario: ExperimentScenario, otherFiles: [String] = []) throws(ExperimentError) {
    var entries = [
      Entry(name: "baseline", origin: "the scenario", changes: [], configuration: scenario.configuration)
    ]
    for variant in scenario.loaded.variants {
      entries.append(
        Entry(
          name: variant.name, origin: "variant", changes: variant.overrides.map(\.description),
          configuration: variant.configuration))
    }
    for file in otherFiles {
      let other = try ExperimentScenario(path: file, overrides: scenario.overrides, seed: scenario.configuration.seed)
      entries.append(
        Entry(name: other.configuration.name, origin: file, changes: [], configuration: other.configuration))
    }
    guard entries.count >= 2 else {
      throw .invalidSetting(
        "\(scenario.path) has no variants and no other scenario file was given: nothing to compare "
          + "(add a variants: list, or give more scenario files)")
    }
    // Names are the report's column titles and must tell the entries apart.
    for position in entries.indices where entries[..<position].contains(where: { $0.name == entries[position].name }) {
      entries[position].name += " (\(entries[position].origin))"
    }
    for position in entries.indices where entries[..<position].contains(where: { $0.name == entries[position].name }) {
      entries[position].name += " #\(position + 1)"
    }
    self.scenario = scenario
    self.entries = entries
    self.otherFiles = otherFiles
  }

  public var jobs: [SimulationJob] { entries.map { SimulationJob(label: $0.name, configuration: $0.configuration) } }

  /// Runs every entry; results in entry order.
  public func run(on runner: ParallelRunner) async throws -> [RunResult] {
    try await runner.run(jobs)
  }
}
