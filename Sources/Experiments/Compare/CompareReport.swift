import PipelineModel
import Reports

/// `compare.md`, `compare.csv` and the overlaid charts of a ``Comparison``.
public struct CompareReport: Sendable {
  public let comparison: Comparison
  /// One run per entry, in entry order.
  public let results: [RunResult]
  let records: [JobRecord]

  public init(comparison: Comparison, results: [RunResult]) {
    precondition(results.count == comparison.entries.count, "a comparison needs one result per entry")
    self.comparison = comparison
    self.results = results
    records = zip(comparison.entries, results).enumerated().map { index, pair in
      JobRecord(index: index, label: pair.0.name, result: pair.1)
    }
  }

  public var files: [ReportFolder.File] {
    [ReportFolder.File("compare.md", markdown), ReportFolder.File("compare.csv", csv)]
      + CompareCharts(comparison: comparison, results: results).files
  }

  var names: [String] { comparison.entries.map(\.name) }

  /// SLO names in order of first appearance.
  var sloNames: [String] {
    var names: [String] = []
    for record in records {
      for slo in record.slo where !names.contains(slo.name) { names.append(slo.name) }
    }
    return names
  }

  // MARK: - Best

  /// The entries with the lowest actual value of SLO `name` (several when tied).
  public func best(slo name: String) -> [Int] {
    let values = records.map { $0.slo(named: name)?.actual ?? .infinity }
    guard let lowest = values.min(), lowest.isFinite || values.allSatisfy({ !$0.isFinite }) else { return [] }
    return values.indices.filter { values[$0] == lowest }
  }

  /// The cheapest entry, and the cheapest that meets every SLO (if any does).
  public var cheapest: (any: Int, meetingSLOs: Int?) {
    let costs = records.map { $0.value("cost_usd.total") }
    let any = costs.indices.min { costs[$0] < costs[$1] } ?? 0
    let meeting = costs.indices.filter { records[$0].allSLOsMet }.min { costs[$0] < costs[$1] }
    return (any, meeting)
  }

  /// `meets every SLO`, or `misses p99_end_to_end (41 s > 30 s), valid_orders_in_dlq (120 > 0)`.
  public func verdict(_ index: Int) -> String {
    let record = records[index]
    guard !record.slo.isEmpty else { return "no SLOs set" }
    let missed = record.slo.filter { !$0.met }
    guard !missed.isEmpty else { return "meets every SLO" }
    return "misses "
      + missed.map {
        "`\($0.name)` (\(FigureText.slo($0.actual, unit: $0.unit)) > \(FigureText.slo($0.target, unit: $0.unit)))"
      }.joined(separator: ", ")
  }

  // MARK: - compare.csv

  /// `variant,origin,seed,all_slos_met,slo_<name>_met,…,slo_<name>_actual,…,<figures…>`.
  public var csv: String {
    let slos = sloNames
    var header = ["variant", "origin", "seed", "all_slos_met"]
    header += slos.map { "slo_\($0)_met" } + slos.map { "slo_\($0)_actual" }
    header += Figure.all.map(\.column)
    var writer = CSVWriter(header: header)
    for (entry, record) in zip(comparison.entries, records) {
      var row: [CSVWriter.Field] = [.text(entry.name), .text(entry.origin), .text(String(record.seed))]
      row.append(.text(FigureText.bool(record.allSLOsMet)))
      row += slos.map { name in record.slo(named: name).map { .text(FigureText.bool($0.met)) } ?? .empty }
      row += slos.map { name in record.slo(named: name).map { .number($0.actual) } ?? .empty }
      for (figure, value) in zip(Figure.all, record.figures) {
        row.append(figure.isWholeNumber && value.isFinite ? .integer(Int(value)) : .number(value))
      }
      writer.append(row)
    }
    return writer.render()
  }

  // MARK: - compare.md

