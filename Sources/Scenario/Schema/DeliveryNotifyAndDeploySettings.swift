import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// The keys of `delivery.deploy`: a `deployments` entry's, less name and start.
  static let deployKeys = DeploymentSyntax.keys.filter { !["name", "at", "after_build"].contains($0) }

  /// `delivery.notify` (§6 "SNS e-mail subscription") and `delivery.deploy` (§6 "CodeDeploy
  /// Lambda predefined configs").
  static let deliveryNotifyAndDeploySettings: [Setting] = [
    Setting("delivery.notify", inner: ["on_failure", "delay"]) { d, v, c in
      guard let fields = d.mapping(v, allowed: ["on_failure", "delay"]) else { return }
      if let on = fields["on_failure"] {
        guard let x = d.bool(on) else { return }
        c.delivery?.notify.onFailure = x
      }
      if let delay = fields["delay"], let x = d.distribution(delay, .duration) { c.delivery?.notify.delay = x }
    } render: { c in
      guard let n = c.delivery?.notify else { return "null" }
      return "{on_failure: \(n.onFailure), delay: \(DistributionSyntax.render(n.delay, .duration))}"
    },

    // As a `deployments` entry (SCENARIO.md "Additions"), without `name`, `at` and `after_build`:
    // every release is deployed this way when its build succeeds.
    Setting("delivery.deploy", inner: deployKeys) { d, v, c in
      guard case .mapping(var mapping) = v.node else {
        d.mustBe(v, "a mapping with keys " + Suggestions.list(deployKeys, conjunction: "and"))
        return
      }
      var ok = true
      for entry in mapping.entries where ["name", "at", "after_build"].contains(entry.key) {
        d.report(
          .error, at: entry.keyLocation, path: "delivery.deploy.\(entry.key)",
          "not allowed here: each release is named and deployed by the delivery pipeline when its build succeeds (keys here: \(deployKeys.joined(separator: ", ")))",
          found: entry.key, allowed: deployKeys.joined(separator: ", "))
        ok = false
      }
      guard ok else { return }
      let location = mapping.location
      mapping.entries.append(
        .init(
          key: "after_build", keyLocation: location,
          value: .scalar(.init(text: "true", isPlain: true, location: location))))
      if var x = d.deployment(Value(node: .mapping(mapping), path: v.path), index: 0) {
        x.name = "release"
        c.delivery?.deploy.template = x
      }
    } render: { c in
      guard let template = c.delivery?.deploy.template else { return "null" }
      return DeploymentSyntax.render(template).replacingOccurrences(of: "name: release, after_build: true, ", with: "")
    },
  ]
}
