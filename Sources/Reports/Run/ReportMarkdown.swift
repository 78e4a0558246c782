import PipelineModel
import Scenario

/// `report.md`: what a reviewer reads before the sale, in this order: the SLO verdict, the
/// headline figures, what saturated first and when, sizing hints, AWS's warnings, the charts,
/// the DLQ by reason, latency percentiles, the cost, and the effective settings (collapsed).
///
/// Every number goes through ``NumberFormat``; nothing depends on the wall clock, so the same
/// scenario and seed give the same bytes.
public enum ReportMarkdown {
  /// The file's text. Charts are linked as `charts/<name>.svg`.
  public static func render(_ report: RunReport) -> String {
    let r = report.result
    let c = r.configuration
    let figures = RunFigures(r)
    let time = ReportTime(startEpochSeconds: c.startEpochSeconds)
    let n = NumberFormat.self
    let decoupled = c.architecture == .decoupled
    var md = ""

    // Title.
    md += "# \(c.name)\n\n"
    if !c.description.isEmpty { md += MarkdownText.escape(c.description) + "\n\n" }
    var facts: [String] = []
    if let from = time.longLabel(0), let to = time.longLabel(r.simulatedSeconds) {
      facts.append("**\(from) → \(to) UTC** (\(n.duration(seconds: r.simulatedSeconds)))")
    } else {
      facts.append("**\(n.duration(seconds: r.simulatedSeconds)) simulated**")
    }
    facts.append("\(c.architecture.rawValue) architecture")
    facts.append("seed \(c.seed)")
    facts.append("\(n.grouped(r.count(.arrivals))) orders")
    facts.append("\(n.grouped(r.events)) events")
    md += facts.joined(separator: " · ") + "\n\n"

    // The verdict.
    md += verdict(r) + "\n"

    // Headline.
    md += "## Headline\n\n"
    md += headline(r, figures: figures, time: time).render() + "\n"

    // Saturation.
    md += "## What saturated first, and when\n\n"
    let saturated = r.saturation.ordered
    if saturated.isEmpty {
      md += "Nothing saturated: no limit of the pipeline was reached (no throttle, no ceiling).\n\n"
    } else {
      for (index, entry) in saturated.enumerated() {
        var when = time.label(entry.seconds, withSeconds: true)
        if time.startEpochSeconds != nil {
          when +=
            " (" + (entry.seconds == 0 ? "at the start" : n.duration(seconds: entry.seconds) + " after the start") + ")"
        }
        md += "\(index + 1). **\(entry.name)**, \(when): \(explanation(of: entry.name))\n"
      }
      md += "\n"
    }

    // Sizing hints.
    md += "## Sizing hints\n\n"
    for hint in SizingHint.derive(r, figures: figures) { md += "- \(hint.status.symbol) \(hint.text)\n" }
    md += "\n"

    // AWS's warnings.
    md += "## AWS's recommendations\n\n"
    if report.warnings.isEmpty {
      md += "None: the scenario's settings follow AWS's advice.\n\n"
    } else {
      for warning in report.warnings {
        let key = warning.keyPath.map { "`\($0)`: " } ?? ""
        md += "- ⚠️ \(key)\(warning.message) (\(warning.location))\n"
      }
      md += "\n"
    }

    // Deployments (only when the scenario has some).
    md += DeploymentsMarkdown.render(r, time: time)

    // Charts.
    md += "## Charts\n\n"
    let alts = ReportCharts.altTexts(synchronous: !decoupled)
    for (name, alt) in zip(ReportCharts.fileNames, alts) { md += "![\(alt)](charts/\(name))\n\n" }
    if !c.deployments.isEmpty {
      md += "![\(ReportCharts.deploymentsAltText)](charts/\(ReportCharts.deploymentsFileName))\n\n"
    }

    // The DLQ.
    md += dlq(r)

    // Latency.
    md += "## Latency\n\n"
    var latency = MarkdownTable(columns: [
      .left("latency"), .right("mean"), .right("p50"), .right("p95"), .right("p99"), .right("max"),
    ])
    func row(_ name: String, _ l: LatencySummary) -> [String] {
      guard l.count > 0 else { return [name, "–", "–", "–", "–", "–"] }
      return [name] + [l.mean, l.p50, l.p95, l.p99, l.max].map { n.duration(seconds: $0) }
    }
    if decoupled { latency.append(row("queue wait (send → first receive)", r.queueWait)) }
    latency.append(row("end to end (send → persisted)", r.endToEnd))
    md += latency.render() + "\n"
    if r.censoredOrders > 0 {
      md +=
        "End to end includes the **\(n.grouped(r.censoredOrders)) valid orders unfinished at the end** at their age then (right-censored): a run that ends with a backlog cannot pass a latency SLO on the orders it happened to finish.\n\n"
    }

    // Cost.
    md += cost(r)

    // The delivery pipeline, when the scenario has one.
    md += DeliverySection.render(r)

    // Effective settings.
    md += settings(report.effectiveSettings)
    return md
  }

