import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `delivery.build.*`: CodeBuild or Jenkins on one EC2 instance (aws-behaviour.md §6, §10).
  static let deliveryBuildSettings: [Setting] = [
    Setting("delivery.build.system") { d, v, c in
      if let x = d.choice(v, DeliveryBuildConfiguration.BuildSystem.self) { c.delivery?.build.system = x }
    } render: {
      $0.delivery?.build.system.rawValue ?? "codebuild"
    },

    Setting("delivery.build.duration", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.delivery?.build.duration = x }
    } render: {
      DistributionSyntax.render($0.delivery?.build.duration ?? .constant(0), .duration)
    },

    Setting("delivery.build.failure_rate") { d, v, c in
      if let x = d.fraction(v) { c.delivery?.build.failureRate = x }
    } render: {
      Units.renderNumber($0.delivery?.build.failureRate ?? 0)
    },

    // §6 "CodeBuild build timeout": 5 – 2,160 min, default 60 min.
    Setting("delivery.build.timeout") { d, v, c in
      if let x = d.duration(v, .minutes(5)...SimDuration.minutes(2_160)) { c.delivery?.build.timeout = x }
    } render: {
      Units.render($0.delivery?.build.timeout ?? .zero)
    },

    // §10 "CodeBuild concurrent builds": set per account, as low as 1.
    Setting("delivery.build.concurrent_builds") { d, v, c in
      if let x = d.integer(v, 1...10_000) { c.delivery?.build.concurrentBuilds = x }
    } render: {
      String($0.delivery?.build.concurrentBuilds ?? 0)
    },

    // §6 "CodeBuild concurrency and queueing": the queue holds up to 5 × the quota (`auto`).
    Setting("delivery.build.queue_limit") { d, v, c in
      if case .scalar(let s) = v.node, s.text == "auto" { c.delivery?.build.queueLimit = nil; return }
      if let x = d.integer(v, 0...50_000) { c.delivery?.build.queueLimit = x }
    } render: {
      $0.delivery?.build.queueLimit.map(String.init) ?? "auto"
    },

    // §6 "CodeBuild queue timeout": 5 min – 8 h, default 8 h.
    Setting("delivery.build.queued_timeout") { d, v, c in
      if let x = d.duration(v, .minutes(5)...SimDuration.hours(8)) { c.delivery?.build.queuedTimeout = x }
    } render: {
      Units.render($0.delivery?.build.queuedTimeout ?? .zero)
    },

    // §6 "CodeBuild phases": PROVISIONING's length is not documented (§9): a setting.
    Setting("delivery.build.provisioning", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.delivery?.build.provisioning = x }
    } render: {
      DistributionSyntax.render($0.delivery?.build.provisioning ?? .constant(0), .duration)
    },

    Setting("delivery.build.compute_type") { d, v, c in
      if let x = d.choice(v, DeliveryBuildConfiguration.ComputeType.self) { c.delivery?.build.computeType = x }
    } render: {
      $0.delivery?.build.computeType.rawValue ?? ""
    },

    // §6: a project `concurrentBuildLimit` rejects builds over it instead of queueing them.
    Setting("delivery.build.concurrent_build_limit") { d, v, c in
      if let x = d.optional(v, { $0.integer($1, 1...10_000) }) { c.delivery?.build.concurrentBuildLimit = x }
    } render: {
      $0.delivery?.build.concurrentBuildLimit.map(String.init) ?? "null"
    },

    // CodePipeline's start after a push (seconds).
    Setting("delivery.build.push_trigger_delay", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.delivery?.build.pushTriggerDelay = x }
    } render: {
      DistributionSyntax.render($0.delivery?.build.pushTriggerDelay ?? .constant(0), .duration)
    },

    // §10 "Jenkins defaults": the built-in node's numExecutors = 2.
    Setting("delivery.build.executors") { d, v, c in
      if let x = d.integer(v, 1...1_000) { c.delivery?.build.executors = x }
    } render: {
      String($0.delivery?.build.executors ?? 0)
    },

    Setting("delivery.build.trigger_delay", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.delivery?.build.triggerDelay = x }
    } render: {
      DistributionSyntax.render($0.delivery?.build.triggerDelay ?? .constant(0), .duration)
    },

    Setting("delivery.build.slowdown_per_queued_build") { d, v, c in
      if let x = d.number(v, 0...10) { c.delivery?.build.slowdownPerQueuedBuild = x }
    } render: {
      Units.renderNumber($0.delivery?.build.slowdownPerQueuedBuild ?? 0)
    },

    // `null` = a controller that never crashes.
    Setting("delivery.build.crash", inner: ["mtbf", "restart"]) { d, v, c in
      if v.node.isNull { c.delivery?.build.crashMTBF = nil; return }
      guard let fields = d.mapping(v, allowed: ["mtbf", "restart"], required: ["mtbf"]) else { return }
      guard let mtbf = d.duration(fields["mtbf"]!, .minutes(1)...SimDuration.days(3_650)) else { return }
      if let restart = fields["restart"] {
        guard let x = d.distribution(restart, .duration) else { return }
        c.delivery?.build.crashRestart = x
      }
      c.delivery?.build.crashMTBF = mtbf
    } render: { c in
      guard let build = c.delivery?.build, let mtbf = build.crashMTBF else { return "null" }
      return "{mtbf: \(Units.render(mtbf)), restart: \(DistributionSyntax.render(build.crashRestart, .duration))}"
    },

    Setting("delivery.build.instance_type") { d, v, c in
      if let x = d.choice(v, DeliveryBuildConfiguration.InstanceType.self) { c.delivery?.build.instanceType = x }
    } render: {
      $0.delivery?.build.instanceType.rawValue ?? ""
    },
  ]
}
