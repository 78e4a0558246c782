import Reports

/// `sweep.csv`, `sweep.md` and, when exactly two keys vary, `sweep.svg` (a heat map of cost
/// with the points that miss an SLO hatched), built from the header and the job records only.
public struct SweepReport: Sendable {
  public let header: ExperimentHeader
  public let grid: SweepGrid
  /// One per point, in grid order.
  public let records: [JobRecord]

  public init(header: ExperimentHeader, records: [JobRecord]) throws(ExperimentError) {
    precondition(header.kind == .sweep, "a sweep report needs a sweep header")
    precondition(records.map(\.index) == Array(0..<header.jobCount), "a sweep report needs every point, in order")
    do { grid = try SweepGrid(header.dimensions) } catch { throw .invalidSetting(error.description) }
    self.header = header
    self.records = records
  }

  /// SLO names in order of first appearance (points may set different SLOs when `slo.*` varies).
  public var sloNames: [String] {
    var names: [String] = []
    for record in records {
      for slo in record.slo where !names.contains(slo.name) { names.append(slo.name) }
    }
    return names
  }

  public var files: [ReportFolder.File] {
    var files = [ReportFolder.File("sweep.csv", csv), ReportFolder.File("sweep.md", markdown)]
    if let heatMap { files.append(ReportFolder.File("sweep.svg", heatMap)) }
    return files
  }

  /// The short name of a key path for table headers: its last component.
  private func shortName(_ path: String) -> String { String(path.split(separator: ".").last ?? Substring(path)) }

  // MARK: - sweep.csv

  /// `<each varied path>,slo_<name>_met,…,all_slos_met,cost_usd_total,<figures…>,slo_<name>_actual,…`.
  public var csv: String {
    let names = sloNames
    var columns = grid.dimensions.map(\.path)
    columns += names.map { "slo_\($0)_met" }
    columns += ["all_slos_met"]
    columns += Figure.all.map(\.column)
    columns += names.map { "slo_\($0)_actual" }
    var writer = CSVWriter(header: columns)
    for record in records {
      var row: [CSVWriter.Field] = grid.values(of: record.index).map { .text($0) }
      row += names.map { name in record.slo(named: name).map { .text(FigureText.bool($0.met)) } ?? .empty }
      row.append(.text(FigureText.bool(record.allSLOsMet)))
      for (figure, value) in zip(Figure.all, record.figures) {
        row.append(figure.isWholeNumber && value.isFinite ? .integer(Int(value)) : .number(value))
      }
      row += names.map { name in record.slo(named: name).map { .number($0.actual) } ?? .empty }
      writer.append(row)
    }
    return writer.render()
  }

  // MARK: - sweep.md

  public var markdown: String {
    let names = sloNames
    var text = "# Sweep: \(header.scenarioName)\n\n"
    if !header.scenarioDescription.isEmpty { text += header.scenarioDescription + "\n\n" }
    text += "\(grid.count) point\(grid.count == 1 ? "" : "s") of "
    text += FigureText.scenarioLine(path: header.scenarioPath, overrides: header.overrides)
    text +=
      ", every one with seed \(header.seed) (common random numbers: the same orders arrive at every point). Varied:\n\n"
    for dimension in grid.dimensions {
      text += "- `\(dimension.path)`: " + dimension.values.map { "`\($0)`" }.joined(separator: ", ") + "\n"
    }
    text += "\n"

    let passing = records.filter(\.allSLOsMet)
    if names.isEmpty {
      text += "**The scenario sets no SLOs.**\n\n"
    } else if let cheapest = passing.min(by: { $0.value("cost_usd.total") < $1.value("cost_usd.total") }) {
      text += "**\(passing.count) of \(grid.count) points meet every SLO. Cheapest of them: "
      text +=
        grid.label(of: cheapest.index) + " at " + FigureText.value(cheapest.value("cost_usd.total"), .usd) + ".**\n\n"
    } else {
      text += "**No point meets every SLO.**\n\n"
    }

    if grid.dimensions.count == 2 {
      text += twoDimensionalTables(names)
    }

    text += "## SLOs met and cost\n\n"
    var columns = grid.dimensions.map { MarkdownTable.Column.left("`\(shortName($0.path))`") }
    columns += names.map { .left("`\($0)`") }
    columns += [.center("all SLOs"), .right("cost")]
    var table = MarkdownTable(columns: columns)
    for record in records {
      var row = grid.values(of: record.index)
      for name in names {
        if let slo = record.slo(named: name) {
          row.append(FigureText.mark(slo.met) + " " + FigureText.slo(slo.actual, unit: slo.unit))
        } else {
          row.append("—")
        }
      }
      row.append(FigureText.mark(record.allSLOsMet))
      row.append(FigureText.value(record.value("cost_usd.total"), .usd))
      table.append(row)
    }
    text += table.render() + "\n"
    if let first = records.first {
      let targets = first.slo.map { "`\($0.name)` ≤ \(FigureText.slo($0.target, unit: $0.unit))" }
      if !targets.isEmpty { text += "Targets: " + targets.joined(separator: ", ") + ".\n\n" }
    }

    text += "## Key figures\n\n"
    let keys = [
      "orders.arrived", "messages.persisted", "dlq.valid", "orders.lost", "latency.end_to_end_s.p99",
      "queue.max_oldest_age_s", "lambda.peak_concurrency", "lambda.throttles", "table.throttled_writes",
    ]
    let figures = keys.compactMap(Figure.named)
    var figureTable = MarkdownTable(
      columns: grid.dimensions.map { .left("`\(shortName($0.path))`") } + figures.map { .right($0.label) })
    for record in records {
      figureTable.append(
        grid.values(of: record.index) + figures.map { FigureText.value(record.value($0.key), $0.unit) })
    }
    text += figureTable.render() + "\n"
    text += "Every figure of every point is in `sweep.csv`."
    if grid.dimensions.count == 2 { text += " `sweep.svg` maps the cost, with the points that miss an SLO hatched." }
    text += "\n"
    return text
  }