  public var markdown: String {
    let scenario = comparison.scenario
    let configuration = scenario.configuration
    var text = "# Compare: \(configuration.name)\n\n"
    if !configuration.description.isEmpty { text += configuration.description + "\n\n" }
    text +=
      "\(records.count) variants of " + FigureText.scenarioLine(path: scenario.path, overrides: scenario.overrides)
    text += " on common random numbers: each runs with seed \(configuration.seed), so each sees the same orders "
    text += "arriving at the same instants with the same defects"
    let arrived = Set(records.map { $0.value("orders.arrived") })
    if arrived.count == 1, let count = arrived.first {
      text += " (\(FigureText.value(count, .count)) orders)"
    }
    text += ".\n\n"
    if arrived.count > 1 {
      text += "The variants did not all see the same number of orders: they differ in their traffic "
      text += "(or duration), so part of each difference is the traffic's.\n\n"
    }

    text += "## Verdict\n\n"
    var verdicts = MarkdownTable(columns: [.left("variant"), .right("SLOs met"), .right("cost"), .left("verdict")])
    for (index, record) in records.enumerated() {
      verdicts.append([
        "**\(names[index])**", "\(record.slo.filter(\.met).count)/\(record.slo.count)",
        FigureText.value(record.value("cost_usd.total"), .usd), verdict(index),
      ])
    }
    text += verdicts.render() + "\n"

    text += "## Best\n\n"
    for name in sloNames {
      let winners = best(slo: name)
      guard let first = winners.first, let slo = records[first].slo(named: name) else { continue }
      let who = winners.map { "**\(names[$0])**" }.joined(separator: ", ")
      text +=
        "- `\(name)`: \(who) (\(FigureText.slo(slo.actual, unit: slo.unit)); target \(FigureText.slo(slo.target, unit: slo.unit)))"
      text += winners.count == records.count ? ", all alike\n" : "\n"
    }
    let (cheapestAny, cheapestMeeting) = cheapest
    text +=
      "- cost: **\(names[cheapestAny])** is cheapest (\(FigureText.value(records[cheapestAny].value("cost_usd.total"), .usd)))"
    if let cheapestMeeting {
      if cheapestMeeting == cheapestAny {
        text += " and meets every SLO\n"
      } else {
        text += "; the cheapest that meets every SLO is **\(names[cheapestMeeting])** "
        text += "(\(FigureText.value(records[cheapestMeeting].value("cost_usd.total"), .usd)))\n"
      }
    } else if !sloNames.isEmpty {
      text += "; no variant meets every SLO\n"
    } else {
      text += "\n"
    }
    text += "\n"

    if !sloNames.isEmpty {
      text += "## SLOs\n\n"
      var table = MarkdownTable(columns: [.left("SLO"), .right("target")] + names.map { .right($0) })
      for name in sloNames {
        let target = records.compactMap { $0.slo(named: name) }.first
        var row = ["`\(name)`", target.map { FigureText.slo($0.target, unit: $0.unit) } ?? "—"]
        for record in records {
          if let slo = record.slo(named: name) {
            row.append(FigureText.mark(slo.met) + " " + FigureText.slo(slo.actual, unit: slo.unit))
          } else {
            row.append("—")
          }
        }
        table.append(row)
      }
      text += table.render() + "\n"
    }

    text += "## Headline figures\n\n"
    var figures = MarkdownTable(columns: [.left("figure")] + names.map { .right($0) })
    for figure in Figure.headlineKeys.compactMap(Figure.named) {
      figures.append([figure.label] + records.map { FigureText.value($0.value(figure.key), figure.unit) })
    }
    text += figures.render() + "\n"
    text += "Every figure of every variant is in `compare.csv`.\n\n"
    text += CompareDeliveryTable.markdown(names: names, results: results)

    text += "## What each variant changes\n\n"
    for entry in comparison.entries {
      switch entry.origin {
      case "the scenario":
        text += "- **\(entry.name)**: the scenario as written"
        text += scenario.overrides.isEmpty ? "\n" : " (with the command line's `--set`)\n"
      case "variant":
        let changes = entry.changes.map { "`\($0)`" }.joined(separator: ", ")
        text += "- **\(entry.name)**: " + (changes.isEmpty ? "nothing" : changes) + "\n"
      default:
        text += "- **\(entry.name)**: the scenario file `\(entry.origin)`, run with seed \(configuration.seed)\n"
      }
    }
    text += "\n## Charts\n\n"
    for chart in CompareCharts.charts {
      text += "![\(chart.title)](\(chart.file))\n\n"
    }
    return text
  }
}

extension CompareReport {
  /// What the command prints: one line per variant with its cost and verdict, and the best.
  public func consoleText(folder: String) -> String {
    var text =
      "\(comparison.scenario.configuration.name): \(records.count) variants on seed \(comparison.scenario.configuration.seed)\n"
    let width = max(12, names.map(\.count).max() ?? 0)
    for (index, record) in records.enumerated() {
      text +=
        "  " + names[index].padded(to: width) + " "
        + FigureText.value(record.value("cost_usd.total"), .usd).padded(to: 10)
      text += " " + verdict(index).replacingBackticks + "\n"
    }
    for name in sloNames {
      let winners = best(slo: name)
      guard !winners.isEmpty, winners.count < records.count else { continue }
      text += "  best \(name): " + winners.map { names[$0] }.joined(separator: ", ") + "\n"
    }
    let (any, meeting) = cheapest
    text += "  cheapest: \(names[any])"
    if let meeting, meeting != any { text += "; cheapest meeting every SLO: \(names[meeting])" }
    text += "\nreport: \(folder)/compare.md, compare.csv, compare-*.svg\n"
    return text
  }
}
