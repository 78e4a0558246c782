import PipelineModel

/// What an experiment keeps of one run: every figure of ``Figure/all`` and the SLO verdicts.
///
/// This is everything the replication and sweep reports are made of, and exactly what a
/// partial result file holds per job, so a report built from records read back from partial
/// files is the report built from the runs themselves.
public struct JobRecord: Sendable, Equatable {
  /// The job's position in the experiment (0-based).
  public var index: Int
  /// `replication 3`, `event_source.batch_size=5`, …
  public var label: String
  /// The seed the run used.
  public var seed: UInt64
  /// The values of ``Figure/all``, in that order.
  public var figures: [Double]
  /// The scenario's SLOs judged against the run, in SCENARIO.md order.
  public var slo: [SLOOutcome]

  public init(index: Int, label: String, seed: UInt64, figures: [Double], slo: [SLOOutcome]) {
    precondition(
      figures.count == Figure.all.count, "a job record needs \(Figure.all.count) figures, got \(figures.count)")
    self.index = index
    self.label = label
    self.seed = seed
    self.figures = figures
    self.slo = slo
  }

  /// The record of `result`, the run of job `index`.
  public init(index: Int, label: String, result: RunResult) {
    self.init(
      index: index, label: label, seed: result.configuration.seed,
      figures: Figure.all.map { $0.value(in: result) }, slo: result.slo.map(SLOOutcome.init))
  }

  /// The value of the figure with `key` (a key of ``Figure/all``).
  public func value(_ key: String) -> Double {
    guard let position = Figure.all.firstIndex(where: { $0.key == key }) else {
      preconditionFailure("no figure has the key \(key)")
    }
    return figures[position]
  }

  /// Whether every SLO was met (true when there are none).
  public var allSLOsMet: Bool { slo.allSatisfy(\.met) }

  /// The SLO called `name`, if the run was judged against it.
  public func slo(named name: String) -> SLOOutcome? { slo.first { $0.name == name } }
}
