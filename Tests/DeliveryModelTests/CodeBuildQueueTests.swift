import PipelineModel
import SimulationKernel
import Testing

@testable import DeliveryModel

/// CodeBuild's account quota, its queue of 5 × the quota, and the queued timeout
/// (§6 "CodeBuild concurrency and queueing", "CodeBuild queue timeout"; §10 "CodeBuild
/// concurrent builds").
@Suite struct CodeBuildQueueTests {
  /// Twenty pushes at once (1 h in) on a quota of 1: builds of exactly 30 minutes.
  static func burst(queuedTimeout: SimDuration, projectLimit: Int? = nil) -> PipelineConfiguration {
    var c = DeliveryTestConfigurations.base(system: .codebuild, duration: .hours(6))
    c.delivery?.commits.rate = 0
    c.delivery?.commits.hotfixesAt = Array(repeating: .hours(1), count: 20)
    c.delivery?.build.concurrentBuilds = 1
    c.delivery?.build.duration = .constant(1_800)
    c.delivery?.build.queuedTimeout = queuedTimeout
    c.delivery?.build.concurrentBuildLimit = projectLimit
    return c
  }

  @Test func quotaOfOneRejectsBeyondFiveQueuedAndTimesOutTheQueued() throws {
    // One runs, 5 × 1 queue, 14 rejected; at 30 min one queued build starts (the order is
    // unpredictable); the other 4 have waited 45 minutes and are removed.
    let s = try #require(DeliveryRun.simulate(Self.burst(queuedTimeout: .minutes(45)))).summary()
    #expect(s.builds.submitted == 20)
    #expect(s.builds.rejected == 14)
    #expect(s.builds.timedOut == 4 && s.builds.queuedTimedOut == 4)
    #expect(s.builds.succeeded == 2)
    #expect(s.builds.started == 2)
    #expect(s.queueWait.max == 1_800)
  }

  @Test func aLongQueuedTimeoutLetsTheWholeQueueRun() throws {
    let s = try #require(DeliveryRun.simulate(Self.burst(queuedTimeout: .hours(8)))).summary()
    #expect(s.builds.rejected == 14)
    #expect(s.builds.timedOut == 0)
    #expect(s.builds.succeeded == 6)  // 1 + 5 queued, 30 minutes each, within 5 hours
  }

  @Test func projectConcurrentBuildLimitRejectsInsteadOfQueueing() throws {
    var c = Self.burst(queuedTimeout: .hours(8), projectLimit: 1)
    c.delivery?.build.concurrentBuilds = 5
    let s = try #require(DeliveryRun.simulate(c)).summary()
    #expect(s.builds.rejected == 19)
    #expect(s.builds.succeeded == 1)
  }

  @Test func buildTimeoutStopsALongBuild() throws {
    var c = Self.burst(queuedTimeout: .hours(8))
    c.delivery?.commits.hotfixesAt = [.hours(1)]
    c.delivery?.build.timeout = .minutes(20)
    let s = try #require(DeliveryRun.simulate(c)).summary()
    #expect(s.builds.timedOut == 1 && s.builds.queuedTimedOut == 0)
    #expect(s.builds.billedMinutes == 20)
  }
}
