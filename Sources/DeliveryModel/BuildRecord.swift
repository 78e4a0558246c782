import SimulationKernel

/// One commit's build, from the push to its result.
struct BuildRecord: Sendable {
  /// When the push entered the pipeline (a freeze's end for a push the freeze held).
  var pushedAt: SimTime
  var hotfix: Bool
  /// Index into `delivery.commits.hotfixes`, for a scheduled hotfix.
  var scheduledHotfix: Int?
  /// Drawn at the push, so every delivery system builds the same commits the same way
  /// (common random numbers): working time in seconds and whether the build fails.
  var workSeconds: Double
  var fails: Bool
  var state: State = .triggering
  /// When the build last entered the queue.
  var enqueuedAt: SimTime = .zero
  var attempt = 0
  var startedAt: SimTime?
  var endedAt: SimTime?
  /// When the result is known: the failure e-mail, or the release (the deployment's end is
  /// added at the end of the run).
  var resultKnownAt: SimTime?
  var releaseIndex: Int?

  init(pushedAt: SimTime, hotfix: Bool, scheduledHotfix: Int?, workSeconds: Double, fails: Bool) {
    self.pushedAt = pushedAt
    self.hotfix = hotfix
    self.scheduledHotfix = scheduledHotfix
    self.workSeconds = workSeconds
    self.fails = fails
  }

  enum State: Sendable, Equatable {
    case triggering
    case queued
    case running
    case succeeded
    case failed
    case rejected
    case timedOut
  }
}
