import Randomness

/// Checks that a partial result is what peaksim writes, beyond its syntax: a file edited by
/// hand (or by an attacker) must not slip a figure into a report that its own SLO verdicts,
/// seeds or labels contradict (issue 13, item 10).
///
/// Each job must have:
/// - the seed of the seed rule: a sweep point runs with the scenario's seed (or the value of a
///   `--vary seed=…` dimension), replication *i* with `StreamSeed.replication(i, of: seed)`;
/// - the label the experiment gives that job (`replication 3`, the sweep point's `--set`s);
/// - finite figures, whole and ≥ 0 where they count something;
/// - SLO entries as ``PipelineModel/SLOResult/evaluate(_:)`` makes them: known names in their
///   order, each once, in its unit, the actual value equal to its figure, and `met` exactly
///   when the actual value is within the target.
public enum PartialResultAudit {
  /// SLO name, unit and the figure its actual value is (SLOResult.evaluate, in its order).
  static let sloFigures: [(name: String, unit: String, figure: String)] = [
    ("p99_end_to_end", "s", "latency.end_to_end_s.p99"),
    ("max_oldest_age", "s", "queue.max_oldest_age_s"),
    ("valid_orders_in_dlq", "orders", "dlq.valid"),
    ("lost_orders", "orders", "orders.lost"),
  ]

  /// Throws the first contradiction found in `partial`, naming the job and the field.
  public static func check(_ partial: PartialResult) throws(PartialResultError) {
    let header = partial.header
    let grid: SweepGrid?
    if header.kind == .sweep {
      do { grid = try SweepGrid(header.dimensions) } catch {
        throw PartialResultError("the header's \"dimensions\" are not a sweep: \(error.description)")
      }
      if let grid, grid.count != header.jobCount {
        throw PartialResultError(
          "the header says \(header.jobCount) jobs but its dimensions make \(grid.count) sweep points")
      }
    } else {
      grid = nil
    }
    for record in partial.records {
      guard record.index >= 0 && record.index < header.jobCount else {
        throw PartialResultError("job \(record.index) is outside the experiment's \(header.jobCount) jobs")
      }
      let name = "job \(record.index)"
      let label = grid?.label(of: record.index) ?? "replication \(record.index)"
      guard record.label == label else {
        throw PartialResultError(
          "\(name): the label is \(JSONTree.quoted(record.label)) but that job is \(JSONTree.quoted(label))")
      }
      if let seed = expectedSeed(of: record.index, header: header, grid: grid), record.seed != seed {
        throw PartialResultError(
          "\(name) (\(label)): seed \(record.seed) breaks the seed rule, which gives \(seed) "
            + (grid == nil
              ? "(StreamSeed.replication(\(record.index), of: \(header.seed)))" : "(the scenario's seed)"))
      }
      try checkFigures(record, name)
      try checkSLOs(record, name)
    }
  }

  /// The seed job `index` runs with, when it can be known from the header.
  static func expectedSeed(of index: Int, header: ExperimentHeader, grid: SweepGrid?) -> UInt64? {
    guard let grid else { return StreamSeed.replication(index, of: header.seed) }
    guard let position = grid.dimensions.firstIndex(where: { $0.path == "seed" }) else { return header.seed }
    // `--vary seed=…`: the point's own seed, when written as a plain whole number.
    return UInt64(grid.values(of: index)[position])
  }

  private static func checkFigures(_ record: JobRecord, _ name: String) throws(PartialResultError) {
    for (figure, value) in zip(Figure.all, record.figures) {
      guard value.isFinite else { throw PartialResultError("\(name): \(figure.key) is \(value), not a finite number") }
      guard value >= 0 else { throw PartialResultError("\(name): \(figure.key) is \(show(value)), below 0") }
      if figure.isWholeNumber && (value != value.rounded() || value > 9e15) {
        throw PartialResultError("\(name): \(figure.key) is \(show(value)), not a whole number of \(figure.label)")
      }
    }
  }

  private static func checkSLOs(_ record: JobRecord, _ name: String) throws(PartialResultError) {
    var next = 0
    for slo in record.slo {
      guard let position = sloFigures.firstIndex(where: { $0.name == slo.name }) else {
        throw PartialResultError(
          "\(name): unknown SLO \"\(slo.name)\" (known: \(sloFigures.map(\.name).joined(separator: ", ")))")
      }
      guard position >= next else {
        throw PartialResultError("\(name): SLO \(slo.name) is repeated or out of order")
      }
      next = position + 1
      let rule = sloFigures[position]
      guard slo.unit == rule.unit else {
        throw PartialResultError("\(name): SLO \(slo.name) is in \"\(slo.unit)\", not \"\(rule.unit)\"")
      }
      guard slo.target.isFinite && slo.target >= 0 else {
        throw PartialResultError("\(name): SLO \(slo.name) has target \(show(slo.target)), not a finite number ≥ 0")
      }
      let figure = record.value(rule.figure)
      // p99_end_to_end is infinite when valid orders arrived and none was persisted (the
      // latency figures are then 0).
      let unbounded =
        slo.name == "p99_end_to_end" && slo.actual == .infinity && figure == 0 && record.value("orders.valid") > 0
      guard slo.actual == figure || unbounded else {
        throw PartialResultError(
          "\(name): SLO \(slo.name) says actual \(show(slo.actual)) but \(rule.figure) is \(show(figure))")
      }
      guard slo.met == (slo.actual <= slo.target) else {
        throw PartialResultError(
          "\(name): SLO \(slo.name) says \(slo.met ? "met" : "missed") but actual \(show(slo.actual)) is "
            + (slo.met ? "above" : "within") + " target \(show(slo.target))")
      }
    }
  }

  /// A number as in the file: `12345`, `0.25`, `inf`.
  static func show(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 9e15 ? String(Int(value)) : value.description
  }
}
