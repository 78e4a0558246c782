/// The `terraform:` section of a scenario file: reads the plan or state it names and merges
/// the settings found there into the scenario's tree *under* the file's own keys, so the
/// precedence is AWS's defaults < the plan < the file < `--set` (SCENARIO.md "Additions").
///
/// Values from the plan go through the same decoding and the same AWS rules as values written
/// in the file, so a plan value AWS would reject is an error and one AWS advises against is a
/// warning, each located at the plan's path and JSON path.
enum TerraformSection {
  /// Reads `section` (the value of `terraform:`), maps the plan, and sets its values in `root`
  /// where the file does not set them. Problems go to `d`.
  ///
  /// - Parameter suppliedPaths: key paths the `--set` arguments give (they may supply a value
  ///   the plan knows only after apply).
  /// - Returns: the settings taken from the plan, by key path.
  static func merge(
    _ section: ScenarioNode, into root: inout ScenarioNode, suppliedPaths: [String], _ d: inout ValueDecoder
  ) -> [String: TerraformSetting] {
    guard let selection = readSelection(Value(node: section, path: ScenarioSchema.terraformKey), &d) else { return [:] }
    let document: TerraformDocument
    switch TerraformDocument.read(path: selection.plan) {
    case .failure(let problem):
      let location = SourceLocation(source: .terraform(file: selection.plan, jsonPath: problem.jsonPath))
      d.report(.error, at: location, path: "terraform.plan", problem.message)
      return [:]
    case .success(let read): document = read
    }
    let pipeline = TerraformDeliveryUse(root)
    var choices = selection
    choices.simulatesBuild = pipeline.uses("delivery.build.system")
    choices.simulatesDeploy = pipeline.hasDelivery || pipeline.hasDeployments
    let mapping = TerraformMapping.map(document, selection: choices)
    d.diagnostics += mapping.diagnostics
    if mapping.hasErrors { return [:] }

    var taken: [String: TerraformSetting] = [:]
    let fileHasDeploy = root.value(at: ["delivery", "deploy"]) != nil
    var unused: [TerraformSetting] = []
    for setting in mapping.settings {
      let toDeployments = pipeline.hasDeployments && TerraformMapping.deployKeyPaths.contains(setting.keyPath)
      if !pipeline.uses(setting.keyPath) && !toDeployments {
        unused.append(setting)
        continue
      }
      let components = setting.keyPath.split(separator: ".").map(String.init)
      let inFile = root.value(at: components[...]) != nil  // the file's own key wins
      if inFile && !toDeployments { continue }
      let location = SourceLocation(source: .terraform(file: document.path, jsonPath: setting.jsonPath))
      guard let text = setting.value else {
        if suppliedPaths.contains(setting.keyPath) { continue }
        d.report(
          .error, at: location, path: setting.keyPath,
          "\(setting.address).\(setting.attribute) is known only after apply in \(document.path); "
            + "set \(setting.keyPath) in the scenario file or with --set \(setting.keyPath)=VALUE")
        continue
      }
      var problems: [ScenarioDiagnostic] = []
      guard let node = YAMLReader.parse(text, source: location.source, diagnostics: &problems), problems.isEmpty else {
        d.report(.error, at: location, path: setting.keyPath, "cannot read \(text) as a scenario value")
        continue
      }
      if toDeployments {
        let key = components[components.count - 1]
        // Each entry's key filled from the plan is a setting of its own (`deployments[0].config`).
        for i in root.setInDeployments(node, key: key, keyLocation: location) {
          taken["deployments[\(i)].\(key)"] = setting
        }
      }
      guard pipeline.uses(setting.keyPath), !inFile else { continue }
      root.set(node, at: components[...], keyLocation: location, isSection: ScenarioSchema.isSection)
      taken[setting.keyPath] = setting
      // `delivery.deploy` is one setting: when the file does not write it, its source is the
      // first of its keys the plan gives; each key the plan fills is listed after it too.
      if setting.keyPath.hasPrefix("delivery.deploy."), !fileHasDeploy, taken["delivery.deploy"] == nil {
        taken["delivery.deploy"] = setting
      }
    }
    pipeline.reportUnused(unused, in: document, &d)
    return taken
  }

  /// The section's keys: `plan` (required, relative to the scenario's folder), `queue`,
  /// `function`, `table`, `build_project`, `deployment_group` (resource addresses or null).
  static func readSelection(_ v: Value, _ d: inout ValueDecoder) -> TerraformSelection? {
    guard let fields = d.mapping(v, allowed: TerraformSelection.keys, required: ["plan"]) else { return nil }
    guard let planValue = fields["plan"], let plan = d.string(planValue) else { return nil }
    var selection = TerraformSelection(plan: TraceFile.resolve(plan, relativeTo: d.scenarioDirectory))
    func choice(_ key: String) -> TerraformSelection.Choice? {
      guard let value = fields[key], !value.node.isNull, let address = d.string(value) else { return nil }
      return TerraformSelection.Choice(address: address, location: value.node.location, keyPath: value.path)
    }
    selection.queue = choice("queue")
    selection.function = choice("function")
    selection.table = choice("table")
    selection.buildProject = choice("build_project")
    selection.deploymentGroup = choice("deployment_group")
    return selection
  }
}

extension ScenarioNode {
  /// The value at a dotted path of mappings, if the tree sets it.
  func value(at path: ArraySlice<String>) -> ScenarioNode? {
    guard let key = path.first else { return self }
    guard case .mapping(let mapping) = self, let child = mapping[key] else { return nil }
    return child.value(at: path.dropFirst())
  }
}
