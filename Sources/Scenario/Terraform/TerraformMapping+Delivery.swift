/// The delivery pipeline's resources (aws-behaviour.md §6 "CI/CD"): the CodeBuild project
/// fills `delivery.build.*`, the CodeDeploy deployment group and its configuration fill
/// `delivery.deploy.config` and `delivery.deploy.auto_rollback` (and the `deployments:`
/// entries that set neither; ``TerraformSection`` decides, since only it sees the scenario).
extension TerraformMapping {
  /// The `delivery.deploy.*` keys a deployment group gives, applied to `deployments:` entries too.
  static let deployKeyPaths = [
    "delivery.deploy.config", "delivery.deploy.alarms", "delivery.deploy.auto_rollback",
  ]

  mutating func mapDelivery(_ selection: TerraformSelection) {
    if let p = one(
      "aws_codebuild_project", chosen: selection.buildProject, needed: selection.simulatesBuild,
      what: "CodeBuild projects", choose: "build_project")
    {
      mapBuild(p)
    }
    if let g = one(
      "aws_codedeploy_deployment_group", chosen: selection.deploymentGroup, needed: selection.simulatesDeploy,
      what: "CodeDeploy deployment groups", choose: "deployment_group")
    {
      mapDeploymentGroup(g)
    }
    reportAliasWeights()
  }

  /// The resource of `type` chosen in the `terraform:` section (`chosen`), else the only one.
  /// With several and no choice: an error like two queues when the scenario simulates what
  /// they configure (`needed`), otherwise none is read, silently (nothing would use it).
  private mutating func one(
    _ type: String, chosen: TerraformSelection.Choice?, needed: Bool, what: String, choose key: String
  ) -> TerraformResource? {
    let found = document.resources(ofType: type)
    if let chosen {
      var failed = false
      return resolve(chosen, among: found, &failed)
    }
    guard found.count > 1 else { return found.first }
    if needed { several(found, what: what, choose: key) }
    return nil
  }

  // MARK: - aws_codebuild_project (§6 "CodeBuild …", §10 "CodeBuild concurrent builds")

  private mutating func mapBuild(_ p: TerraformResource) {
    add("delivery.build.system", "codebuild", from: p, "environment", at: p.path(of: "environment"))
    map(p, "concurrent_build_limit", to: "delivery.build.concurrent_build_limit", expected: "a whole number") {
      $0.integer.map(String.init)
    }
    // §6 "CodeBuild build timeout" / "queue timeout": Terraform gives minutes.
    map(p, "build_timeout", to: "delivery.build.timeout", expected: "a whole number of minutes", Self.minutes)
    map(p, "queued_timeout", to: "delivery.build.queued_timeout", expected: "a whole number of minutes", Self.minutes)
    // §10 "CodeBuild concurrent builds": the small, medium and large Linux compute types.
    guard let computeType = p.block("environment")?["compute_type"], !computeType.isNull else { return }
    let path = p.path(of: "environment") + "[0].compute_type"
    let allowed = ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"]
    guard let text = computeType.string, allowed.contains(text) else {
      error(
        at: path, keyPath: "delivery.build.compute_type",
        "\(p.address).environment.compute_type must be one of \(allowed.joined(separator: ", ")) "
          + "(the compute types peaksim models), found \(computeType.foundDescription)")
      return
    }
    add(
      "delivery.build.compute_type", text.dropFirst("BUILD_".count).lowercased(), from: p,
      "environment.compute_type", at: path)
  }

  static func minutes(_ v: TerraformJSON) -> String? { v.integer.map { "\($0)m" } }

  // MARK: - aws_codedeploy_deployment_group and _config (§6 "CodeDeploy Lambda predefined configs")

  private mutating func mapDeploymentGroup(_ g: TerraformResource) {
    mapConfigName(of: g)
    mapAlarms(of: g)
    // §6 "Alarm-triggered automatic rollback": peaksim rolls back on an alarm when the group
    // rolls back on DEPLOYMENT_STOP_ON_ALARM; no block = no automatic rollback.
    if case .known(let value, let path) = g.attribute("auto_rollback_configuration"), let list = value.array {
      let block = list.first
      let enabled = block?["enabled"] == .bool(true)
      let onAlarm = block?["events"]?.array?.contains(.string("DEPLOYMENT_STOP_ON_ALARM")) ?? false
      add(
        "delivery.deploy.auto_rollback", String(enabled && onAlarm), from: g, "auto_rollback_configuration", at: path)
    }
  }

