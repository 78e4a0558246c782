import PipelineModel
import SimulationKernel
import Testing

@testable import DeliveryModel

/// Freezes let only hotfixes into the pipeline; a hotfix's lead time runs to the end of its
/// deployment, canary included (§6 "CodeDeploy Lambda predefined configs – canary").
@Suite struct FreezeAndHotfixTests {
  @Test func duringAFreezeOnlyHotfixesBuild() throws {
    var c = DeliveryTestConfigurations.base(system: .codebuild, duration: .days(4))
    c.delivery?.commits.rate = 10.0 / 3_600
    c.delivery?.commits.hotfixShare = 0.1
    c.delivery?.build.duration = .constant(300)
    c.delivery?.commits.freezes = [.init(from: .days(1), to: .days(3))]
    let outcome = try #require(DeliveryRun.simulate(c))
    let freeze = SimTime.zero + .days(1)..<SimTime.zero + .days(3)
    let inFreeze = outcome.builds.filter { $0.startedAt.map(freeze.contains) ?? false }
    #expect(!inFreeze.isEmpty)
    #expect(inFreeze.allSatisfy { $0.hotfix }, "a non-hotfix build started during the freeze")
    let s = outcome.summary()
    #expect(s.heldByFreeze > 300)  // ≈ 2 days × 240 pushes × 0.9
    // The held pushes enter the pipeline when the freeze ends.
    #expect(outcome.builds.count { !$0.hotfix && $0.pushedAt == SimTime.zero + .days(3) } == s.heldByFreeze)
  }

  static func hotfix(_ shift: DeploymentStrategy) throws -> DeliverySummary {
    var c = DeliveryTestConfigurations.base(system: .codebuild, duration: .days(2))
    c.delivery?.commits.rate = 0
    c.delivery?.commits.hotfixesAt = [.hours(30)]
    c.delivery?.build.duration = .lognormal(median: 360, sigma: 0.3)
    c.delivery?.build.provisioning = .lognormal(median: 30, sigma: 0.5)
    c.delivery?.build.pushTriggerDelay = .constant(10)
    c.delivery?.deploy.template.strategy = shift
    return try #require(DeliveryRun.simulate(c)).summary()
  }

  @Test func hotfixLeadTimeIncludesTheCanary() throws {
    let canary = try Self.hotfix(.canary(percent: 10, interval: .minutes(15)))
    let allAtOnce = try Self.hotfix(.allAtOnce)
    let fix = try #require(canary.scheduledHotfixes.first)
    let lead = try #require(fix.leadTimeS)
    let start = try #require(fix.deployStartS)
    let end = try #require(fix.deployEndS)
    #expect(fix.outcome == "succeeded")
    #expect(end - start == 900)
    #expect(abs(lead - (end - 30 * 3_600)) < 1e-6)
    // Same commit, same draws: the canary adds exactly its 15 minutes.
    let direct = try #require(allAtOnce.scheduledHotfixes.first?.leadTimeS)
    #expect(abs(lead - direct - 900) < 1e-6)
    #expect(canary.hotfixLeadTime.max == lead)
  }

  @Test func failedBuildsResultIsKnownAtTheEmail() throws {
    var c = DeliveryTestConfigurations.base(system: .codebuild, duration: .days(2))
    c.delivery?.commits.rate = 0
    c.delivery?.commits.hotfixesAt = [.hours(1)]
    c.delivery?.build.duration = .constant(600)
    c.delivery?.build.failureRate = 1
    c.delivery?.notify.delay = .constant(7)
    let s = try #require(DeliveryRun.simulate(c)).summary()
    #expect(s.builds.failed == 1 && s.deployments == 0)
    #expect(s.leadTime.max == 607)
    #expect(s.failureNotice.max == 7)
  }
}

/// One deployment at a time (§10 "CodeDeploy limits"); releases waiting behind it are
/// superseded by the latest (CodePipeline's default SUPERSEDED mode).
@Suite struct DeploymentQueueTests {
  static func release(_ minutes: Int64) -> DeliveryRelease {
    let t = SimTime.zero + .minutes(minutes)
    return DeliveryRelease(name: "r\(minutes)", hotfix: false, releasedAt: t, deployStart: t, deployEnd: t)
  }

  @Test func releasesWaitingBehindADeploymentShipInTheLatestOne() {
    var releases = [0, 2, 3, 4, 20].map(Self.release)
    DeliveryRun.scheduleDeployments(&releases, length: .minutes(5))
    // r0 deploys 0–5; r2, r3, r4 wait; at 5 only r4 deploys (5–10), carrying r2 and r3; r20 alone.
    #expect(releases.map(\.superseded) == [false, true, true, false, false])
    #expect(releases[1].deployEnd == SimTime.zero + .minutes(10))
    #expect(releases[3].deployStart == SimTime.zero + .minutes(5))
    #expect(releases[4].deployStart == SimTime.zero + .minutes(20))
  }
}
