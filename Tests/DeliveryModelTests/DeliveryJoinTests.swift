import PipelineModel
import SimulationKernel
import Testing

@testable import DeliveryModel

/// The delivery pipeline's releases become the order pipeline's deployments (DESIGN.md "A run
/// with a delivery pipeline"); a release's lead time ends when the order pipeline's deployment
/// ended: shifted to 100 %, or rolled back (§6 "Alarm-triggered automatic rollback").
@Suite struct DeliveryJoinTests {
  /// Orders at 50/s for 3 hours; one hotfix pushed at 1 h, built on CodeBuild.
  static func sale(_ strategy: DeploymentStrategy, errorRate: Double = 0, afterBuildEntry: Bool = false)
    -> PipelineConfiguration
  {
    var c = DeliveryTestConfigurations.base(system: .codebuild, duration: .hours(3))
    c.traffic = TrafficConfiguration(baseline: 50)
    c.delivery?.commits.rate = 0
    c.delivery?.commits.hotfixesAt = [.hours(1)]
    c.delivery?.build.duration = .constant(600)
    var template = DeploymentConfiguration(name: "release")
    template.afterBuild = true
    template.strategy = strategy
    template.release = ReleaseBehaviour(errorRate: errorRate)
    template.hooks = DeploymentHooks(beforeAllowTraffic: .seconds(30))
    template.alarms = [DeploymentAlarm(metric: .errors, threshold: 5)]
    if afterBuildEntry {
      var entry = template
      entry.name = "the-fix"
      c.deployments = [entry]
    } else {
      c.delivery?.deploy.template = template
    }
    return c
  }

  @Test func hotfixLeadTimeEndsWhenTheOrderPipelinesCanaryEnds() throws {
    let result = try DeliveryRun.run(Self.sale(.canary(percent: 10, interval: .minutes(10))))
    let delivery = try #require(result.delivery)
    let record = try #require(result.deployments.first)
    #expect(record.outcome == .succeeded)
    // Released at 1 h + 10 min of build; 30 s hook, then the 10-minute canary.
    #expect(record.startSeconds == 4_200)
    let end = try #require(record.endSeconds)
    #expect(end >= 4_200 + 30 + 600)
    let fix = try #require(delivery.scheduledHotfixes.first)
    #expect(fix.outcome == "succeeded")
    #expect(fix.deployEndS == end)
    #expect(try #require(fix.leadTimeS) == end - 3_600)
  }

  @Test func aRolledBackReleaseEndsItsLeadTimeAtTheRollback() throws {
    let result = try DeliveryRun.run(Self.sale(.canary(percent: 10, interval: .minutes(30)), errorRate: 1))
    let delivery = try #require(result.delivery)
    let record = try #require(result.deployments.first)
    #expect(record.outcome == .rolledBack)
    let fix = try #require(delivery.scheduledHotfixes.first)
    #expect(fix.outcome == "rolled_back")
    #expect(fix.deployEndS == record.endSeconds)
    #expect(try #require(fix.leadTimeS) < 1_800)  // well before the canary's 30 minutes
    #expect(delivery.deploymentsRolledBack == 1)
  }

  @Test func afterBuildDeploymentsTakeTheFirstReleases() throws {
    let result = try DeliveryRun.run(
      Self.sale(.linear(percent: 10, interval: .minutes(1)), afterBuildEntry: true))
    #expect(result.deployments.map(\.name) == ["the-fix"])
    let record = try #require(result.deployments.first)
    #expect(record.startSeconds == 4_200)
    #expect(try #require(result.delivery?.scheduledHotfixes.first?.deployEndS) == record.endSeconds)
  }
}
