import PipelineModel
import Reports

/// compare.md's delivery table, when the variants have a delivery pipeline: lead time, queue
/// wait, what happened to the builds and a month of each system, side by side, with each
/// variant's difference from the first.
enum CompareDeliveryTable {
  static func markdown(names: [String], results: [RunResult]) -> String {
    let deliveries = results.map(\.delivery)
    guard let first = deliveries.first ?? nil else { return "" }
    var text = "## Delivery pipeline\n\n"
    var table = MarkdownTable(columns: [.left("figure")] + names.map { .right($0) })
    func seconds(_ label: String, _ value: (DeliverySummary) -> Double) {
      table.append(
        [label]
          + deliveries.map { d in
            guard let d else { return "—" }
            let v = value(d)
            let delta = v - value(first)
            let change =
              d == first || delta == 0 ? "" : " (\(delta > 0 ? "+" : "−")\(FigureText.value(abs(delta), .seconds)))"
            return FigureText.value(v, .seconds) + change
          })
    }
    func count(_ label: String, _ value: (DeliverySummary) -> Int) {
      table.append([label] + deliveries.map { $0.map { FigureText.value(Double(value($0)), .count) } ?? "—" })
    }
    func usd(_ label: String, _ value: (DeliverySummary, DeliveryConfiguration?) -> Double) {
      table.append(
        [label]
          + zip(deliveries, results).map { d, r in
            guard let d else { return "—" }
            let v = value(d, r.configuration.delivery)
            let delta = v - value(first, results[0].configuration.delivery)
            let change = delta == 0 ? "" : " (\(delta > 0 ? "+" : "−")\(FigureText.value(abs(delta), .usd)))"
            return FigureText.value(v, .usd) + change
          })
    }
    table.append(
      ["build system"] + results.map { $0.configuration.delivery?.build.system.rawValue ?? "—" })
    seconds("lead time p50") { $0.leadTime.p50 }
    seconds("lead time p95") { $0.leadTime.p95 }
    seconds("lead time p99") { $0.leadTime.p99 }
    seconds("hotfix lead time max") { $0.hotfixLeadTime.max }
    if !first.scheduledHotfixes.isEmpty {
      seconds("first scheduled hotfix: commit → 100 % of traffic") {
        $0.scheduledHotfixes.first?.leadTimeS ?? .infinity
      }
      count("orders meanwhile (served by the version it replaces)") {
        $0.scheduledHotfixes.first?.ordersArrivedUntilFixed ?? 0
      }
      count("function errors meanwhile") { $0.scheduledHotfixes.first?.functionErrorsUntilFixed ?? 0 }
    }
    seconds("queue wait p95") { $0.queueWait.p95 }
    count("builds succeeded") { $0.builds.succeeded }
    count("builds failed") { $0.builds.failed }
    count("builds lost to a crash") { $0.builds.lost }
    count("builds rejected") { $0.builds.rejected }
    count("builds timed out") { $0.builds.timedOut }
    count("deployments") { $0.deployments }
    usd("delivery cost, this run") { d, _ in d.cost.delivery }
    usd("monthly cost of the system used") { d, c in
      c?.build.system == .jenkins ? d.cost.jenkinsMonthly : d.cost.codebuildMonthly
    }
    text += table.render() + "\n"
    text += "Differences are against **\(names[0])**. A month is 730 hours at the run's load.\n\n"
    return text
  }
}
