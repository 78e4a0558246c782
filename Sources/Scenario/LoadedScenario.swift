import PipelineModel

/// A scenario file that passed every check: the configuration to run, AWS's warnings, the
/// variants, and the effective settings for reports.
public struct LoadedScenario: Sendable {
  /// The path the scenario was loaded from, as given.
  public let sourcePath: String
  /// The scenario with `--set` arguments and `--seed` applied.
  public let configuration: PipelineConfiguration
  /// What AWS advises against (visibility timeout below 6 × function timeout, …), for the
  /// console and the report.
  public let warnings: [ScenarioDiagnostic]
  /// The `variants:` list, in file order.
  public let variants: [Variant]
  /// The `--set` arguments applied, in order.
  public let overrides: [ScenarioOverride]
  /// Every key of the format with its value and origin, in SCENARIO.md order.
  public let effectiveSettings: [EffectiveSetting]

  /// `key_path = value` lines, one per key in SCENARIO.md order, with a final newline.
  public var effectiveSettingsText: String {
    effectiveSettings.map { $0.description + "\n" }.joined()
  }

  /// The configuration of `variant` (the scenario with the variant's keys applied; same seed).
  public func configuration(for variant: Variant) -> PipelineConfiguration { variant.configuration }

  /// The variant called `name`, if there is one.
  public func variant(named name: String) -> Variant? { variants.first { $0.name == name } }

  /// The warnings of the scenario and of every variant, for printing.
  public var allWarnings: [ScenarioDiagnostic] { warnings + variants.flatMap(\.warnings) }
}
