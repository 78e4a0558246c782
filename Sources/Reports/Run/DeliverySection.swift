import PipelineModel

/// report.md's delivery section (issue 15): lead time, queue waits, what happened to the
/// builds, the failure e-mail, deployments, the scheduled hotfixes and a month of each system.
enum DeliverySection {
  static func render(_ r: RunResult) -> String {
    guard let d = r.delivery, let c = r.configuration.delivery else { return "" }
    let n = NumberFormat.self
    let b = d.builds
    var md = "## Delivery pipeline\n\n"
    let system =
      c.build.system == .codebuild
      ? "CodeBuild (\(c.build.computeType.rawValue), quota \(c.build.concurrentBuilds) concurrent builds, queue of \(c.build.effectiveQueueLimit))"
      : "Jenkins on one \(c.build.instanceType.rawValue) (\(c.build.executors) executors)"
    md += "Builds through **\(system)**; \(n.grouped(d.commits)) pushes (\(n.grouped(d.hotfixes)) hotfixes"
    md += d.heldByFreeze > 0 ? ", \(n.grouped(d.heldByFreeze)) held by a freeze until it ended).\n\n" : ").\n\n"

    var times = MarkdownTable(columns: [
      .left("time"), .right("count"), .right("mean"), .right("p50"), .right("p95"), .right("p99"), .right("max"),
    ])
    func row(_ name: String, _ l: LatencySummary) -> [String] {
      guard l.count > 0 else { return [name, "0", "–", "–", "–", "–", "–"] }
      return [name, n.grouped(Int(clamping: l.count))]
        + [l.mean, l.p50, l.p95, l.p99, l.max].map {
          n.duration(seconds: $0)
        }
    }
    times.append(row("lead time (push → deployed, or → failure e-mail)", d.leadTime))
    times.append(row("hotfix lead time", d.hotfixLeadTime))
    times.append(row("queue wait (queued → build starts)", d.queueWait))
    times.append(row("failed build → e-mail", d.failureNotice))
    md += times.render() + "\n"

    var builds = MarkdownTable(columns: [.left("builds"), .right("count")])
    for (name, value) in [
      ("submitted", b.submitted), ("started", b.started), ("succeeded", b.succeeded), ("failed", b.failed),
      ("lost to a controller crash (run again)", b.lost), ("rejected (queue or project limit full)", b.rejected),
      ("timed out", b.timedOut), ("of which waited past the queued timeout", b.queuedTimedOut),
      ("in progress at the end", b.inProgressAtEnd), ("deployments", d.deployments),
      ("deployments rolled back", d.deploymentsRolledBack),
    ] {
      builds.append([name, n.grouped(value)])
    }
    md += builds.render() + "\n"

    if !d.scheduledHotfixes.isEmpty {
      var fixes = MarkdownTable(columns: [
        .left("hotfix committed"), .left("outcome"), .right("deployment starts"), .right("100 % of traffic"),
        .right("lead time"), .right("orders meanwhile"), .right("function errors meanwhile"),
      ])
      let time = ReportTime(startEpochSeconds: r.configuration.startEpochSeconds)
      for h in d.scheduledHotfixes {
        fixes.append([
          time.label(h.committedS, withSeconds: false), h.outcome,
          h.deployStartS.map { time.label($0, withSeconds: true) } ?? "–",
          h.deployEndS.map { time.label($0, withSeconds: true) } ?? "–",
          h.leadTimeS.map { n.duration(seconds: $0) } ?? "–",
          h.ordersArrivedUntilFixed.map { n.grouped($0) } ?? "–",
          h.functionErrorsUntilFixed.map { n.grouped($0) } ?? "–",
        ])
      }
      md += fixes.render() + "\n"
      md += "Orders meanwhile: orders that arrived from the commit until the fix reached 100 % of traffic "
      md += "(whole report intervals), all served by the version the fix replaces but for the canary's share.\n\n"
    }

    md += "Cost: \(n.usd(d.cost.delivery)) for this run. A month (730 h) at this load: "
    md += "Jenkins on one \(c.build.instanceType.rawValue) \(n.usd(d.cost.jenkinsMonthly)), "
    md += "CodeBuild \(c.build.computeType.rawValue) \(n.usd(d.cost.codebuildMonthly)) "
    md +=
      "(\(c.build.system == .codebuild ? "billed minutes of these builds" : "these builds' minutes, estimated")).\n\n"
    md += "![\(DeliveryChart.altText)](charts/\(DeliveryChart.fileName))\n\n"
    return md
  }
}
