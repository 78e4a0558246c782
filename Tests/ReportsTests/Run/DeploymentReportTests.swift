import PipelineModel
import Reports
import SimulationKernel
import Testing

/// The deployments in a run's outputs (SCENARIO.md "Additions"): the summary's list, the two
/// CSV columns only with deployments, the report's section and chart.
@Suite struct DeploymentReportTests {
  /// Five minutes at 30 orders/s; a release that always throws, a canary at 1 min, rolled back
  /// by an errors alarm.
  static let rolledBack: RunResult = {
    var c = PipelineConfiguration(name: "deploy", duration: .minutes(5), traffic: TrafficConfiguration(baseline: 30))
    c.seed = 3
    c.interval = .seconds(30)
    c.queue.visibilityTimeout = .seconds(10)
    c.lambda.timeout = .seconds(1)
    var d = DeploymentConfiguration(name: "release-9", start: .zero + .minutes(1))
    d.strategy = .canary(percent: 10, interval: .minutes(5))
    d.release = ReleaseBehaviour(errorRate: 1)
    d.alarms = [DeploymentAlarm(metric: .errors, threshold: 0)]
    c.deployments = [d]
    return try! Simulation.run(c)
  }()

  @Test func theSummaryListsEachDeploymentWithTheContractsKeys() throws {
    let text = SummaryJSON.render(RunSamples.report(Self.rolledBack))
    for key in [
      "\"deployments\"", "\"name\": \"release-9\"", "\"start_s\": 60", "\"config\": \"canary_10_percent_5_minutes\"",
      "\"outcome\": \"rolled_back\"", "\"end_s\"", "\"new_version_invocations\"", "\"new_version_errors\"",
      "\"max_new_version_share\": 0.1", "\"function_error\"",
    ] {
      #expect(text.contains(key), "\(key)")
    }
  }

  @Test func aRunWithoutDeploymentsHasNoDeploymentKeysOrColumns() {
    let text = SummaryJSON.render(RunSamples.report(RunSamples.decoupled))
    #expect(!text.contains("deployments") && !text.contains("\"function_error\""))
    let csv = TimeSeriesCSV.render(RunSamples.decoupled)
    #expect(!csv.contains("new_version"))
    #expect(!ReportMarkdown.render(RunSamples.report(RunSamples.decoupled)).contains("## Deployments"))
    #expect(!ReportCharts.render(RunSamples.decoupled).contains { $0.name == "deployments.svg" })
  }

  @Test func theCSVHasTheTwoDeploymentColumnsLast() throws {
    let csv = TimeSeriesCSV.render(Self.rolledBack)
    let header = try #require(csv.split(separator: "\n").first)
    #expect(header.hasSuffix(",new_version_share,new_version_invocations"))
  }

  @Test func theReportHasATimelineAndWhatTheReleaseCost() {
    let md = ReportMarkdown.render(RunSamples.report(Self.rolledBack))
    #expect(md.contains("## Deployments"))
    #expect(md.contains("### `release-9`: ↩️ rolled back (`canary_10_percent_5_minutes`)"))
    #expect(md.contains("alarm on `errors` goes to ALARM"))
    #expect(md.contains("rolls back: 100% to the original version"))
    #expect(md.contains("failed invocations"))
    #expect(md.contains("messages returned to the queue"))
    #expect(md.contains("charts/deployments.svg"))
  }

  @Test func theChartsMarkTheDeploymentAndItsRollback() throws {
    let charts = ReportCharts.render(Self.rolledBack)
    let deployments = try #require(charts.first { $0.name == "deployments.svg" })
    #expect(deployments.svg.contains("rollbacks") && deployments.svg.contains("deployment starts"))
    let backlog = try #require(charts.first { $0.name == "backlog.svg" })
    #expect(backlog.svg.contains("rollbacks"))
  }
}
