import PipelineModel
import SimulationKernel

/// Jenkins on one EC2 instance: one controller with one FIFO queue and a few executors
/// (§10 "Jenkins defaults": the built-in node's `numExecutors` = 2; one controller, one point of
/// failure). The controller slows down as its queue grows (a build takes 1 + slowdown × queued
/// times its work) and crashes: the builds running then are lost, and queue again, first, for
/// when the controller is back (Jenkins keeps its queue across a restart).
struct JenkinsController: Sendable {
  let executors: Int
  let slowdown: Double
  let buildTimeout: SimDuration
  private(set) var up = true
  private(set) var queue: [Int] = []
  private var head = 0
  /// Builds running, in the order they started.
  private(set) var running: [Int] = []

  init(_ c: DeliveryBuildConfiguration) {
    executors = c.executors
    slowdown = c.slowdownPerQueuedBuild
    buildTimeout = c.timeout
  }

  var queued: Int { queue.count - head }

  mutating func enqueue(_ build: Int) { queue.append(build) }

  /// The next build to start now, if the controller is up and an executor is free.
  mutating func nextToStart() -> Int? {
    guard up, running.count < executors, head < queue.count else { return nil }
    let build = queue[head]
    head += 1
    if head > 1_024 && head * 2 > queue.count {
      queue.removeFirst(head)
      head = 0
    }
    running.append(build)
    return build
  }

  /// A started build's length under the current queue, and whether the build timeout ended it.
  func length(workSeconds: Double) -> (length: SimDuration, timedOut: Bool) {
    let total = SimDuration(seconds: workSeconds * (1 + slowdown * Double(queued)))
    return total > buildTimeout ? (buildTimeout, true) : (total, false)
  }

  mutating func finish(_ build: Int) {
    if let index = running.firstIndex(of: build) { running.remove(at: index) }
  }

  /// The controller crashes: the builds it was running, lost, go back to the head of the queue.
  mutating func crash() -> [Int] {
    up = false
    let lost = running
    running = []
    queue.replaceSubrange(0..<head, with: [])
    head = 0
    queue.insert(contentsOf: lost, at: 0)
    return lost
  }

  mutating func restart() { up = true }
}
