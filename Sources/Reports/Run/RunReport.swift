import PipelineModel
import Scenario

/// Everything the reports of one `peaksim run` are written from: the run's result, the
/// scenario's warnings and effective settings, and the wall-clock time the simulation took.
///
/// ```swift
/// let result = try Simulation.run(scenario.configuration)
/// let report = RunReport(result: result, scenario: scenario, wallSeconds: 12.3)
/// try ReportWriter.write(report, to: "reports/\(result.configuration.name)")
/// ```
public struct RunReport: Sendable {
  public var result: RunResult
  /// AWS's advice the scenario goes against (SCENARIO.md: "what AWS recommends is a warning").
  public var warnings: [ScenarioDiagnostic]
  /// Every key with the value the run used and where it came from (for the report's appendix).
  public var effectiveSettings: [EffectiveSetting]
  /// Seconds the simulation took on the wall clock: the only figure that differs between two
  /// runs of the same scenario and seed.
  public var wallSeconds: Double

  public init(
    result: RunResult, warnings: [ScenarioDiagnostic] = [], effectiveSettings: [EffectiveSetting] = [],
    wallSeconds: Double = 0
  ) {
    self.result = result
    self.warnings = warnings
    self.effectiveSettings = effectiveSettings
    self.wallSeconds = wallSeconds
  }

  /// The report of `result`, a run of `scenario`'s configuration.
  public init(result: RunResult, scenario: LoadedScenario, wallSeconds: Double) {
    self.init(
      result: result, warnings: scenario.warnings, effectiveSettings: scenario.effectiveSettings,
      wallSeconds: wallSeconds)
  }

  var configuration: PipelineConfiguration { result.configuration }
}
