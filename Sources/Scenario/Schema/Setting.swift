import PipelineModel

/// One key of the scenario format: its dotted path, how its value is read into a
/// `PipelineConfiguration`, and how the configuration's value is written back in canonical form.
///
/// The list of settings (`ScenarioSchema.settings`) is the single source of truth for the
/// format: the tree walk (unknown keys and did-you-mean), `--set` paths, variants and the
/// effective-settings listing are all derived from it, in SCENARIO.md order.
struct Setting: Sendable {
  /// Dotted key path, e.g. `event_source.batch_size`.
  let path: String
  /// For values that are mappings of their own (a distribution, `traffic.diurnal`), the keys a
  /// `--set` path may reach into (`--set lambda.cold_start.median=200ms`).
  let innerKeys: [String]
  /// Reads the value (reporting problems to the decoder) into the configuration.
  let decode: @Sendable (inout ValueDecoder, Value, inout PipelineConfiguration) -> Void
  /// The configuration's value, as a YAML flow value that reads back to the same setting.
  let render: @Sendable (PipelineConfiguration) -> String
  /// Whether the effective settings list this key for a configuration: a key added after the
  /// first round (`deployments`) is listed only when used, so older scenarios report as before.
  let isListed: @Sendable (PipelineConfiguration) -> Bool

  init(
    _ path: String, inner innerKeys: [String] = [],
    listed isListed: @escaping @Sendable (PipelineConfiguration) -> Bool = { _ in true },
    decode: @escaping @Sendable (inout ValueDecoder, Value, inout PipelineConfiguration) -> Void,
    render: @escaping @Sendable (PipelineConfiguration) -> String
  ) {
    self.path = path
    self.innerKeys = innerKeys
    self.decode = decode
    self.render = render
    self.isListed = isListed
  }

  /// The last component of the path (`batch_size`).
  var key: String { String(path.split(separator: ".").last!) }
  /// The enclosing section (`event_source`; empty for top-level keys).
  var section: String {
    guard let dot = path.lastIndex(of: ".") else { return "" }
    return String(path[..<dot])
  }
}
