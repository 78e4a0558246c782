import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `deployments`: CodeDeploy deployments of the order processor (SCENARIO.md "Additions";
  /// aws-behaviour.md §6, §10). A list, read whole by ``DeploymentSyntax``; listed among the
  /// effective settings only when the scenario has one, so a scenario without deployments
  /// reports exactly what it did before.
  static let deploymentSettings: [Setting] = [
    Setting("deployments", listed: { !$0.deployments.isEmpty }) { d, v, c in
      if let x = d.deployments(v) { c.deployments = x }
    } render: { c in
      DeploymentSyntax.render(c.deployments)
    }
  ]
}
