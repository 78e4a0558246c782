import Reports

/// `replications.csv` (one row per replication) and `replications.md` (every figure as a mean
/// with its 95 % confidence interval; SLOs met in k of N), built from the experiment's header
/// and job records only, so a merge of shards writes the same bytes as one machine.
public struct ReplicationsReport: Sendable {
  public let header: ExperimentHeader
  /// One per replication, in replication order.
  public let records: [JobRecord]

  public init(header: ExperimentHeader, records: [JobRecord]) {
    precondition(header.kind == .replications, "a replications report needs a replications header")
    precondition(
      records.map(\.index) == Array(0..<header.jobCount), "a replications report needs every replication, in order")
    self.header = header
    self.records = records
  }

  /// The statistics of figure `key` over the replications.
  public func statistics(_ key: String) -> SampleStatistics { SampleStatistics(records.map { $0.value(key) }) }

  /// The SLO names, in the order of the first replication (all replications share a scenario).
  public var sloNames: [String] { records.first?.slo.map(\.name) ?? [] }

  /// Replications in which every SLO was met.
  public var allMetCount: Int { records.filter(\.allSLOsMet).count }

  public var files: [ReportFolder.File] {
    [ReportFolder.File("replications.csv", csv), ReportFolder.File("replications.md", markdown)]
  }

  // MARK: - replications.csv

  /// `replication,seed,<figures…>,slo_<name>_actual,slo_<name>_met,…,all_slos_met`.
  public var csv: String {
    let names = sloNames
    var header = ["replication", "seed"] + Figure.all.map(\.column)
    for name in names { header += ["slo_\(name)_actual", "slo_\(name)_met"] }
    header.append("all_slos_met")
    var writer = CSVWriter(header: header)
    for record in records {
      var row: [CSVWriter.Field] = [.integer(record.index), .text(String(record.seed))]
      for (figure, value) in zip(Figure.all, record.figures) {
        row.append(figure.isWholeNumber && value.isFinite ? .integer(Int(value)) : .number(value))
      }
      for name in names {
        if let slo = record.slo(named: name) {
          row += [.number(slo.actual), .text(FigureText.bool(slo.met))]
        } else {
          row += [.empty, .empty]
        }
      }
      row.append(.text(FigureText.bool(record.allSLOsMet)))
      writer.append(row)
    }
    return writer.render()
  }

  // MARK: - replications.md

  public var markdown: String {
    let n = records.count
    var text = "# Replications: \(header.scenarioName)\n\n"
    if !header.scenarioDescription.isEmpty { text += header.scenarioDescription + "\n\n" }
    text += "\(n) independent replication\(n == 1 ? "" : "s") of "
    text += FigureText.scenarioLine(path: header.scenarioPath, overrides: header.overrides) + ". "
    text += "Replication *i* runs with seed `StreamSeed.replication(i, of: \(header.seed))`; replication 0 is the "
    text += "scenario's own seed, the run `peaksim run` makes. "
    text += "Each interval is the 95 % Student-t confidence interval of the mean, mean ± t(0.975, N−1)·s/√N"
    text += n < 2 ? " (it needs at least two replications).\n\n" : ".\n\n"

    let names = sloNames
    if names.isEmpty {
      text += "**The scenario sets no SLOs.**\n\n"
    } else {
      let verdict =
        allMetCount == n
        ? "every SLO met in all \(n) replications" : "every SLO met in \(allMetCount) of \(n) replications"
      text += "**Verdict: \(verdict).**\n\n"
      text += "## SLOs\n\n"
      var table = MarkdownTable(columns: [
        .left("SLO"), .right("target"), .right("mean"), .right("± 95 % CI"), .right("best"), .right("worst"),
        .right("met"),
      ])
      for name in names {
        let outcomes = records.compactMap { $0.slo(named: name) }
        guard let first = outcomes.first else { continue }
        let stats = SampleStatistics(outcomes.map(\.actual))
        let met = outcomes.filter(\.met).count
        table.append([
          "`\(name)`", FigureText.slo(first.target, unit: first.unit), FigureText.slo(stats.mean, unit: first.unit),
          halfWidthText(stats, FigureText.unit(ofSLO: first.unit)), FigureText.slo(stats.minimum, unit: first.unit),
          FigureText.slo(stats.maximum, unit: first.unit), "\(met)/\(outcomes.count)",
        ])
      }
      text += table.render() + "\n"
    }

    text += "## Figures\n\n"
    text += "Keys are those of `summary.json`; `replications.csv` has every replication's value.\n\n"
    var table = MarkdownTable(columns: [
      .left("figure"), .left("key"), .right("mean"), .right("± 95 % CI"), .right("min"), .right("max"),
    ])
    for figure in Figure.all {
      let stats = statistics(figure.key)
      table.append([
        figure.label, "`\(figure.key)`", FigureText.value(stats.mean, figure.unit), halfWidthText(stats, figure.unit),
        FigureText.value(stats.minimum, figure.unit), FigureText.value(stats.maximum, figure.unit),
      ])
    }
    text += table.render()
    return text
  }

  /// `± 12 ms`, or `—` when there is no interval (one replication, or an infinite value).
  private func halfWidthText(_ stats: SampleStatistics, _ unit: Figure.Unit) -> String {
    guard stats.count >= 2, stats.halfWidth.isFinite else { return "—" }
    return "± " + FigureText.value(stats.halfWidth, unit == .count ? .quantity : unit)
  }
}

extension ReplicationsReport {
  /// What the command prints: each SLO's mean ± half-width and k/N, the verdict, the folder.
  public func consoleText(folder: String) -> String {
    let n = records.count
    var text = "\(header.scenarioName): \(n) replication\(n == 1 ? "" : "s") (seed \(header.seed))\n"
    for name in sloNames {
      let outcomes = records.compactMap { $0.slo(named: name) }
      guard let first = outcomes.first else { continue }
      let stats = SampleStatistics(outcomes.map(\.actual))
      var line = "  " + name.padded(to: 20) + " " + FigureText.slo(stats.mean, unit: first.unit)
      if n >= 2, stats.halfWidth.isFinite {
        line += " ± " + FigureText.value(stats.halfWidth, first.unit == "s" ? .seconds : .quantity)
      }
      line += " (target \(FigureText.slo(first.target, unit: first.unit))), met in \(outcomes.filter(\.met).count)/\(n)"
      text += line + "\n"
    }
    let cost = statistics("cost_usd.total")
    text += "  " + "cost".padded(to: 20) + " " + FigureText.value(cost.mean, .usd)
    if n >= 2, cost.halfWidth.isFinite { text += " ± " + FigureText.value(cost.halfWidth, .usd) }
    text += "\n"
    if sloNames.isEmpty {
      text += "no SLOs set\n"
    } else {
      text +=
        allMetCount == n
        ? "every SLO met in all \(n) replications\n" : "every SLO met in \(allMetCount) of \(n) replications\n"
    }
    text += "report: \(folder)/replications.md, replications.csv\n"
    return text
  }
}

extension String {
  func padded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
