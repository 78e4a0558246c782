import Foundation
import Synchronization
import Testing

@testable import Experiments

@Suite struct ParallelRunnerTests {
  @Test func outputsComeBackInJobOrderWhateverOrderTheyFinishIn() async throws {
    let finished = Mutex<[Int]>([])
    let lastDone = Gate()
    let runner = ParallelRunner(jobs: 2)
    // Job 0 waits until job 7 is done, so it finishes last (it suspends: no thread is held).
    let outputs = try await runner.map(Array(0..<8)) { input, _ in
      if input == 0 { await lastDone.wait() }
      finished.withLock { $0.append(input) }
      if input == 7 { lastDone.open() }
      return input * 10
    }
    #expect(outputs == [0, 10, 20, 30, 40, 50, 60, 70])
    #expect(finished.withLock { $0 } == [1, 2, 3, 4, 5, 6, 7, 0])
  }

  @Test func neverMoreJobsInFlightThanAllowed() async throws {
    let state = Mutex((running: 0, most: 0))
    let runner = ParallelRunner(jobs: 2)
    _ = try await runner.map(Array(0..<6)) { input, _ in
      state.withLock {
        $0.running += 1; $0.most = max($0.most, $0.running)
      }
      try await Task.sleep(for: .milliseconds(10))
      state.withLock { $0.running -= 1 }
      return input
    }
    #expect(state.withLock { $0.most } <= 2)
  }

  @Test func progressEndsAtEveryJobDone() async throws {
    let seen = Mutex<[ExperimentProgress]>([])
    let runner = ParallelRunner(jobs: 2) { progress in seen.withLock { $0.append(progress) } }
    _ = try await runner.map(Array(0..<5)) { input, advance in
      advance(0.5)
      return input
    }
    let last = try #require(seen.withLock { $0.last })
    #expect(last.completed == 5 && last.total == 5 && last.running == 0 && last.fraction == 1)
    let completed = seen.withLock { $0.map(\.completed) }
    #expect(completed == completed.sorted(), "progress never goes backwards")
  }

  @Test func aFailingJobIsNamed() async throws {
    struct Boom: Error {}
    let runner = ParallelRunner(jobs: 2)
    await #expect(throws: Boom.self) {
      _ = try await runner.map([1, 2, 3]) { input, _ in
        if input == 2 { throw Boom() }
        return input
      }
    }
  }

  @Test func replicationsAreIdenticalForOneAndTwoJobs() async throws {
    let experiment = try Replications(scenario: Fixtures.tiny(), count: 3)
    let one = try await experiment.run(on: ParallelRunner(jobs: 1))
    let two = try await experiment.run(on: ParallelRunner(jobs: 2))
    #expect(one == two)
    let a = ReplicationsReport(header: experiment.header, records: one)
    let b = ReplicationsReport(header: experiment.header, records: two)
    #expect(bytes(a.files) == bytes(b.files))
  }
}

/// Opens once; `wait()` returns when it has.
final class Gate: Sendable {
  private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

  func wait() async {
    await withCheckedContinuation { continuation in
      let resumeNow = state.withLock { state -> Bool in
        if state.open { return true }
        state.waiters.append(continuation)
        return false
      }
      if resumeNow { continuation.resume() }
    }
  }

  func open() {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.open = true
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters { waiter.resume() }
  }
}
