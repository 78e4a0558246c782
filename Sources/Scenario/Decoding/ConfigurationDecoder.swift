import PipelineModel
import SimulationKernel

/// Turns one merged scenario tree (file + `--set` arguments, + a variant's settings) into a
/// `PipelineConfiguration`: walks the tree against the schema (unknown keys, wrong shapes),
/// decodes every present setting in SCENARIO.md order, then checks required keys and the
/// combinations AWS rejects or advises against.
struct ConfigurationDecoder {
  /// The settings present in the tree, by path, and the sections, by path.
  private(set) var leaves: [String: Value] = [:]
  private(set) var sectionKeys: [String: SourceLocation] = [:]
  let file: ScenarioSource

  init(file: ScenarioSource) { self.file = file }

  /// Decodes `root` (a mapping) into a configuration; problems go to `d`.
  mutating func decode(_ root: ScenarioNode, _ d: inout ValueDecoder) -> PipelineConfiguration {
    if case .mapping(let mapping) = root { d.deliveryPresent = mapping["delivery"] != nil }
    collect(Value(node: root, path: ""), section: "", d: &d)
    var configuration = PipelineConfiguration(name: "", duration: .zero, traffic: TrafficConfiguration(baseline: 0))
    if hasDelivery { configuration.delivery = DeliveryConfiguration() }
    for setting in ScenarioSchema.settings {
      if let value = leaves[setting.path] { setting.decode(&d, value, &configuration) }
    }
    // Defaults AWS changed over time follow `start` where nothing sets them (§1, §2).
    DateRules.applyDefaults(to: &configuration, isSet: isPresent)
    checkRequired(configuration, &d)
    ConsistencyRules.check(configuration, locate: locate, &d)
    return configuration
  }

  /// The first of `paths` that the tree sets, with where (a setting's value, or a section's
  /// key), for pointing a diagnostic at the key that matters; the first path and the file
  /// when none is set (the defaults are in conflict).
  func locate(_ paths: [String]) -> (path: String, location: SourceLocation) {
    for path in paths {
      if let value = leaves[path] { return (path, value.node.location) }
      if let key = sectionKeys[path] { return (path, key) }
    }
    return (paths.first ?? "", SourceLocation(source: file))
  }

  /// Whether the tree has a `delivery:` section (or sets one of its keys).
  var hasDelivery: Bool {
    sectionKeys[ScenarioSchema.deliveryKey] != nil
      || leaves.keys.contains { $0.hasPrefix(ScenarioSchema.deliveryKey + ".") }
  }

  /// Whether the tree sets `path` (a setting).
  func isPresent(_ path: String) -> Bool { leaves[path] != nil }

  // MARK: - The tree walk

  private mutating func collect(_ v: Value, section: String, d: inout ValueDecoder) {
    guard case .mapping(let mapping) = v.node else {
      if v.node.isNull { return }  // `slo:` with nothing under it
      let keys = ScenarioSchema.keys(in: section)
      d.mustBe(v, "a mapping with keys " + keys.joined(separator: ", "))
      return
    }
    let allowed = ScenarioSchema.keys(in: section)
    for entry in mapping.entries {
      let path = section.isEmpty ? entry.key : "\(section).\(entry.key)"
      let child = Value(node: entry.value, path: path)
      if ScenarioSchema.setting(path) != nil {
        leaves[path] = child
      } else if ScenarioSchema.isSection(path) {
        sectionKeys[path] = entry.keyLocation
        collect(child, section: path, d: &d)
      } else if section.isEmpty && (entry.key == ScenarioSchema.variantsKey || entry.key == ScenarioSchema.terraformKey)
      {
        continue  // read by `VariantReader` and `TerraformSection`
      } else {
        d.unknownKey(
          entry.key, at: entry.keyLocation, path: path, allowed: allowed,
          elsewhere: ScenarioSchema.pathEnding(with: entry.key, outside: section))
      }
    }
  }

  // MARK: - Required keys

  private func checkRequired(_ c: PipelineConfiguration, _ d: inout ValueDecoder) {
    func missing(_ path: String, in section: String?, _ message: String) {
      let location = section.flatMap { sectionKeys[$0] } ?? SourceLocation(source: file)
      d.report(.error, at: location, path: path, message)
    }
    if !isPresent("name") {
      missing(
        "name", in: nil, "missing: every scenario needs a name, which names its report folder (e.g. name: black-friday)"
      )
    }
    if !isPresent("duration") {
      missing("duration", in: nil, "missing: every scenario needs the simulated horizon (e.g. duration: 5d)")
    }
    let baselineGiven = leaves["traffic.baseline"].map { !$0.node.isNull } ?? false
    let traceGiven = leaves["traffic.trace"].map { !$0.node.isNull } ?? false
    if let lead = leaves["slo.p95_lead_time"], !lead.node.isNull, !hasDelivery {
      d.report(
        .error, at: lead.node.location, path: "slo.p95_lead_time",
        "needs a delivery: section (the lead time is the delivery pipeline's, commit to deployed)")
    }
    // A delivery pipeline alone needs no order traffic (SCENARIO.md "Additions").
    if !baselineGiven && !traceGiven && !hasDelivery {
      missing(
        "traffic.baseline", in: "traffic",
        "missing: set traffic.baseline (orders per second before the profile, e.g. 80/s) or traffic.trace (a CSV of time_s,orders)"
      )
    }
  }
}
