import PipelineModel

/// The report's deployments section (SCENARIO.md "Additions"): for each deployment a timeline
/// (start, each shift, alarm, rollback or completion), what ran on each version, and what a
/// bad release cost — failed invocations, extra receives, valid orders pushed to the DLQ and
/// the latency added. Empty for a run without deployments.
enum DeploymentsMarkdown {
  static func render(_ r: RunResult, time: ReportTime) -> String {
    let c = r.configuration
    guard !c.deployments.isEmpty else { return "" }
    let n = NumberFormat.self
    let decoupled = c.architecture == .decoupled
    var md = "## Deployments\n\n"
    md +=
      "CodeDeploy shifts the function's alias from the original version to the new one; the event source mapping picks a version per batch\(decoupled ? "" : " (here: per request)"), with the alias weight's probability. Alarms are evaluated on CloudWatch's one-minute datapoints, which arrive a minute late; CodeDeploy acts on an alarm its poll delay later.\n\n"
    for (record, deployment) in zip(r.deployments, c.deployments) {
      md += "### `\(record.name)`: \(outcomeText(record.outcome)) (`\(record.config)`)\n\n"
      var timeline = MarkdownTable(columns: [.left("time"), .left("event")])
      for step in record.timeline {
        timeline.append([time.label(step.seconds, withSeconds: true), stepText(step, deployment)])
      }
      if record.timeline.isEmpty { timeline.append(["–", "not requested before the end of the run"]) }
      md += timeline.render() + "\n"
      guard record.startSeconds != nil else { continue }
      var versions = MarkdownTable(columns: [
        .left(""), .right("original version, while deploying"), .right("new version, over the run"),
      ])
      versions.append([
        "invocations", n.grouped(record.oldVersionInvocations), n.grouped(record.newVersionInvocations),
      ])
      versions.append([
        decoupled ? "messages (orders) handed to it" : "requests", n.grouped(record.oldVersionMessages),
        n.grouped(record.newVersionMessages),
      ])
      versions.append(["failed invocations (threw or timed out)", "–", n.grouped(record.newVersionErrors)])
      versions.append(["peak alias weight", "", n.percent(record.maxNewVersionShare, decimals: 0)])
      md += versions.render() + "\n"
      if record.newVersionErrors > 0 {
        md += cost(record, configuration: c) + "\n"
        if record.outcome == .succeeded {
          md +=
            "⚠️ The deployment was over before its alarms could see the errors (CloudWatch's datapoints arrive a minute after their minute, and CodeDeploy watches alarms only while it deploys): the release stayed the function's version. An AfterAllowTraffic hook that waits a few minutes, or a canary, gives the alarm time.\n\n"
        }
      }
    }
    if decoupled && r.dlqValidFromReleaseErrors > 0 {
      md +=
        "**\(n.grouped(r.dlqValidFromReleaseErrors)) valid orders were pushed into the DLQ** by the release's errors (their last receive failed on the new version).\n\n"
    }
    return md
  }

  static func cost(_ record: DeploymentRecord, configuration c: PipelineConfiguration) -> String {
    let n = NumberFormat.self
    if c.architecture == .synchronous {
      return
        "What the release cost: **\(n.grouped(record.newVersionErrors)) failed invocations**, each an error returned to a customer, who retries up to \(c.orders.clientRetries) times.\n"
    }
    let vt = c.queue.visibilityTimeout.seconds
    var text =
      "What the release cost: **\(n.grouped(record.newVersionErrors)) failed invocations**; **\(n.grouped(record.returnedMessages)) messages returned to the queue**, each received again (an extra receive, a step closer to the DLQ"
    text += c.queue.maxReceiveCount.map { " after \($0) receives" } ?? ""
    text +=
      "); **latency added**: each returned message reached the table at least the \(n.duration(seconds: vt)) visibility timeout later than on the original version, as it waited that long to be received again.\n"
    return text
  }

  static func outcomeText(_ outcome: DeploymentRecord.Outcome) -> String {
    switch outcome {
    case .succeeded: "✅ succeeded"
    case .rolledBack: "↩️ rolled back"
    case .stopped: "⛔ stopped on an alarm (no automatic rollback)"
    case .runningAtEnd: "⏳ still running at the end"
    case .waitingAtEnd: "⏳ still waiting for the previous deployment at the end"
    case .notStarted: "not started"
    }
  }

  static func stepText(_ step: DeploymentRecord.Step, _ d: DeploymentConfiguration) -> String {
    let n = NumberFormat.self
    switch step.kind {
    case .requested: return "requested"
    case .started:
      let hook = d.hooks.beforeAllowTraffic
      return hook > .zero
        ? "started: BeforeAllowTraffic hook (\(n.duration(seconds: hook.seconds)))" : "started"
    case .shift(let weight):
      return weight >= 1
        ? "alias: 100% to the new version" : "alias: \(n.percent(weight, decimals: 0)) to the new version"
    case .alarm(let metric): return "alarm on `\(metric)` goes to ALARM"
    case .rolledBack: return "CodeDeploy stops the deployment and rolls back: 100% to the original version"
    case .stopped: return "CodeDeploy stops the deployment (no automatic rollback: the alias stays as it is)"
    case .succeeded:
      let hook = d.hooks.afterAllowTraffic
      return hook > .zero
        ? "succeeded, after the AfterAllowTraffic hook (\(n.duration(seconds: hook.seconds)))" : "succeeded"
    }
  }
}
