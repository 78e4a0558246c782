import PipelineModel
import SimulationKernel
import Testing

@testable import DeliveryModel

/// A Jenkins controller crash loses the builds it is running; they queue again and run when it
/// is back (§10 "Jenkins defaults": one controller, one point of failure).
@Suite struct JenkinsCrashTests {
  static func steadyTeam(mtbf: SimDuration?) -> PipelineConfiguration {
    var c = DeliveryTestConfigurations.base(system: .jenkins, duration: .days(30), seed: 7)
    c.delivery?.commits.rate = 3.0 / 3_600
    c.delivery?.build.duration = .lognormal(median: 900, sigma: 0.3)
    c.delivery?.build.crashMTBF = mtbf
    c.delivery?.build.crashRestart = .constant(1_800)
    return c
  }

  @Test func crashLosesRunningBuildsWhichRunAgain() throws {
    let outcome = try #require(DeliveryRun.simulate(Self.steadyTeam(mtbf: .days(1))))
    let s = outcome.summary()
    #expect(s.builds.lost > 0, "a crash a day over 30 days with builds running 40 % of the time loses some")
    // No build ends as lost: every submitted build succeeded or is still in progress.
    #expect(s.builds.succeeded + s.builds.inProgressAtEnd == s.builds.submitted)
    // Each lost attempt starts again: one queue wait per start, first starts and re-runs.
    let restartsPending = outcome.builds.count { $0.state == .queued && $0.attempt > 0 }
    #expect(s.queueWait.count == UInt64(s.builds.started + s.builds.lost - restartsPending))
  }

  @Test func withoutCrashesNoBuildIsLost() throws {
    let s = try #require(DeliveryRun.simulate(Self.steadyTeam(mtbf: nil))).summary()
    #expect(s.builds.lost == 0)
    #expect(s.builds.succeeded > 1_000)
  }

  @Test func aCrashPutsTheLostBuildsFirstInTheQueue() {
    var build = DeliveryBuildConfiguration()
    build.executors = 2
    var jenkins = JenkinsController(build)
    for b in 0..<4 { jenkins.enqueue(b) }
    #expect(jenkins.nextToStart() == 0)
    #expect(jenkins.nextToStart() == 1)
    #expect(jenkins.nextToStart() == nil)  // two executors busy
    #expect(jenkins.crash() == [0, 1])
    #expect(jenkins.nextToStart() == nil)  // down until the restart
    jenkins.restart()
    #expect(jenkins.nextToStart() == 0)
    #expect(jenkins.nextToStart() == 1)
    #expect(jenkins.queued == 2)
  }

  @Test func controllerSlowsDownAsItsQueueGrows() {
    var build = DeliveryBuildConfiguration()
    build.executors = 1
    build.slowdownPerQueuedBuild = 0.1
    var jenkins = JenkinsController(build)
    for b in 0..<6 { jenkins.enqueue(b) }
    _ = jenkins.nextToStart()
    // Five builds wait: the build takes 1 + 0.1 × 5 = 1.5 times its work.
    #expect(jenkins.length(workSeconds: 600).length == .seconds(900))
  }
}
