/// The events of the CodeDeploy deployment group (aws-behaviour.md §6, §10): small payloads
/// (the deployment's index in the scenario's list), like the other components' events.
enum DeploymentEvent: Sendable {
  /// The deployment is asked for at its `at:` time; it waits while another one runs (§10
  /// "CodeDeploy limits": one deployment at a time per deployment group).
  case requested(UInt16)
  /// The BeforeAllowTraffic hook reported: traffic starts to move (§6 "How traffic is shifted").
  case beforeHookEnded(UInt16)
  /// The `shift`-th step of the schedule (§6 "CodeDeploy Lambda predefined configs").
  case shift(UInt16, shift: UInt16)
  /// The AfterAllowTraffic hook reported: the deployment succeeded.
  case afterHookEnded(UInt16)
  /// One minute of the CloudWatch grid (§10 "Alarm timing"): a datapoint is closed and the
  /// alarms are evaluated.
  case minuteTick
  /// CodeDeploy notices the alarm (its poll delay after the alarm went to ALARM) and stops the
  /// deployment, rolling it back when `auto_rollback` is on (§6 "Alarm-triggered automatic
  /// rollback").
  case alarmNoticed(UInt16)
}
