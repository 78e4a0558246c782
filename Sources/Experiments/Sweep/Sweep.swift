import PipelineModel

/// A grid of runs over one or more scenario keys (`--vary PATH=V1,V2,…`), each point the
/// scenario with `--set PATH=VALUE` per dimension and the scenario's seed (common random
/// numbers: every point sees the same arrivals).
public struct Sweep: Sendable {
  public let scenario: ExperimentScenario
  public let grid: SweepGrid

  public init(scenario: ExperimentScenario, dimensions: [SweepDimension]) throws(ExperimentError) {
    do { grid = try SweepGrid(dimensions) } catch { throw .invalidSetting(error.description) }
    self.scenario = scenario
  }

  public var header: ExperimentHeader {
    ExperimentHeader(
      kind: .sweep, scenarioName: scenario.configuration.name, scenarioDescription: scenario.configuration.description,
      scenarioPath: scenario.path, scenarioDigest: scenario.digest, seed: scenario.configuration.seed,
      overrides: scenario.overrides, dimensions: grid.dimensions, jobCount: grid.count)
  }

  /// Every point's run, in grid order. Loads the scenario once per point, so a value the
  /// scenario format refuses stops the sweep before anything runs.
  public func jobs() throws(ExperimentError) -> [SimulationJob] {
    var jobs: [SimulationJob] = []
    for index in 0..<grid.count {
      let label = grid.label(of: index)
      let configuration = try scenario.configuration(adding: grid.overrides(of: index), context: "sweep point \(label)")
      jobs.append(SimulationJob(label: label, configuration: configuration))
    }
    return jobs
  }

  /// Runs the points of `shard` (all by default); records in grid order.
  public func run(on runner: ParallelRunner, shard: Shard = .whole) async throws -> [JobRecord] {
    let all = try jobs()
    let mine = shard.jobs(of: all.count)
    let selected = mine.map { all[$0] }
    return try await runner.run(selected) { position, result, _ in
      JobRecord(index: mine[position], label: selected[position].label, result: result)
    }
  }
}
