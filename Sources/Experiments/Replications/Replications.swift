import PipelineModel
import Randomness

/// `N` independent runs of one scenario: replication `i` runs with seed
/// `StreamSeed.replication(i, of: seed)` (replication 0 is the scenario's own seed), and every
/// figure is reported as a mean with a 95 % confidence interval (``ReplicationsReport``).
public struct Replications: Sendable {
  public let scenario: ExperimentScenario
  public let count: Int
  /// The most replications one experiment runs (`run`, and `size` per value tried).
  public static let maximumCount = 100_000

  public init(scenario: ExperimentScenario, count: Int) throws(ExperimentError) {
    guard count >= 1 else { throw .invalidSetting("--replications must be at least 1, got \(count)") }
    guard count <= Self.maximumCount else {
      throw .invalidSetting("--replications must be at most 100,000, got \(count)")
    }
    self.scenario = scenario
    self.count = count
  }

  /// The seed of replication `index`.
  public func seed(of index: Int) -> UInt64 { StreamSeed.replication(index, of: scenario.configuration.seed) }

  public var header: ExperimentHeader {
    ExperimentHeader(
      kind: .replications, scenarioName: scenario.configuration.name,
      scenarioDescription: scenario.configuration.description, scenarioPath: scenario.path,
      scenarioDigest: scenario.digest, seed: scenario.configuration.seed, overrides: scenario.overrides,
      dimensions: [], jobCount: count)
  }

  /// Every replication's run, in order.
  public var jobs: [SimulationJob] {
    (0..<count).map { index in
      var configuration = scenario.configuration
      configuration.seed = seed(of: index)
      return SimulationJob(label: "replication \(index)", configuration: configuration)
    }
  }

  /// Runs the replications of `shard` (all of them by default) and returns their records in
  /// replication order. `keep(index, result, wallSeconds)` sees each full run (e.g. to write
  /// replication 0's own report) before it is reduced to its record.
  public func run(
    on runner: ParallelRunner, shard: Shard = .whole,
    keep: (@Sendable (_ index: Int, RunResult, _ wallSeconds: Double) -> Void)? = nil
  ) async throws -> [JobRecord] {
    let all = jobs
    let mine = shard.jobs(of: all.count)
    let selected = mine.map { all[$0] }
    return try await runner.run(selected) { position, result, wall in
      keep?(mine[position], result, wall)
      return JobRecord(index: mine[position], label: selected[position].label, result: result)
    }
  }
}