  // MARK: - Sections

  /// The verdict heading and the SLO table.
  static func verdict(_ r: RunResult) -> String {
    let slo = r.slo
    guard !slo.isEmpty else { return "## Verdict: no SLOs set\n\nThe scenario sets no `slo`, so nothing was judged.\n" }
    let missed = slo.filter { !$0.met }
    var md =
      missed.isEmpty
      ? "## Verdict: ✅ all \(slo.count) SLOs met\n\n"
      : "## Verdict: ❌ \(missed.count) of \(slo.count) SLOs missed\n\n"
    var table = MarkdownTable(columns: [.left("SLO"), .right("target"), .right("actual"), .center("met")])
    for s in slo {
      table.append([
        sloTitle(s.name), "≤ " + sloValue(s.target, unit: s.unit), sloValue(s.actual, unit: s.unit), s.met ? "✅" : "❌",
      ])
    }
    md += table.render()
    return md
  }

  static func sloTitle(_ name: String) -> String {
    let title: String
    switch name {
    case "p99_end_to_end": title = "p99 end-to-end latency"
    case "max_oldest_age": title = "oldest message age"
    case "valid_orders_in_dlq": title = "valid orders in the DLQ"
    case "lost_orders": title = "lost orders"
    case "p95_lead_time": title = "p95 delivery lead time"
    default: title = name
    }
    return "\(title) (`\(name)`)"
  }

  static func sloValue(_ value: Double, unit: String) -> String {
    if value.isInfinite { return "∞ (nothing persisted)" }
    switch unit {
    case "s": return NumberFormat.duration(seconds: value)
    case "orders": return NumberFormat.grouped(value.clampedInteger())
    default: return NumberFormat.compact(value) + " " + unit
    }
  }

