import PipelineModel
import SimulationKernel

/// The syntax of one `deployments:` entry (SCENARIO.md "Additions"), its limits and its
/// canonical rendering. Every limit cites its row of aws-behaviour.md.
enum DeploymentSyntax {
  static let keys = [
    "name", "at", "after_build", "config", "release", "alarms", "auto_rollback", "hooks", "alarm_poll_delay",
  ]
  static let releaseKeys = ["error_rate", "duration_factor", "cold_start"]
  static let alarmKeys = ["metric", "threshold", "period", "evaluation_periods", "datapoints_to_alarm"]
  static let hookKeys = ["before_allow_traffic", "after_allow_traffic"]
  static let customKinds = ["canary", "linear"]
  static let customKeys = ["percent", "interval"]
  /// §10 "CodeDeploy limits": at most 2,880 minutes between the first shift and the last.
  static let longestShift = SimDuration.minutes(2_880)
  /// CloudWatch: evaluation periods × period at most one day.
  static let longestEvaluation = SimDuration.days(1)

  static var configNames: [String] { DeploymentStrategy.predefined.map(\.name) }

  /// `[{name: …, at: …, config: …, …}]`, every key written, reading back to the same list.
  static func render(_ deployments: [DeploymentConfiguration]) -> String {
    "[" + deployments.map(render).joined(separator: ", ") + "]"
  }

  static func render(_ d: DeploymentConfiguration) -> String {
    var parts = ["name: \(YAMLText.string(d.name))"]
    if d.afterBuild {
      parts.append("after_build: true")
    } else if let start = d.start {
      parts.append("at: \(Units.render(start - .zero))")
    }
    parts.append("config: \(render(d.strategy))")
    let cold = d.release.coldStart.map { DistributionSyntax.render($0, .duration) } ?? "null"
    parts.append(
      "release: {error_rate: \(Units.renderNumber(d.release.errorRate)), duration_factor: \(Units.renderNumber(d.release.durationFactor)), cold_start: \(cold)}"
    )
    parts.append("alarms: [" + d.alarms.map(render).joined(separator: ", ") + "]")
    parts.append("auto_rollback: \(d.autoRollback)")
    parts.append(
      "hooks: {before_allow_traffic: \(Units.render(d.hooks.beforeAllowTraffic)), after_allow_traffic: \(Units.render(d.hooks.afterAllowTraffic))}"
    )
    parts.append("alarm_poll_delay: \(Units.render(d.alarmPollDelay))")
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func render(_ strategy: DeploymentStrategy) -> String {
    if let name = strategy.predefinedName { return name }
    switch strategy {
    case .allAtOnce: return "all_at_once"
    case .canary(let p, let interval): return "{canary: {percent: \(p), interval: \(Units.render(interval))}}"
    case .linear(let p, let interval): return "{linear: {percent: \(p), interval: \(Units.render(interval))}}"
    }
  }

  static func render(_ a: DeploymentAlarm) -> String {
    "{metric: \(a.metric.rawValue), threshold: \(Units.renderNumber(a.threshold)), period: \(Units.render(a.period)), evaluation_periods: \(a.evaluationPeriods), datapoints_to_alarm: \(a.datapointsToAlarm)}"
  }
}

extension ValueDecoder {
  /// The `deployments:` list; `nil` after a problem (every problem of every entry reported).
  mutating func deployments(_ v: Value) -> [DeploymentConfiguration]? {
    guard let items = list(v, of: "deployments {name: release-42, at: 30h, config: canary_10_percent_5_minutes}")
    else { return nil }
    var result: [DeploymentConfiguration] = []
    var ok = true
    var names: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      guard let deployment = deployment(item, index: index) else {
        ok = false
        continue
      }
      if let first = names[deployment.name] {
        error(
          item.child("name", item.node),
          "deployment names must be unique: '\(deployment.name)' is also deployments[\(first)]",
          found: deployment.name)
        ok = false
        continue
      }
      names[deployment.name] = index
      result.append(deployment)
    }
    return ok ? result : nil
  }

