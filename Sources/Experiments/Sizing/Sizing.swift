import PipelineModel
import Randomness
import Reports

/// `peaksim size`: the smallest (or cheapest) value of one scenario key that meets every SLO —
/// or only the SLOs chosen with `--slo` — in every replication.
///
/// Each value evaluated runs `replications` simulations (seeds as for ``Replications``, the same
/// for every value: common random numbers), all of one batch of the ``SizingSearch`` in
/// parallel.
public struct Sizing: Sendable {
  /// One value evaluated: its runs and the verdict.
  public struct Point: Sendable {
    public var value: Int
    /// One per replication, in replication order.
    public var records: [JobRecord]
    /// The SLOs that decide (all of the scenario's unless `--slo` chose some).
    public var criterion: [String]
    /// What each replication says the settings should be (Little's law at its peak), as in a
    /// run report's sizing hints; in replication order.
    public var advice: [SizingAdvice] = []

    /// Every criterion SLO met in every replication.
    public var passes: Bool {
      records.allSatisfy { record in criterion.allSatisfy { record.slo(named: $0)?.met ?? true } }
    }

    /// The criterion SLOs missed in some replication, in SCENARIO.md order.
    public var failedCriteria: [String] {
      criterion.filter { name in records.contains { $0.slo(named: name)?.met == false } }
    }

    /// Mean total cost over the replications.
    public var meanCost: Double { SampleStatistics(records.map { $0.value("cost_usd.total") }).mean }

    /// The SLO `name` at its worst over the replications (largest actual), with `met` true
    /// only when every replication met it; `nil` if the scenario does not set it.
    public func worst(_ name: String) -> (outcome: SLOOutcome, metIn: Int)? {
      let outcomes = records.compactMap { $0.slo(named: name) }
      guard var worst = outcomes.first else { return nil }
      for outcome in outcomes.dropFirst() where outcome.actual > worst.actual { worst = outcome }
      let metIn = outcomes.filter(\.met).count
      worst.met = metIn == outcomes.count
      return (worst, metIn)
    }

    /// The SLO names of the runs, in SCENARIO.md order.
    public var sloNames: [String] { records.first?.slo.map(\.name) ?? [] }
  }

  public let scenario: ExperimentScenario
  /// The key path sized, e.g. `event_source.maximum_concurrency`.
  public let path: String
  public let range: SizingRange
  public let replications: Int
  public let objective: SizingSearch.Objective
  /// The SLOs that decide, in SCENARIO.md order.
  public let criterion: [String]
  /// Whether `--slo` restricted the criterion.
  public let criterionRestricted: Bool

  /// The SLO names a configuration is judged against, in SCENARIO.md order.
  public static func sloNames(of configuration: PipelineConfiguration) -> [String] {
    var names: [String] = []
    if configuration.slo.p99EndToEnd != nil { names.append("p99_end_to_end") }
    if configuration.slo.maxOldestAge != nil { names.append("max_oldest_age") }
    if configuration.slo.validOrdersInDLQ != nil { names.append("valid_orders_in_dlq") }
    if configuration.slo.lostOrders != nil { names.append("lost_orders") }
    if configuration.slo.p95LeadTime != nil && configuration.delivery != nil { names.append("p95_lead_time") }
    return names
  }

  public init(
    scenario: ExperimentScenario, path: String, range: SizingRange, replications: Int = 1,
    objective: SizingSearch.Objective = .smallest, slos: [String] = []
  ) throws(ExperimentError) {
    guard replications >= 1 else { throw .invalidSetting("--replications must be at least 1, got \(replications)") }
    // As `run --replications`: the jobs of one value are listed up front.
    guard replications <= Replications.maximumCount else {
      throw .invalidSetting("--replications must be at most 100,000, got \(replications)")
    }
    let configured = Self.sloNames(of: scenario.configuration)
    guard !configured.isEmpty else {
      throw .invalidSetting("\(scenario.path) sets no SLOs: there is nothing to size against (add an slo: section)")
    }
    for name in slos where !configured.contains(name) {
      throw .invalidSetting(
        "--slo \(name): the scenario's SLOs are \(configured.joined(separator: ", "))")
    }
    self.scenario = scenario
    self.path = path
    self.range = range
    self.replications = replications
    self.objective = objective
    criterion = slos.isEmpty ? configured : configured.filter { slos.contains($0) }
    criterionRestricted = !slos.isEmpty
  }

  /// The configuration of `value` (the scenario loaded with `--set PATH=VALUE`), one per
  /// replication, each with its replication's seed.
  func configurations(value: Int) throws(ExperimentError) -> [PipelineConfiguration] {
    let setting = Self.setting(path, value)
    let configuration = try scenario.configuration(adding: [setting], context: setting)
    return (0..<replications).map { replication in
      var copy = configuration
      copy.seed = StreamSeed.replication(replication, of: configuration.seed)
      return copy
    }
  }

  /// `PATH=VALUE` for `--set`: memory sizes are written in MB (`lambda.memory=1024MB`), as the
  /// scenario format asks; every other sized key is a bare whole number.
  static func setting(_ path: String, _ value: Int) -> String {
    megabyteKeys.contains(path) ? "\(path)=\(value)MB" : "\(path)=\(value)"
  }

  /// Keys whose whole-number values are Lambda memory sizes (aws-behaviour.md §3 "Memory and CPU").
  static let megabyteKeys: Set<String> = ["lambda.memory", "lambda.duration.measured_at"]

  /// What the search found and every point evaluated.
  public struct Result: Sendable {
    public var outcome: SizingSearch.Outcome
    /// Every value evaluated, in increasing order.
    public var points: [Point]
    public func point(_ value: Int) -> Point? { points.first { $0.value == value } }
  }

  /// Runs the search; `evaluated` sees each point as soon as its batch is done (for a log).
  public func run(on runner: ParallelRunner, evaluated: (@Sendable (Point) -> Void)? = nil) async throws -> Result {
    var points: [Point] = []
    let search = SizingSearch(range: range, objective: objective)
    let outcome = try await search.run { values in
      var jobs: [SimulationJob] = []
      for value in values {
        for (replication, configuration) in try configurations(value: value).enumerated() {
          jobs.append(SimulationJob(label: "\(path)=\(value) replication \(replication)", configuration: configuration))
        }
      }
      let labels = jobs.map(\.label)
      let outputs = try await runner.run(jobs) { index, result, _ in
        (JobRecord(index: index % replications, label: labels[index], result: result), SizingAdvice(result))
      }
      let records = outputs.map(\.0)
      var verdicts: [SizingSearch.Verdict] = []
      for (position, value) in values.enumerated() {
        let slice = Array(records[(position * replications)..<((position + 1) * replications)])
        let advice = outputs[(position * replications)..<((position + 1) * replications)].map(\.1)
        let point = Point(value: value, records: slice, criterion: criterion, advice: advice)
        points.append(point)
        evaluated?(point)
        verdicts.append(
          SizingSearch.Verdict(passes: point.passes, cost: point.meanCost, failures: point.failedCriteria))
      }
      return verdicts
    }
    return Result(outcome: outcome, points: points.sorted { $0.value < $1.value })
  }
}