  static func headline(_ r: RunResult, figures: RunFigures, time: ReportTime) -> MarkdownTable {
    let n = NumberFormat.self
    let decoupled = r.configuration.architecture == .decoupled
    var t = MarkdownTable(columns: [.left("figure"), .right("value"), .left("note")])
    let invalid = r.count(.arrivals) - r.count(.validOrders)
    t.append([
      "orders arrived", n.grouped(r.count(.arrivals)),
      "\(n.grouped(r.count(.validOrders))) valid, \(n.grouped(invalid)) invalid; peak \(n.significant(figures.peakArrivalRate, digits: 3, grouped: true, trimmingZeros: true))/s at \(time.label(figures.peakArrivalAt))",
    ])
    t.append(["persisted", n.grouped(r.ledger.persisted), "unique orders written to the table, by whichever delivery"])
    if decoupled {
      t.append([
        "DLQ: invalid orders", n.grouped(r.ledger.dlq - r.dlqValid - r.dlqValidAlreadyPersisted),
        "messages set aside, as they should be (a duplicate send counts twice)",
      ])
      t.append([
        "DLQ: valid orders", n.grouped(r.dlqValid),
        r.dlqValid == 0 ? "messages" : "messages: **valid orders a customer paid for, never persisted**",
      ])
      if r.dlqValidAlreadyPersisted > 0 {
        t.append([
          "DLQ: copies of persisted orders", n.grouped(r.dlqValidAlreadyPersisted),
          "valid orders already in the table (a late write, or a duplicate send): harmless",
        ])
      }
    } else {
      t.append([
        "errors returned to customers", n.grouped(r.count(.clientErrors)),
        "\(n.grouped(r.count(.clientRequests))) requests",
      ])
      t.append(["orders failed at the last try", n.grouped(r.ledger.rejectedAtSend), "invalid and valid orders"])
    }
    t.append(["lost", n.grouped(r.count(.lost)), r.count(.lost) == 0 ? "" : "**valid orders gone for good**"])
    if decoupled {
      if r.ledger.expired > 0 { t.append(["expired", n.grouped(r.ledger.expired), "messages deleted by retention"]) }
      let left = r.ledger.queued + r.ledger.inFlight
      if left > 0 {
        t.append(["still queued at the end", n.grouped(left), "messages, neither persisted nor lost yet"])
      }
      t.append([
        "peak backlog", n.grouped(figures.peakBacklog),
        figures.peakBacklog == 0 ? "messages" : "messages visible + in flight, at \(time.label(figures.peakBacklogAt))",
      ])
      t.append([
        "oldest message", n.duration(seconds: r[.oldestAge]),
        r[.oldestAge] == 0
          ? ""
          : "at \(time.label(figures.peakOldestAgeAt)); the true age, which retention counts from and `max_oldest_age` judges; invalid orders waiting out their receives count too",
      ])
      t.append([
        "oldest message, as CloudWatch shows it", n.duration(seconds: r[.oldestAgeCloudWatch]),
        "ApproximateAgeOfOldestMessage leaves out messages received 3 or more times (§1): what an alarm sees",
      ])
    }
    let limit = r.lambdaConcurrencyLimit
    t.append([
      "peak concurrency", "\(n.grouped(r.count(.lambdaConcurrency))) of \(n.grouped(limit))",
      limit > 0
        ? n.percent(Double(r.count(.lambdaConcurrency)) / Double(limit), decimals: 0) + " of the function's limit" : "",
    ])
    t.append([
      "Lambda throttles", n.grouped(r.count(.lambdaThrottles)),
      figures.firstLambdaThrottleAt.map { "first at \(time.label($0))" } ?? "",
    ])
    t.append(["cold starts", n.grouped(r.count(.coldStarts)), "\(n.grouped(r.count(.invocations))) invocations"])
    t.append([
      "table throttled writes", n.grouped(r.tableThrottledWrites),
      figures.firstTableThrottleAt.map { "first at \(time.label($0))" } ?? "",
    ])
    t.append([
      "peak table write rate",
      n.significant(r.tablePeakWriteRate, digits: 3, grouped: true, trimmingZeros: true) + " WCU/s",
      "busiest second",
    ])
    t.append([
      "p99 end to end", r.endToEnd.count == 0 ? "–" : n.duration(seconds: r.endToEnd.p99),
      r.censoredOrders == 0
        ? "send → persisted"
        : "send → persisted; \(n.grouped(r.censoredOrders)) unfinished orders at their age at the end",
    ])
    t.append(["cost", n.usd(r.cost.total), "Lambda, SQS and DynamoDB writes for the run"])
    return t
  }

  static func explanation(of limit: String) -> String {
    switch limit {
    case "event source mapping ceiling":
      "the mapping ran every poller it may (maximum_concurrency or its ceiling) with messages waiting."
    case "Lambda concurrency": "an invocation was throttled at the function's concurrency limit."
    case "DynamoDB table capacity": "a write was throttled for the table's capacity or quota."
    case "DynamoDB partition": "a write was throttled by one partition's 1,000 WCU/s."
    case "SQS in-flight limit": "receives stopped at the queue's in-flight limit."
    default: "limit reached."
    }
  }

