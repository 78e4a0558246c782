import PipelineModel

/// One line of a scenario's effective settings: every key of the format with the value a run
/// uses and where that value came from, in SCENARIO.md order. Reports print them so that a
/// result can be traced to its inputs; each `key_path = value` line is also a valid
/// `--set key_path=value`.
public struct EffectiveSetting: Sendable, Hashable, CustomStringConvertible {
  public enum Origin: Sendable, Hashable {
    /// Not written anywhere: AWS's default (SCENARIO.md).
    case `default`
    /// Written in the scenario file.
    case file
    /// Given with `--set` (or `--seed`).
    case commandLine
    /// Set by the variant.
    case variant
    /// Read from the Terraform plan or state named in the scenario's `terraform:` section.
    case terraform(address: String, attribute: String)

    /// `summary.json`'s `source` (SCENARIO.md "Additions"): `default`, `file`, `set`,
    /// `variant` or `terraform:<resource address>.<attribute>`.
    public var source: String {
      switch self {
      case .default: "default"
      case .file: "file"
      case .commandLine: "set"
      case .variant: "variant"
      case .terraform(let address, let attribute): "terraform:\(address).\(attribute)"
      }
    }
  }

  /// Dotted key path, e.g. `event_source.batch_size`.
  public var keyPath: String
  /// Canonical YAML flow text of the value (`30s`, `256KiB`, `null`, `{dist: …}`).
  public var value: String
  public var origin: Origin

  public init(keyPath: String, value: String, origin: Origin) {
    self.keyPath = keyPath
    self.value = value
    self.origin = origin
  }

  /// `key_path = value`.
  public var description: String { "\(keyPath) = \(value)" }

  /// The settings of `configuration`, one per key of the format, in SCENARIO.md order.
  /// `origin` says where each one came from.
  static func list(_ configuration: PipelineConfiguration, origin: (String) -> Origin) -> [EffectiveSetting] {
    // Without a delivery pipeline its keys are not settings of the run (and outputs of scenarios
    // without one stay as they were).
    ScenarioSchema.settings.filter {
      $0.isListed(configuration) && (configuration.delivery != nil || !ScenarioSchema.isDeliveryKey($0.path))
    }.map { setting in
      EffectiveSetting(keyPath: setting.path, value: setting.render(configuration), origin: origin(setting.path))
    }
  }
}
