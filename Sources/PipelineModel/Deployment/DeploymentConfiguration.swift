import Randomness
import SimulationKernel

/// One CodeDeploy deployment of the order processor (SCENARIO.md "Additions" `deployments`):
/// when it starts, how CodeDeploy shifts the alias (aws-behaviour.md §6 "CodeDeploy Lambda
/// predefined configs"), how the new version behaves, the alarms that stop it and whether it
/// rolls back (§6 "Alarm-triggered automatic rollback"), and its hooks (§6 "How traffic is
/// shifted").
///
/// `start` is set by whoever knows it: the scenario's `at:`, or, for `after_build: true`, the
/// delivery pipeline once its build has succeeded (DESIGN.md "A run with a delivery
/// pipeline"). A deployment whose `start` is still unknown (`after_build` and no delivery
/// result filled it in) never starts.
public struct DeploymentConfiguration: Sendable, Equatable {
  public var name: String
  /// When CodeDeploy is asked to deploy (simulated time from the start of the run); `nil` until
  /// known for an `after_build` deployment.
  public var start: SimTime?
  /// Started by the delivery pipeline when its build succeeds (SCENARIO.md `after_build: true`).
  public var afterBuild: Bool = false
  public var strategy: DeploymentStrategy = .allAtOnce
  public var release = ReleaseBehaviour()
  public var alarms: [DeploymentAlarm] = []
  /// §6 "Alarm-triggered automatic rollback": on ALARM, CodeDeploy stops the deployment and,
  /// when this is on, sends all traffic back to the original version.
  public var autoRollback: Bool = true
  public var hooks = DeploymentHooks()
  /// How long after an alarm enters ALARM CodeDeploy acts on it. AWS does not document how
  /// often CodeDeploy polls alarm state (§9 "CodeDeploy", §10 "Alarm timing"): a setting, one
  /// minute by default.
  public var alarmPollDelay: SimDuration = DeploymentConfiguration.defaultAlarmPollDelay

  public static let defaultAlarmPollDelay = SimDuration.minutes(1)

  public init(name: String, start: SimTime? = nil) {
    self.name = name
    self.start = start
  }
}

/// `deployments[].hooks`: the BeforeAllowTraffic and AfterAllowTraffic hook functions, which
/// run before the first shift and after the last one (§6 "How traffic is shifted"); CodeDeploy
/// waits for them (at most 1 h: §10 "CodeDeploy limits").
public struct DeploymentHooks: Sendable, Equatable {
  public var beforeAllowTraffic: SimDuration = .zero
  public var afterAllowTraffic: SimDuration = .zero
  /// §10 "CodeDeploy limits": hooks must report within 1 h.
  public static let limit = SimDuration.hours(1)

  public init(beforeAllowTraffic: SimDuration = .zero, afterAllowTraffic: SimDuration = .zero) {
    self.beforeAllowTraffic = beforeAllowTraffic
    self.afterAllowTraffic = afterAllowTraffic
  }
}