  mutating func deployment(_ v: Value, index: Int) -> DeploymentConfiguration? {
    guard let f = mapping(v, allowed: DeploymentSyntax.keys) else { return nil }
    var ok = true
    var d = DeploymentConfiguration(name: "deployment-\(index + 1)")
    if let name = f["name"] {
      if let x = folderName(name) { d.name = x } else { ok = false }
    }
    if let afterBuild = f["after_build"] {
      if let x = bool(afterBuild) {
        d.afterBuild = x
        if x && !deliveryPresent {
          error(
            afterBuild,
            "after_build: true needs a delivery section (the delivery pipeline starts the deployment when its build succeeds); without one, give the start time with at:",
            found: "true", allowed: "at: DURATION")
          ok = false
        }
      } else {
        ok = false
      }
    }
    if let at = f["at"] {
      if d.afterBuild {
        error(at, "give either at: or after_build: true, not both", found: at.node.foundDescription)
        ok = false
      } else if let x = duration(at, .zero...SimDuration.days(366)) {
        d.start = .zero + x
      } else {
        ok = false
      }
    } else if !d.afterBuild {
      error(
        v, "missing 'at' (when the deployment starts, e.g. at: 30h\(deliveryPresent ? ", or after_build: true" : ""))",
        allowed: "at: DURATION")
      ok = false
    }
    if let config = f["config"] {
      if let x = deploymentStrategy(config) { d.strategy = x } else { ok = false }
    }
    if let release = f["release"] {
      if let x = releaseBehaviour(release) { d.release = x } else { ok = false }
    }
    if let alarms = f["alarms"] {
      if let items = list(alarms, of: "alarms {metric: errors, threshold: 10}") {
        for item in items {
          if let alarm = deploymentAlarm(item) { d.alarms.append(alarm) } else { ok = false }
        }
      } else {
        ok = false
      }
    }
    if let rollback = f["auto_rollback"] {
      if let x = bool(rollback) { d.autoRollback = x } else { ok = false }
    }
    if let hooks = f["hooks"] {
      if let x = deploymentHooks(hooks) { d.hooks = x } else { ok = false }
    }
    if let poll = f["alarm_poll_delay"] {
      if let x = duration(poll, .zero...SimDuration.hours(1)) { d.alarmPollDelay = x } else { ok = false }
    }
    return ok ? d : nil
  }

