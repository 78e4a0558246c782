import Scenario

/// Why an experiment could not start.
public enum ExperimentError: Error, CustomStringConvertible {
  /// A scenario (or one of its sweep points, sizing values or comparison files) is invalid;
  /// `context` names which, e.g. `sweep point event_source.batch_size=0`.
  case invalidScenario(context: String, errors: ScenarioErrors)
  /// A setting of the experiment itself is wrong (a range, a SLO name, a shard).
  case invalidSetting(String)

  public var description: String {
    switch self {
    case .invalidScenario(let context, let errors): "\(context): invalid\n\(errors.description)"
    case .invalidSetting(let message): message
    }
  }
}
