import PipelineModel
import SimulationKernel
import Testing

@testable import Scenario

/// `deployments:` (SCENARIO.md "Additions"): config names as SCENARIO.md spells them, custom
/// canary/linear, release, alarms, hooks; located errors for bad configs (aws-behaviour.md §6,
/// §10 "CodeDeploy limits").
@Suite struct DeploymentScenarioTests {
  func loaded(_ deployments: String) throws -> LoadedScenario {
    try parse(scenario("deployments:\n" + deployments)).get()
  }

  func errors(_ deployments: String) -> [ScenarioDiagnostic] {
    diagnostics(scenario("deployments:\n" + deployments)).filter(\.isError)
  }

  @Test(arguments: DeploymentStrategy.predefined.map(\.name))
  func everyPredefinedConfigNameOfScenarioMdIsRead(name: String) throws {
    let s = try loaded("  - {name: r, at: 30m, config: \(name)}\n")
    #expect(s.configuration.deployments.first?.strategy == DeploymentStrategy.named(name))
  }

  @Test func aFullDeploymentIsReadWithEveryKey() throws {
    let s = try loaded(
      """
        - name: release-42
          at: 30m
          config: {canary: {percent: 20, interval: 3m}}
          release: {error_rate: 0.5, duration_factor: 2, cold_start: 900ms}
          alarms:
            - {metric: errors, threshold: 10, period: 2m, evaluation_periods: 3, datapoints_to_alarm: 2}
            - {metric: oldest_age, threshold: 120}
          auto_rollback: false
          hooks: {before_allow_traffic: 30s, after_allow_traffic: 1m}
          alarm_poll_delay: 2m

      """)
    let d = try #require(s.configuration.deployments.first)
    #expect(d.name == "release-42")
    #expect(d.start == .zero + .minutes(30))
    #expect(d.strategy == .canary(percent: 20, interval: .minutes(3)))
    #expect(d.release == ReleaseBehaviour(errorRate: 0.5, durationFactor: 2, coldStart: .constant(0.9)))
    #expect(
      d.alarms == [
        DeploymentAlarm(
          metric: .errors, threshold: 10, period: .minutes(2), evaluationPeriods: 3, datapointsToAlarm: 2),
        DeploymentAlarm(metric: .oldestAge, threshold: 120),
      ])
    #expect(!d.autoRollback)
    #expect(d.hooks == DeploymentHooks(beforeAllowTraffic: .seconds(30), afterAllowTraffic: .minutes(1)))
    #expect(d.alarmPollDelay == .minutes(2))
  }

  @Test func theEffectiveSettingsListDeploymentsOnlyWhenThereAreSomeAndTheyReadBack() throws {
    let without = try parse(minimalScenario).get()
    #expect(!without.effectiveSettings.contains { $0.keyPath == "deployments" })
    let s = try loaded(
      "  - {name: r, at: 30m, config: {linear: {percent: 25, interval: 2m}}, alarms: [{metric: errors, threshold: 1}]}\n"
    )
    let line = try #require(s.effectiveSettings.first { $0.keyPath == "deployments" })
    let again = try parse(minimalScenario, overrides: ["deployments=\(line.value)"]).get()
    #expect(again.configuration.deployments == s.configuration.deployments)
  }

  @Test func anUnknownConfigNameGetsADidYouMeanAtItsLineAndColumn() throws {
    let e = try #require(errors("  - {name: r, at: 30m, config: canary_10_percent_5_minute}\n").first)
    #expect(e.keyPath == "deployments[0].config")
    #expect(e.location.line == 6)
    #expect(e.message.contains("did you mean 'canary_10_percent_5_minutes'?"))
  }

  @Test(arguments: [
    ("{canary: {percent: 0, interval: 5m}}", "deployments[0].config.canary.percent"),
    ("{canary: {percent: 100, interval: 5m}}", "deployments[0].config.canary.percent"),
    ("{linear: {percent: 10, interval: 0m}}", "deployments[0].config.linear.interval"),
    ("{linear: {percent: 10, interval: 90s}}", "deployments[0].config.linear.interval"),
    ("{canery: {percent: 10, interval: 5m}}", "deployments[0].config.canery"),
    ("{linear: {percent: 1, interval: 48h}}", "deployments[0].config.linear"),
  ])
  func aBadCustomConfigIsAnErrorAtItsKey(config: String, path: String) {
    let e = errors("  - {name: r, at: 30m, config: \(config)}\n")
    #expect(e.map(\.keyPath) == [path], "\(e)")
  }

  @Test func anAlarmWithoutAMetricIsAnError() throws {
    let e = try #require(errors("  - {name: r, at: 30m, alarms: [{threshold: 5}]}\n").first)
    #expect(e.keyPath == "deployments[0].alarms[0]")
    #expect(e.message.contains("missing 'metric'"))
  }

  @Test func moreDatapointsToAlarmThanEvaluationPeriodsIsAnError() {
    let e = errors("  - {name: r, at: 30m, alarms: [{metric: errors, threshold: 5, datapoints_to_alarm: 3}]}\n")
    #expect(e.map(\.keyPath) == ["deployments[0].alarms[0].datapoints_to_alarm"])
  }

  @Test func aHookLongerThanCodeDeploysHourIsAnError() {
    // §10 "CodeDeploy limits": hooks must report within 1 h.
    let e = errors("  - {name: r, at: 30m, hooks: {before_allow_traffic: 2h}}\n")
    #expect(e.map(\.keyPath) == ["deployments[0].hooks.before_allow_traffic"])
  }

  @Test func aDeploymentNeedsAStartTime() {
    let e = errors("  - {name: r, config: all_at_once}\n")
    #expect(e.map(\.keyPath) == ["deployments[0]"])
    #expect(e.first?.message.contains("missing 'at'") == true)
  }

  @Test func afterBuildNeedsADeliverySection() {
    let e = errors("  - {name: r, after_build: true}\n")
    #expect(e.map(\.keyPath) == ["deployments[0].after_build"])
  }

  @Test func deploymentNamesAreUnique() {
    let e = errors("  - {name: r, at: 10m}\n  - {name: r, at: 20m}\n")
    #expect(e.count == 1)
    #expect(e.first?.message.contains("unique") == true)
  }
}
