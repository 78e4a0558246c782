import Reports

/// The answer of `peaksim size` for the console and as `size.md`: the value, its margin (how
/// far each SLO is from its target there), what fails one step below, the passing window,
/// whether the search's monotonicity assumption held, and every value run.
public struct SizingReport: Sendable {
  public let sizing: Sizing
  public let result: Sizing.Result

  public init(sizing: Sizing, result: Sizing.Result) {
    self.sizing = sizing
    self.result = result
  }

  var outcome: SizingSearch.Outcome { result.outcome }

  public var files: [ReportFolder.File] { [ReportFolder.File("size.md", markdown)] }

  /// The value one step below the answer in the range, if it was run.
  public var stepBelow: Sizing.Point? {
    guard let answer = outcome.answer else { return nil }
    return result.points.last { $0.value < answer }.flatMap { $0.value >= sizing.range.lower ? $0 : nil }
  }

  /// The first failing value above the passing window, if one was run.
  public var firstFailureAbove: Sizing.Point? {
    guard let end = outcome.largestPassing else { return nil }
    return result.points.first { $0.value > end && !$0.passes }
  }

  private var criterionText: String {
    sizing.criterionRestricted
      ? sizing.criterion.map { "`\($0)`" }.joined(separator: " and ")
      : "every SLO (" + sizing.criterion.map { "`\($0)`" }.joined(separator: ", ") + ")"
  }

  private var replicationsText: String {
    sizing.replications == 1 ? "one run per value" : "in every one of \(sizing.replications) replications per value"
  }

  /// `misses max_oldest_age (15 min 20 s > 15 min)`, criterion SLOs first.
  func failures(_ point: Sizing.Point) -> String {
    var deciding: [String] = []
    var others: [String] = []
    for name in point.sloNames {
      guard let (worst, metIn) = point.worst(name), !worst.met else { continue }
      var text =
        "`\(name)` (\(FigureText.slo(worst.actual, unit: worst.unit)) > \(FigureText.slo(worst.target, unit: worst.unit))"
      if sizing.replications > 1 { text += ", met in \(metIn)/\(point.records.count)" }
      text += ")"
      if sizing.criterion.contains(name) { deciding.append(text) } else { others.append(text) }
    }
    var text = deciding.isEmpty ? "meets the deciding SLOs" : "misses " + deciding.joined(separator: ", ")
    if !others.isEmpty { text += "; also misses " + others.joined(separator: ", ") + ", which does not decide" }
    return text
  }

  // MARK: - Console

  /// What `peaksim size` prints on standard output.
  public var consoleText: String {
    let r = sizing.replications
    var text = "size \(sizing.path) in \(sizing.range) for \(sizing.scenario.configuration.name): "
    text += (sizing.objective == .cost ? "cheapest" : "smallest") + " value meeting "
    text += criterionText.replacingBackticks + (r == 1 ? "" : " in all \(r) replications") + "\n"
    guard let answer = outcome.answer, let point = result.point(answer) else {
      text += "no value in \(sizing.range) meets them\n"
      if let upper = result.point(sizing.range.upper) {
        text += "  at \(upper.value): \(failures(upper).replacingBackticks)\n"
      }
      for note in outcome.notes { text += "  " + note + "\n" }
      return text
    }
    text += "answer: \(sizing.path) = \(answer)"
    if sizing.objective == .cost { text += " (mean cost \(FigureText.value(point.meanCost, .usd)))" }
    text += "\n  margin at \(answer):\n"
    for line in marginLines(point) { text += "    " + line + "\n" }
    if let below = stepBelow {
      text += "  one step below, \(below.value): " + failures(below).replacingBackticks + "\n"
    } else if answer == sizing.range.lower {
      text += "  \(answer) is the start of the range: nothing below it was run (widen --range to find the boundary)\n"
    }
    text += "  " + windowText.replacingBackticks + "\n"
    text += "  " + monotonicityText.replacingBackticks + "\n"
    return text
  }