  /// `deployment_config_name`: a predefined Lambda configuration or the name of an
  /// `aws_codedeploy_deployment_config` in the plan.
  private mutating func mapConfigName(of g: TerraformResource) {
    let key = "delivery.deploy.config"
    switch g.attribute("deployment_config_name") {
    case .absent: return
    case .unknown(let path): add(key, nil, from: g, "deployment_config_name", at: path)
    case .known(let value, let path):
      if value.isNull { return }
      let custom = document.resources(ofType: "aws_codedeploy_deployment_config")
      guard let name = value.string else {
        error(
          at: path, keyPath: key,
          "\(g.address).deployment_config_name must be a string, found \(value.foundDescription)")
        return
      }
      if let predefined = Self.predefinedConfig(name) {
        add(key, predefined, from: g, "deployment_config_name", at: path)
      } else if let c = custom.first(where: { $0.known("deployment_config_name")?.string == name }) {
        mapTrafficRouting(of: c)
      } else {
        let names = Self.lambdaConfigNames + custom.compactMap { $0.known("deployment_config_name")?.string }
        var message =
          "\(g.address).deployment_config_name names no CodeDeploy Lambda configuration peaksim knows, "
          + "found \(value.foundDescription); allowed: \(names.joined(separator: ", ")), or the name of an "
          + "aws_codedeploy_deployment_config in the plan"
        if let near = Suggestions.nearest(to: name, among: names) { message += "; did you mean '\(near)'?" }
        error(at: path, keyPath: key, message)
      }
    }
  }

  /// §6: `CodeDeployDefault.LambdaCanary10Percent5Minutes` is `canary_10_percent_5_minutes`.
  static let lambdaConfigNames = [
    "CodeDeployDefault.LambdaAllAtOnce",
    "CodeDeployDefault.LambdaCanary10Percent5Minutes", "CodeDeployDefault.LambdaCanary10Percent10Minutes",
    "CodeDeployDefault.LambdaCanary10Percent15Minutes", "CodeDeployDefault.LambdaCanary10Percent30Minutes",
    "CodeDeployDefault.LambdaLinear10PercentEvery1Minute", "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
    "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes",
  ]

  /// The scenario name of predefined configuration `name` (same order as `DeploymentStrategy.predefined`).
  static func predefinedConfig(_ name: String) -> String? {
    guard let index = lambdaConfigNames.firstIndex(of: name) else { return nil }
    return DeploymentSyntax.configNames[index]
  }

  /// §6 "– all at once": `TimeBasedCanary` / `TimeBasedLinear` with a percentage and an
  /// interval in whole minutes, or `AllAtOnce`.
  private mutating func mapTrafficRouting(of c: TerraformResource) {
    let key = "delivery.deploy.config"
    let path = c.path(of: "traffic_routing_config") + "[0]"
    guard let routing = c.block("traffic_routing_config") else {
      // No traffic routing block: CodeDeploy shifts all traffic at once.
      add(key, "all_at_once", from: c, "traffic_routing_config", at: c.path(of: "traffic_routing_config"))
      return
    }
    let kinds = [
      "TimeBasedCanary": ("canary", "time_based_canary", "canary_percentage", "canary_interval"),
      "TimeBasedLinear": ("linear", "time_based_linear", "linear_percentage", "linear_interval"),
    ]
    let type = routing["type"]?.string
    if type == "AllAtOnce" {
      add(key, "all_at_once", from: c, "traffic_routing_config", at: path + ".type")
      return
    }
    guard let type, let (kind, block, percentKey, intervalKey) = kinds[type] else {
      error(
        at: path + ".type", keyPath: key,
        "\(c.address).traffic_routing_config.type must be AllAtOnce, TimeBasedCanary or TimeBasedLinear, "
          + "found \((routing["type"] ?? .null).foundDescription)")
      return
    }
    let settings = routing[block]?[0]
    guard let percent = settings?[percentKey]?.integer, let interval = settings?[intervalKey]?.integer else {
      error(
        at: path + ".\(block)[0]", keyPath: key,
        "\(c.address).traffic_routing_config.\(block) must give whole numbers \(percentKey) and \(intervalKey) "
          + "(minutes), found \((settings?[percentKey] ?? .null).foundDescription) and "
          + "\((settings?[intervalKey] ?? .null).foundDescription)")
      return
    }
    add(
      key, "{\(kind): {percent: \(percent), interval: \(interval)m}}", from: c, "traffic_routing_config",
      at: path + ".\(block)[0]")
  }

  // MARK: - aws_lambda_alias (§6 "How traffic is shifted")

  /// A plan captured mid-shift: the alias weights another version; peaksim starts every run
  /// with all traffic on the primary version.
  private mutating func reportAliasWeights() {
    for a in document.resources(ofType: "aws_lambda_alias") {
      guard case .object(let weights)? = a.block("routing_config")?["additional_version_weights"], !weights.isEmpty
      else { continue }
      let found = weights.keys.sorted().map { version in
        let weight = weights[version]?.number ?? 0
        return "version \(version) weighted \(Units.renderNumber(weight)) (\(Units.renderNumber(weight * 100)) %)"
      }
      warning(
        at: a.path(of: "routing_config") + "[0].additional_version_weights", keyPath: nil,
        Self.unmodelledPrefix + "\(a.address).routing_config: the plan was captured mid-shift, "
          + "\(found.joined(separator: ", ")); peaksim starts from 100 % on the primary version "
          + "(a deployments: entry shifts traffic)")
    }
  }
}
