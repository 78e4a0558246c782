/// Whether the scenario simulates what the plan's delivery resources describe: `delivery.*`
/// keys from the plan are set only in a scenario with a `delivery:` section (the section is
/// optional, and adding it would start simulating a pipeline), CodeBuild's only when the build
/// system is CodeBuild. The deployment group's configuration also goes to every
/// `deployments:` entry that does not set its own (aws-behaviour.md §6 "CodeDeploy Lambda
/// predefined configs").
struct TerraformDeliveryUse {
  let hasDelivery: Bool
  let hasDeployments: Bool
  let isJenkins: Bool

  init(_ root: ScenarioNode) {
    hasDelivery = root.value(at: [ScenarioSchema.deliveryKey]) != nil
    if case .sequence(let items, _)? = root.value(at: ["deployments"]) {
      hasDeployments = !items.isEmpty
    } else {
      hasDeployments = false
    }
    if case .scalar(let system)? = root.value(at: ["delivery", "build", "system"]) {
      isJenkins = system.text == "jenkins"
    } else {
      isJenkins = false
    }
  }

  /// Whether the scenario key `keyPath` read from the plan is set in the scenario.
  func uses(_ keyPath: String) -> Bool {
    guard keyPath.hasPrefix(ScenarioSchema.deliveryKey + ".") else { return true }
    return hasDelivery && !(isJenkins && keyPath.hasPrefix("delivery.build."))
  }

  /// One warning per resource whose settings the scenario does not use, naming them.
  func reportUnused(_ settings: [TerraformSetting], in document: TerraformDocument, _ d: inout ValueDecoder) {
    var addresses: [String] = []
    for s in settings where !addresses.contains(s.address) { addresses.append(s.address) }
    for address in addresses {
      let own = settings.filter { $0.address == address }
      let read = own.map { "\($0.keyPath) = \($0.value ?? "(known after apply)")" }.joined(separator: ", ")
      let reason =
        hasDelivery
        ? "the scenario's delivery.build.system is jenkins"
        : "the scenario has no delivery: section, so it does not simulate the pipeline this belongs to"
      d.report(
        .warning, at: SourceLocation(source: .terraform(file: document.path, jsonPath: own[0].jsonPath)), path: nil,
        TerraformMapping.unmodelledPrefix + "\(address): \(reason); the plan gives \(read)")
    }
  }
}

extension ScenarioNode {
  /// Adds `key: value` to every `deployments:` entry that does not set `key`; returns the
  /// indices of the entries it was added to.
  mutating func setInDeployments(_ value: ScenarioNode, key: String, keyLocation: SourceLocation) -> [Int] {
    guard case .mapping(var mapping) = self, let e = mapping.entries.lastIndex(where: { $0.key == "deployments" }),
      case .sequence(var items, let location) = mapping.entries[e].value
    else { return [] }
    var filled: [Int] = []
    for i in items.indices {
      guard case .mapping(var entry) = items[i], entry[key] == nil else { continue }
      entry.entries.append(Entry(key: key, keyLocation: keyLocation, value: value))
      items[i] = .mapping(entry)
      filled.append(i)
    }
    mapping.entries[e].value = .sequence(items, location)
    self = .mapping(mapping)
    return filled
  }
}