  /// One line per SLO: actual (worst), target, headroom.
  func marginLines(_ point: Sizing.Point) -> [String] {
    point.sloNames.compactMap { name in
      guard let (worst, _) = point.worst(name) else { return nil }
      let unit = FigureText.unit(ofSLO: worst.unit)
      let head = worst.headroom
      let headText = head >= 0 ? FigureText.value(head, unit) + " headroom" : "over by " + FigureText.value(-head, unit)
      return FigureText.mark(worst.met)
        + " \(name) \(FigureText.value(worst.actual, unit)) of \(FigureText.value(worst.target, unit)) (\(headText))"
        + (sizing.criterion.contains(name) ? "" : " [not deciding]")
    }
  }

  var windowText: String {
    guard let low = outcome.smallestPassing, let high = outcome.largestPassing else { return "no passing values" }
    var text = "passing: \(low)..\(high)"
    if outcome.passingRuns.count > 1 {
      text = "passing: " + outcome.passingRuns.map { "\($0.lowerBound)..\($0.upperBound)" }.joined(separator: ", ")
    }
    if let above = firstFailureAbove {
      text += "; above it \(above.value) " + failures(above)
    } else if high == sizing.range.upper {
      text += " (to the end of the range)"
    }
    return text
  }

  var monotonicityText: String {
    let runs = result.points.count
    let simulations = runs * sizing.replications
    let counts = "\(runs) value\(runs == 1 ? "" : "s") run, \(simulations) simulation\(simulations == 1 ? "" : "s")"
    if outcome.monotone {
      return "Monotone: yes, every value run agrees with one window of passing values (\(counts))"
    }
    return
      "Monotone: NO, passing values are broken up (\(counts)); every value of the range was run and the answer is the "
      + (sizing.objective == .cost ? "cheapest" : "smallest") + " passing one"
  }

  // MARK: - size.md

  public var markdown: String {
    let scenario = sizing.scenario
    let configuration = scenario.configuration
    var text = "# Size: `\(sizing.path)` for \(configuration.name)\n\n"
    if !configuration.description.isEmpty { text += configuration.description + "\n\n" }
    text += "The " + (sizing.objective == .cost ? "cheapest" : "smallest") + " `\(sizing.path)` in \(sizing.range) "
    text += "that meets \(criterionText), \(replicationsText), for "
    text += FigureText.scenarioLine(path: scenario.path, overrides: scenario.overrides) + " (seed \(configuration.seed)"
    text +=
      sizing.replications > 1
      ? "; replication *i* uses `StreamSeed.replication(i, of: \(configuration.seed))`, the same for every value).\n\n"
      : ").\n\n"

    text += "## Answer\n\n"
    guard let answer = outcome.answer, let point = result.point(answer) else {
      text += "**No value in \(sizing.range) meets \(criterionText).**\n\n"
      for note in outcome.notes { text += note + "\n\n" }
      text += evaluationTable
      return text
    }
    text += "**`\(sizing.path)` = \(answer)**"
    text += sizing.objective == .cost ? " (mean cost \(FigureText.value(point.meanCost, .usd))).\n\n" : ".\n\n"
    text += "- " + windowText + ".\n"
    if let below = stepBelow {
      text += "- One step below, \(below.value): " + failures(below) + ".\n"
    } else if answer == sizing.range.lower {
      text +=
        "- \(answer) is the start of the range, so nothing below it was run; widen `--range` to see where it stops passing.\n"
    }
    text += "\n### Margin at \(answer)\n\n"
    text += marginTable(point)
    if let advice = adviceText(point) {
      text += "\n### Little's law at \(answer)\n\n" + advice + "\n"
    }
    if let below = stepBelow {
      text += "\n### One step below: \(below.value)\n\n"
      text += marginTable(below)
    }
    if let above = firstFailureAbove {
      text += "\n### First failure above the window: \(above.value)\n\n"
      text += marginTable(above)
    }

    text += "\n## Monotonicity\n\n"
    text += "The search assumes the passing values form one unbroken window (more of a resource helps, "
    text += "up to a point where it may hurt, as a `maximum_concurrency` above the reserved concurrency does), "
    text += "bisects for the window's ends and then runs the neighbours of each end to check. "
    text += monotonicityText + ".\n\n"
    for note in outcome.notes { text += note + "\n\n" }

    text += "## Every value run\n\n"
    text += evaluationTable
    return text
  }