  /// Grids of the verdict and the cost, rows the first key's values, columns the second's.
  private func twoDimensionalTables(_ names: [String]) -> String {
    let rows = grid.dimensions[0], columns = grid.dimensions[1]
    var text = "## Every SLO met (rows `\(rows.path)`, columns `\(columns.path)`)\n\n"
    var verdicts = MarkdownTable(
      columns: [.left("`\(shortName(rows.path))` \\ `\(shortName(columns.path))`")] + columns.values.map { .center($0) }
    )
    var costs = MarkdownTable(
      columns: [.left("`\(shortName(rows.path))` \\ `\(shortName(columns.path))`")] + columns.values.map { .right($0) })
    for (r, rowValue) in rows.values.enumerated() {
      var verdictRow = [rowValue]
      var costRow = [rowValue]
      for c in columns.values.indices {
        let record = records[r * columns.values.count + c]
        if record.allSLOsMet {
          verdictRow.append("✓")
        } else {
          let missed = record.slo.filter { !$0.met }.map(\.name)
          verdictRow.append("✗ " + missed.map(Self.abbreviation).joined(separator: ", "))
        }
        costRow.append(FigureText.value(record.value("cost_usd.total"), .usd))
      }
      verdicts.append(verdictRow)
      costs.append(costRow)
    }
    text += verdicts.render() + "\n"
    if !names.isEmpty {
      text +=
        "✗ lists the SLOs missed: " + names.map { "\(Self.abbreviation($0)) = `\($0)`" }.joined(separator: ", ")
        + ".\n\n"
    }
    text += "## Cost (rows `\(rows.path)`, columns `\(columns.path)`)\n\n"
    text += costs.render() + "\n"
    return text
  }

  /// Short names for grid cells.
  static func abbreviation(_ slo: String) -> String {
    switch slo {
    case "p99_end_to_end": "p99"
    case "max_oldest_age": "age"
    case "valid_orders_in_dlq": "dlq"
    case "lost_orders": "lost"
    default: slo
    }
  }

  // MARK: - sweep.svg

  /// The heat map of cost over the two varied keys, or `nil` unless exactly two vary.
  public var heatMap: String? {
    guard grid.dimensions.count == 2 else { return nil }
    let rows = grid.dimensions[0], columns = grid.dimensions[1]
    let cells = rows.values.indices.map { r in
      columns.values.indices.map { c -> HeatMapCell in
        let record = records[r * columns.values.count + c]
        let cost = record.value("cost_usd.total")
        return HeatMapCell(
          value: cost, text: FigureText.value(cost, .usd),
          verdict: record.slo.isEmpty ? nil : (record.allSLOsMet ? .passes : .fails))
      }
    }
    var map = SVGHeatMap(
      title: "Cost and SLOs of \(header.scenarioName) by \(rows.path) and \(columns.path)",
      rowTitle: rows.path, columnTitle: columns.path, rowLabels: rows.values, columnLabels: columns.values,
      cells: cells, valueTitle: "cost (USD)")
    map.summary = "Total cost of each sweep point; hatched points miss at least one SLO."
    map.passesLabel = "meets every SLO"
    map.failsLabel = "misses an SLO"
    return map.render()
  }
}

extension SweepReport {
  /// What the command prints: one line per point (up to 40), how many pass, the cheapest.
  public func consoleText(folder: String) -> String {
    var text =
      "\(header.scenarioName): sweep of \(grid.count) point\(grid.count == 1 ? "" : "s") (seed \(header.seed))\n"
    if records.count <= 40 {
      let width = records.map { grid.label(of: $0.index).count }.max() ?? 0
      for record in records {
        let missed = record.slo.filter { !$0.met }.map(\.name)
        let verdict =
          record.slo.isEmpty ? "" : (missed.isEmpty ? "meets every SLO" : "misses " + missed.joined(separator: ", "))
        text += "  " + grid.label(of: record.index).padded(to: width) + "  "
        text += FigureText.value(record.value("cost_usd.total"), .usd).padded(to: 10) + " " + verdict + "\n"
      }
    }
    let passing = records.filter(\.allSLOsMet)
    if !sloNames.isEmpty {
      text += "\(passing.count) of \(grid.count) points meet every SLO"
      if let cheapest = passing.min(by: { $0.value("cost_usd.total") < $1.value("cost_usd.total") }) {
        text +=
          "; cheapest: \(grid.label(of: cheapest.index)) at \(FigureText.value(cheapest.value("cost_usd.total"), .usd))"
      }
      text += "\n"
    }
    text += "report: \(folder)/sweep.md, sweep.csv" + (grid.dimensions.count == 2 ? ", sweep.svg" : "") + "\n"
    return text
  }
}
