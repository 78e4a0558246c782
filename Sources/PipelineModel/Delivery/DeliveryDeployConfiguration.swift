import SimulationKernel

/// `delivery.deploy`: how each successful build is deployed, written as a `deployments` entry
/// without its name and start (SCENARIO.md "Additions"): the CodeDeploy configuration, the
/// release's behaviour, alarms, rollback and hooks. The delivery pipeline fills in a name and
/// the release time for every release.
public struct DeliveryDeployConfiguration: Sendable, Equatable {
  public var template: DeploymentConfiguration = {
    var d = DeploymentConfiguration(name: "release")
    d.afterBuild = true
    return d
  }()

  public init() {}

  /// From the deployment's start to its end when no alarm stops it: the hooks and the shift
  /// (``TrafficShiftSchedule/length``).
  public var nominalLength: SimDuration {
    template.hooks.beforeAllowTraffic + template.strategy.schedule.length + template.hooks.afterAllowTraffic
  }
}
