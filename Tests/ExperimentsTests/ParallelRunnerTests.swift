import Foundation
import Synchronization
import Testing
@testable import Experiments

@Suite struct ParallelRunnerTests {
  @Test func outputsComeBackInJobOrderWhateverOrderTheyFinishIn() async throws {
    let finished = Mutex<[Int]>([])
    let runner = ParallelRunner(jobs: 2)
    // Job 0 waits (up to 10 s) until every other job has finished, so it finishes last.
    let outputs = try await runner.map(Array(0..<8)) { input, _ in
      if input == 0 {
        let deadline = ContinuousClock.now + .seconds(10)
        while finished.withLock({ $0.count }) < 7 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.001) }
      }
      finished.withLock { $0.append(input) }
      return input * 10
    }
    #expect(outputs == [0, 10, 20, 30, 40, 50, 60, 70])
    #expect(finished.withLock { $0.last } == 0, "the test needs job 0 to finish last")
  }

  @Test func neverMoreJobsInFlightThanAllowed() async throws {
    let state = Mutex((running: 0, most: 0))
    let runner = ParallelRunner(jobs: 2)
    _ = try await runner.map(Array(0..<6)) { input, _ in
      state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
      Thread.sleep(forTimeInterval: 0.01)
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