  /// The concurrency the peak needed at `point` by Little's law, from the replication that
  /// needed the most: the numbers of the run report's sizing hint (``SizingAdvice``).
  func adviceText(_ point: Sizing.Point) -> String? {
    guard let need = point.advice.compactMap(\.concurrency).max(by: { $0.needed < $1.needed }) else { return nil }
    let n = NumberFormat.self
    func figure(_ value: Double) -> String { n.significant(value, digits: 3, grouped: true, trimmingZeros: true) }
    var text =
      "At the peak arrival rate, \(figure(need.peakArrivalRate)) orders/s × \(n.duration(seconds: need.meanDuration))"
    text += " per invocation ÷ \(figure(need.messagesPerBatch)) messages per batch, the function needs"
    text += " ≈ **\(figure(need.needed))** concurrent executions"
    text += sizing.replications > 1 ? " (the replication that needed the most)" : ""
    text +=
      need.fits
      ? "; the cap of \(n.grouped(need.cap)) leaves \(n.percent(need.headroom, decimals: 0)) headroom."
      : "; with 25 % to spare that is \(n.grouped(need.recommended)), above the cap of \(n.grouped(need.cap))."
    return text
  }

  private func marginTable(_ point: Sizing.Point) -> String {
    var table = MarkdownTable(columns: [
      .left("SLO"), .center("decides"), .right("target"), .right(sizing.replications == 1 ? "actual" : "worst actual"),
      .right("headroom"), .right("met"),
    ])
    for name in point.sloNames {
      guard let (worst, metIn) = point.worst(name) else { continue }
      let unit = FigureText.unit(ofSLO: worst.unit)
      table.append([
        "`\(name)`", sizing.criterion.contains(name) ? "yes" : "no", FigureText.value(worst.target, unit),
        FigureText.value(worst.actual, unit), FigureText.value(worst.headroom, unit),
        "\(FigureText.mark(worst.met)) \(metIn)/\(point.records.count)",
      ])
    }
    return table.render()
  }

  private var evaluationTable: String {
    let names = result.points.first?.sloNames ?? []
    var round: [Int: Int] = [:]
    for (index, batch) in outcome.batches.enumerated() {
      for value in batch { round[value] = index + 1 }
    }
    var table = MarkdownTable(
      columns: [.right("value"), .center("passes"), .right("round")] + names.map { .right("`\($0)`") } + [
        .right("cost")
      ])
    for point in result.points {
      var row = [String(point.value), FigureText.mark(point.passes), round[point.value].map(String.init) ?? ""]
      for name in names {
        if let (worst, _) = point.worst(name) {
          row.append(FigureText.mark(worst.met) + " " + FigureText.slo(worst.actual, unit: worst.unit))
        } else {
          row.append("—")
        }
      }
      row.append(FigureText.value(point.meanCost, .usd))
      table.append(row)
    }
    var text = table.render()
    text += "\n*round*: the batch of the search that ran the value (values of one round run in parallel)"
    text += sizing.replications > 1 ? "; SLO values are the worst of the replications.\n" : ".\n"
    return text
  }
}

extension String {
  /// The text without Markdown backticks, for the console.
  var replacingBackticks: String { String(filter { $0 != "`" }) }
}

extension SizingReport {
  /// One line about a point for the search's log: `passes (cost $0.12)` or `fails: misses …`.
  public static func summary(of point: Sizing.Point, in sizing: Sizing) -> String {
    let report = SizingReport(
      sizing: sizing,
      result: Sizing.Result(
        outcome: SizingSearch.Outcome(
          answer: nil, smallestPassing: nil, largestPassing: nil, monotone: true, scannedAll: false, passingRuns: [],
          evaluations: [], batches: [], notes: []), points: [point]))
    let cost = "cost " + FigureText.value(point.meanCost, .usd)
    return point.passes
      ? "passes (\(cost))" : "fails, " + report.failures(point).replacingBackticks + " (\(cost))"
  }
}
