import PipelineModel
import SimulationKernel
import Testing

@testable import Experiments

/// `sweep` and `size` reach deployment keys through indexed key paths
/// (`deployments[0].alarms[0].threshold`, `deployments[0].config.canary.interval`).
@Suite struct DeploymentExperimentTests {
  static func scenario() throws -> ExperimentScenario {
    try ExperimentScenario(path: Fixtures.path("tiny-deploy.yaml"))
  }

  @Test func aSweepOverTheAlarmThresholdAndTheCanaryIntervalSetsEachPoint() throws {
    let sweep = try Sweep(
      scenario: Self.scenario(),
      dimensions: [
        SweepDimension(path: "deployments[0].alarms[0].threshold", values: ["1", "1000"]),
        SweepDimension(path: "deployments[0].config.canary.interval", values: ["1m", "5m"]),
      ])
    let jobs = try sweep.jobs()
    #expect(jobs.count == 4)
    let points = jobs.compactMap { $0.configuration.deployments.first }
    #expect(points.map { $0.alarms.first?.threshold } == [1, 1, 1_000, 1_000])
    #expect(
      points.map(\.strategy) == [
        .canary(percent: 10, interval: .minutes(1)), .canary(percent: 10, interval: .minutes(5)),
        .canary(percent: 10, interval: .minutes(1)), .canary(percent: 10, interval: .minutes(5)),
      ])
  }

  @Test func aSweepPointNamingADeploymentTheScenarioLacksIsAnError() throws {
    let sweep = try Sweep(
      scenario: Self.scenario(), dimensions: [SweepDimension(path: "deployments[1].config", values: ["all_at_once"])])
    #expect(throws: ExperimentError.self) { try sweep.jobs() }
  }

  @Test func sizingSetsTheAlarmThresholdPerValue() throws {
    let scenario = try Self.scenario()
    let c = try scenario.configuration(adding: ["deployments[0].alarms[0].threshold=42"], context: "size")
    #expect(c.deployments.first?.alarms.first?.threshold == 42)
  }
}
