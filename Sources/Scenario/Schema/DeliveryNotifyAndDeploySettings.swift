import PipelineModel
import SimulationKernel

extension ScenarioSchema {
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

    Setting("delivery.deploy", inner: ["config", "hooks"]) { d, v, c in
      guard let fields = d.mapping(v, allowed: ["config", "hooks"]) else { return }
      if let config = fields["config"], let x = d.trafficShift(config) { c.delivery?.deploy.shift = x }
      if let hooks = fields["hooks"] {
        let keys = ["before_allow_traffic", "after_allow_traffic"]
        guard let h = d.mapping(hooks, allowed: keys) else { return }
        // §10 "CodeDeploy limits": hooks must report within 1 h.
        if let x = h["before_allow_traffic"].flatMap({ d.duration($0, .zero...SimDuration.hours(1)) }) {
          c.delivery?.deploy.beforeAllowTraffic = x
        }
        if let x = h["after_allow_traffic"].flatMap({ d.duration($0, .zero...SimDuration.hours(1)) }) {
          c.delivery?.deploy.afterAllowTraffic = x
        }
      }
    } render: { c in
      guard let deploy = c.delivery?.deploy else { return "null" }
      return "{config: \(TrafficShiftSyntax.render(deploy.shift)), hooks: {before_allow_traffic: "
        + "\(Units.render(deploy.beforeAllowTraffic)), after_allow_traffic: \(Units.render(deploy.afterAllowTraffic))}}"
    },
  ]
}
