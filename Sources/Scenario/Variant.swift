import PipelineModel

/// One entry of a scenario's `variants:` list: a name and the keys it changes. Its
/// configuration is the scenario's (after `--set`) with those keys applied, and keeps the
/// scenario's seed, so variants are compared on common random numbers.
public struct Variant: Sendable {
  public let name: String
  /// The variant's `description`, or empty.
  public let description: String
  /// What the variant sets, in the order written.
  public let overrides: [ScenarioOverride]
  /// The scenario with the variant's settings applied.
  public let configuration: PipelineConfiguration
  /// AWS's advice against this variant's settings that the base scenario doesn't already get.
  public let warnings: [ScenarioDiagnostic]
  /// Every key with the variant's value and where it came from.
  public let effectiveSettings: [EffectiveSetting]
}