  static func dlq(_ r: RunResult) -> String {
    let n = NumberFormat.self
    var md = "## Dead-letter queue\n\n"
    if r.configuration.architecture == .synchronous {
      return md
        + "The synchronous architecture has no queue and no DLQ: a failed request goes back to the customer, and a valid order whose last try fails is lost (\(n.grouped(r.count(.lost))) here).\n\n"
    }
    guard let maxReceives = r.configuration.queue.maxReceiveCount else {
      return md + "No redrive policy (`queue.max_receive_count: null`): no DLQ.\n\n"
    }
    let total = r.ledger.dlq
    guard total > 0 else {
      return md + "Empty at the end: no message failed \(maxReceives) receives.\n\n"
    }
    md +=
      "\(n.grouped(total)) messages at the end, each after \(maxReceives) failed receives: **\(n.grouped(total - r.dlqValid - r.dlqValidAlreadyPersisted)) invalid orders**, **\(n.grouped(r.dlqValid)) valid orders never persisted** and \(n.grouped(r.dlqValidAlreadyPersisted)) copies of orders already in the table. A message is listed under the reason of its last failed delivery (`visibility_timeout`: its invocation outlived the visibility timeout).\n\n"
    let reasons = r.dlqByReason
    let byName = Dictionary(reasons.map { ($0.reason, $0.count) }, uniquingKeysWith: +)
    var table = MarkdownTable(columns: [.left("reason"), .left("kind"), .right("messages"), .right("share")])
    for reason in FailureReason.allCases {
      guard let count = byName[reason], count > 0 else { continue }
      let kind =
        reason.isValidationFailure
        ? "invalid order (validation core)" : "pipeline failure (valid order, or one not yet validated)"
      table.append(["`\(reason.name)`", kind, n.grouped(count), n.percent(Double(count) / Double(total))])
    }
    md += table.render() + "\n"
    return md
  }

  static func cost(_ r: RunResult) -> String {
    let n = NumberFormat.self
    let lines = CostLines(r)
    let e = lines.estimate
    var md = "## Cost\n\nPrices: \(e.prices.label); "
    md += r.configuration.cost.freeTier ? "monthly free tiers subtracted.\n\n" : "free tiers not subtracted.\n\n"
    // Cents hide a small run's bill: below a dollar, show hundredths of a cent.
    let decimals = e.total < 1 ? 4 : 2
    func usd(_ amount: Double) -> String { n.usd(amount, decimals: decimals) }
    var table = MarkdownTable(columns: [.left("item"), .right("quantity"), .right("USD")])
    table.append(["Lambda requests", n.grouped(Int(e.lambdaRequests)) + " invocations", usd(lines.lambdaRequestsUSD)])
    var compute = n.fixed(e.lambdaGBSeconds, decimals: 0, grouped: true) + " GB-s"
    if r.configuration.lambda.provisionedConcurrency > 0 {
      // §3 "Provisioned concurrency": the environments themselves, billed for the whole run.
      compute += " + " + n.fixed(e.lambdaProvisionedGBSeconds, decimals: 0, grouped: true) + " GB-s provisioned"
    }
    table.append(["Lambda compute", compute, usd(lines.lambdaComputeUSD)])
    table.append(["SQS requests", n.grouped(Int(e.sqsRequests)) + " requests", usd(e.sqs)])
    switch r.configuration.table.mode {
    case .onDemand:
      table.append([
        "DynamoDB writes (on-demand)", n.fixed(e.dynamoWriteUnits, decimals: 0, grouped: true) + " write request units",
        usd(e.dynamodb),
      ])
    case .provisioned:
      table.append([
        "DynamoDB capacity (provisioned)", n.fixed(e.dynamoWCUHours, decimals: 0, grouped: true) + " WCU-hours",
        usd(e.dynamodb),
      ])
    }
    if let line = eventPollerLine(r, usd: usd) { table.append(line) }
    table.append(["**total**", "", "**\(usd(e.total))**"])
    md += table.render() + "\n"
    return md
  }

  static func settings(_ settings: [EffectiveSetting]) -> String {
    guard !settings.isEmpty else { return "" }
    let fromFile = settings.filter { $0.origin == .file }.count
    let fromCommandLine = settings.filter { $0.origin == .commandLine }.count
    let fromTerraform = settings.filter { if case .terraform = $0.origin { true } else { false } }.count
    var summary = "Effective settings: \(settings.count) keys, \(fromFile) from the file"
    if fromTerraform > 0 { summary += ", \(fromTerraform) from Terraform" }
    if fromCommandLine > 0 { summary += ", \(fromCommandLine) from the command line" }
    summary += ", the rest AWS's defaults"
    let width = min(settings.map { $0.description.count }.max() ?? 0, 64)
    var md = "<details>\n<summary>\(summary)</summary>\n\n```\n"
    for s in settings {
      let line = s.description
      // The source column: default, file, --set, variant or terraform:<address>.<attribute>.
      let origin = s.origin == .commandLine ? "--set" : s.origin.source
      md += line + String(repeating: " ", count: max(0, width - line.count)) + "  # " + origin + "\n"
    }
    md += "```\n\n</details>\n"
    return md
  }
}