  /// A predefined configuration name (with a did-you-mean) or `{canary|linear: {percent, interval}}`.
  mutating func deploymentStrategy(_ v: Value) -> DeploymentStrategy? {
    let names = DeploymentSyntax.configNames
    let allowed = Suggestions.list(
      names + ["{canary: {percent: 10, interval: 5m}}", "{linear: {percent: 10, interval: 1m}}"])
    switch v.node {
    case .scalar:
      guard let text = scalarText(v, allowed) else { return nil }
      if let strategy = DeploymentStrategy.named(text) { return strategy }
      let hint = Suggestions.nearest(to: text, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      mustBe(v, allowed, note: hint)
      return nil
    case .sequence:
      mustBe(v, allowed)
      return nil
    case .mapping(let written):
      guard written.entries.count == 1, let entry = written.entries.first else {
        mustBe(v, "one of {canary: {…}} or {linear: {…}}")
        return nil
      }
      guard DeploymentSyntax.customKinds.contains(entry.key) else {
        unknownKey(
          entry.key, at: entry.keyLocation, path: "\(v.path).\(entry.key)", allowed: DeploymentSyntax.customKinds)
        return nil
      }
      let inner = v.child(entry.key, entry.value)
      guard
        let f = mapping(inner, allowed: DeploymentSyntax.customKeys, required: DeploymentSyntax.customKeys),
        let percentValue = f["percent"], let intervalValue = f["interval"]
      else { return nil }
      // §10 "CodeDeploy limits": at most 99 % per increment; at least 1 %.
      let percent = integer(percentValue, 1...99)
      let interval = wholeMinutes(intervalValue, .minutes(1)...DeploymentSyntax.longestShift)
      guard let percent, let interval else { return nil }
      let strategy: DeploymentStrategy =
        entry.key == "canary"
        ? .canary(percent: percent, interval: interval) : .linear(percent: percent, interval: interval)
      // §10 "CodeDeploy limits": ≤ 2,880 min between the first and the last shift.
      if strategy.schedule.length > DeploymentSyntax.longestShift {
        error(
          inner,
          "shifts for \(Units.render(strategy.schedule.length)), more than CodeDeploy's 2880m (48h) between the first and the last shift",
          allowed: "a larger percent or a shorter interval")
        return nil
      }
      return strategy
    }
  }

  /// A duration in whole minutes (CodeDeploy's `TimeBasedCanary`/`TimeBasedLinear` intervals
  /// and CloudWatch periods for Lambda's one-minute metrics).
  mutating func wholeMinutes(_ v: Value, _ range: ClosedRange<SimDuration>) -> SimDuration? {
    guard let d = duration(v, range) else { return nil }
    guard d.nanoseconds % SimDuration.minutes(1).nanoseconds == 0 else {
      mustBe(v, "a whole number of minutes such as 5m", note: " (CodeDeploy and Lambda's metrics count in minutes)")
      return nil
    }
    return d
  }

  private mutating func releaseBehaviour(_ v: Value) -> ReleaseBehaviour? {
    if v.node.isNull { return ReleaseBehaviour() }
    guard let f = mapping(v, allowed: DeploymentSyntax.releaseKeys) else { return nil }
    var r = ReleaseBehaviour()
    var ok = true
    if let x = f["error_rate"] {
      if let rate = fraction(x) { r.errorRate = rate } else { ok = false }
    }
    if let x = f["duration_factor"] {
      if let factor = number(x, 0.01...100) { r.durationFactor = factor } else { ok = false }
    }
    if let x = f["cold_start"] {
      if let cold = optional(x, { $0.distribution($1, .duration) }) { r.coldStart = cold } else { ok = false }
    }
    return ok ? r : nil
  }

  private mutating func deploymentAlarm(_ v: Value) -> DeploymentAlarm? {
    guard case .mapping = v.node else {
      mustBe(v, "an alarm such as {metric: errors, threshold: 10, period: 1m}")
      return nil
    }
    guard let f = mapping(v, allowed: DeploymentSyntax.alarmKeys, required: ["metric", "threshold"]) else { return nil }
    let metric = f["metric"].flatMap { choice($0, DeploymentAlarm.Metric.self) }
    let threshold = f["threshold"].flatMap { number($0, 0...1e12) }
    var ok = metric != nil && threshold != nil
    var alarm = DeploymentAlarm(metric: metric ?? .errors, threshold: threshold ?? 0)
    if let x = f["period"] {
      if let period = wholeMinutes(x, .minutes(1)...SimDuration.days(1)) { alarm.period = period } else { ok = false }
    }
    if let x = f["evaluation_periods"] {
      if let n = integer(x, 1...1_440) { alarm.evaluationPeriods = n } else { ok = false }
    }
    if let x = f["datapoints_to_alarm"] {
      if let m = integer(x, 1...1_440) { alarm.datapointsToAlarm = m } else { ok = false }
    }
    guard ok else { return nil }
    if alarm.datapointsToAlarm > alarm.evaluationPeriods, let x = f["datapoints_to_alarm"] {
      mustBe(x, "at most evaluation_periods (\(alarm.evaluationPeriods)): M out of N datapoints")
      return nil
    }
    if alarm.period * Int64(alarm.evaluationPeriods) > DeploymentSyntax.longestEvaluation {
      error(
        v,
        "period × evaluation_periods must be at most 1 day (CloudWatch), found \(Units.render(alarm.period * Int64(alarm.evaluationPeriods)))"
      )
      return nil
    }
    return alarm
  }

  private mutating func deploymentHooks(_ v: Value) -> DeploymentHooks? {
    if v.node.isNull { return DeploymentHooks() }
    guard let f = mapping(v, allowed: DeploymentSyntax.hookKeys) else { return nil }
    var hooks = DeploymentHooks()
    var ok = true
    // §10 "CodeDeploy limits": hooks must report within 1 h.
    if let x = f["before_allow_traffic"] {
      if let d = duration(x, .zero...DeploymentHooks.limit) { hooks.beforeAllowTraffic = d } else { ok = false }
    }
    if let x = f["after_allow_traffic"] {
      if let d = duration(x, .zero...DeploymentHooks.limit) { hooks.afterAllowTraffic = d } else { ok = false }
    }
    return ok ? hooks : nil
  }
}
