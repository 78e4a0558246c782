import PipelineModel

/// What `peaksim run` prints on standard output: a short table of the headline figures, the
/// SLOs, and one verdict line (all that `--quiet` keeps).
public enum ConsoleSummary {
  /// The whole summary; `folder` is where the report was written.
  public static func render(_ report: RunReport, folder: String) -> String {
    let r = report.result
    let c = r.configuration
    let n = NumberFormat.self
    let time = ReportTime(startEpochSeconds: c.startEpochSeconds)
    let decoupled = c.architecture == .decoupled
    var text = "\(c.name): \(n.duration(seconds: r.simulatedSeconds)) simulated"
    if let from = time.longLabel(0), let to = time.longLabel(r.simulatedSeconds) { text += " (\(from) → \(to) UTC)" }
    text += " in \(n.duration(seconds: report.wallSeconds))"
    if report.wallSeconds > 0 {
      text += ", \(n.abbreviated(Double(r.count(.arrivals)) / report.wallSeconds)) orders/s"
    }
    text += "\n\n"

    let figures = RunFigures(r)
    var rows: [(String, String)] = [
      ("orders arrived", "\(n.grouped(r.count(.arrivals)))  (\(n.grouped(r.count(.validOrders))) valid)"),
      ("persisted", n.grouped(r.ledger.persisted)),
    ]
    if decoupled {
      var dlq =
        "\(n.grouped(r.ledger.dlq - r.dlqValid - r.dlqValidAlreadyPersisted)) invalid, \(n.grouped(r.dlqValid)) valid"
      if r.dlqValidAlreadyPersisted > 0 { dlq += " (+\(n.grouped(r.dlqValidAlreadyPersisted)) already persisted)" }
      rows.append(("DLQ", dlq))
    } else {
      rows.append(("errors to customers", n.grouped(r.count(.clientErrors))))
    }
    rows.append(("lost", n.grouped(r.count(.lost))))
    if decoupled {
      rows.append(("peak backlog", n.grouped(figures.peakBacklog) + " messages"))
      rows.append(("oldest message", n.duration(seconds: r[.oldestAge])))
    }
    rows.append(
      ("peak concurrency", "\(n.grouped(r.count(.lambdaConcurrency))) of \(n.grouped(r.lambdaConcurrencyLimit))"))
    rows.append(("Lambda throttles", n.grouped(r.count(.lambdaThrottles))))
    rows.append(("table throttled writes", n.grouped(r.tableThrottledWrites)))
    rows.append(("p99 end to end", r.endToEnd.count == 0 ? "–" : n.duration(seconds: r.endToEnd.p99)))
    rows.append(("cost", n.usd(r.cost.total)))
    let width = rows.map(\.0.count).max() ?? 0
    for (label, value) in rows { text += "  " + pad(label, width) + "  " + value + "\n" }

    let slo = r.slo
    if !slo.isEmpty {
      text += "\n"
      let nameWidth = slo.map(\.name.count).max() ?? 0
      let targets = slo.map { "≤ " + ReportMarkdown.sloValue($0.target, unit: $0.unit) }
      let targetWidth = targets.map(\.count).max() ?? 0
      for (s, target) in zip(slo, targets) {
        text +=
          "  " + (s.met ? "✅ met    " : "❌ MISSED ") + pad(s.name, nameWidth) + "  " + pad(target, targetWidth)
          + "  actual " + ReportMarkdown.sloValue(s.actual, unit: s.unit) + "\n"
      }
    }
    text += "\n" + verdictLine(r, folder: folder) + "\n"
    return text
  }

  /// `PASS: all 4 SLOs met; report in reports/x/report.md`, or
  /// `FAIL: 2 of 4 SLOs missed (valid_orders_in_dlq, lost_orders); report in …`.
  public static func verdictLine(_ r: RunResult, folder: String) -> String {
    let slo = r.slo
    let missed = slo.filter { !$0.met }
    let location = "report in \(folder)/report.md"
    if slo.isEmpty { return "PASS: no SLOs set; \(location)" }
    if missed.isEmpty { return "PASS: all \(slo.count) SLOs met; \(location)" }
    return
      "FAIL: \(missed.count) of \(slo.count) SLOs missed (\(missed.map(\.name).joined(separator: ", "))); \(location)"
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
