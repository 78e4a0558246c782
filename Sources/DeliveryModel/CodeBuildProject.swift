import PipelineModel
import Randomness
import SimulationKernel

/// CodeBuild for one project in one account: the concurrent-build quota of its compute type,
/// the account queue behind it, the queued and build timeouts.
///
/// - §10 "CodeBuild concurrent builds": the quota is set per account (a setting).
/// - §6 "CodeBuild concurrency and queueing": beyond the quota builds queue, up to 5 × the
///   quota; over that they are rejected; with a project `concurrentBuildLimit` builds over it
///   fail instead of queueing; queued builds start in an unpredictable order (drawn at random).
/// - §6 "CodeBuild queue timeout": a build not started within the queued timeout is removed.
/// - §6 "CodeBuild build timeout" and "CodeBuild phases": PROVISIONING, then the build, ended
///   at the build timeout.
struct CodeBuildProject: Sendable {
  let quota: Int
  let queueLimit: Int
  let projectLimit: Int?
  let queuedTimeout: SimDuration
  let buildTimeout: SimDuration
  let provisioning: Distribution.Sampler
  private(set) var running = 0
  private(set) var waiting: [Int] = []

  init(_ c: DeliveryBuildConfiguration) {
    quota = c.concurrentBuilds
    queueLimit = c.effectiveQueueLimit
    projectLimit = c.concurrentBuildLimit
    queuedTimeout = c.queuedTimeout
    buildTimeout = c.timeout
    provisioning = c.provisioning.sampler()
  }

  enum Admission: Equatable {
    case start
    case queue
    case reject
  }

  /// What happens to a build submitted now.
  func admit() -> Admission {
    if let projectLimit, running >= projectLimit { return .reject }
    if running < quota { return .start }
    return waiting.count < queueLimit ? .queue : .reject
  }

  mutating func enqueue(_ build: Int) { waiting.append(build) }

  /// Removes `build` from the queue (its queued timeout); false when it is no longer there.
  mutating func remove(_ build: Int) -> Bool {
    guard let index = waiting.firstIndex(of: build) else { return false }
    waiting.remove(at: index)
    return true
  }

  /// Starts a build: its end after provisioning and the build phase, and whether the build
  /// timeout ended it.
  mutating func start(workSeconds: Double, stream: inout RandomStream) -> (length: SimDuration, timedOut: Bool) {
    running += 1
    let total = SimDuration(seconds: provisioning.draw(&stream) + workSeconds)
    return total > buildTimeout ? (buildTimeout, true) : (total, false)
  }

  /// A build ended; the next queued build to start, if any (drawn at random).
  mutating func finish(stream: inout RandomStream) -> Int? {
    running -= 1
    guard !waiting.isEmpty, running < quota else { return nil }
    return waiting.remove(at: stream.uniformInt(below: waiting.count))
  }
}
