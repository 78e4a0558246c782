import DeliveryModel
import Foundation
import PipelineModel

/// Runs the simulations of an experiment on several cores with structured concurrency.
///
/// ```swift
/// let runner = ParallelRunner(jobs: 2) { progress in bar.update(progress) }
/// let results = try await runner.run(jobs) { result in JobRecord(result, …) }
/// ```
///
/// At most ``jobs`` simulations are in flight at once (one child task of a
/// `withThrowingTaskGroup` each); results come back **in job order**, whatever order the tasks
/// finish in, so everything written from them is identical for every `jobs`. A simulation is
/// deterministic and shares nothing with the others, so running it on another thread cannot
/// change it.
///
/// `Simulation.run` is synchronous CPU work: each child task runs one simulation to its end on
/// a thread of Swift's cooperative pool, which has one thread per core, so `jobs` above the
/// core count queue without speeding anything up.
///
/// The first failure (a ledger imbalance, a bug in peaksim) cancels the jobs not yet started
/// and is rethrown as ``JobFailure`` naming the job.
public struct ParallelRunner: Sendable {
  /// The most simulations in flight at once (≥ 1).
  public let jobs: Int
  private let observer: (@Sendable (ExperimentProgress) -> Void)?

  /// The default number of parallel jobs: the processors this process may use.
  public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// - Parameters:
  ///   - jobs: most simulations in flight; values below 1 count as 1.
  ///   - progress: called after each change of progress, from any thread, never concurrently.
  public init(jobs: Int = ParallelRunner.defaultJobs, progress: (@Sendable (ExperimentProgress) -> Void)? = nil) {
    self.jobs = max(1, jobs)
    self.observer = progress
  }

  /// Runs every job and returns `summarize(index, result, wallSeconds)` of each, in job order;
  /// `wallSeconds` is the time the simulation took.
  ///
  /// `summarize` runs in the job's task, so a large `RunResult` (interval rows, histograms)
  /// can be reduced to what the experiment keeps before the next job starts.
  public func run<Output: Sendable>(
    _ jobs: [SimulationJob],
    summarize: @escaping @Sendable (_ index: Int, RunResult, _ wallSeconds: Double) throws -> Output
  ) async throws -> [Output] {
    try await map(jobs.indices.map { $0 }) { index, advance in
      let job = jobs[index]
      let horizon = max(job.configuration.duration.seconds, 1e-9)
      do {
        let clock = ContinuousClock()
        let started = clock.now
        // One simulation per core: each run stays on its own thread (no body prefetching), so
        // `--jobs N` scales with the cores instead of competing for them.
        let result = try DeliveryRun.run(job.configuration, prefetch: false) { now in advance(now.seconds / horizon) }
        let elapsed = clock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return try summarize(index, result, wall)
      } catch let error as JobFailure {
        throw error
      } catch {
        throw JobFailure(index: index, label: job.label, underlying: error)
      }
    }
  }

  /// Runs every job and returns its `RunResult`, in job order.
  public func run(_ jobs: [SimulationJob]) async throws -> [RunResult] {
    try await run(jobs) { _, result, _ in result }
  }

  /// The general form: `work(input, advance)` for every input, at most ``jobs`` at once,
  /// outputs in input order. `advance(fraction)` reports how far the work item has come (0…1).
  public func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input],
    _ work: @escaping @Sendable (Input, _ advance: @escaping @Sendable (Double) -> Void) async throws -> Output
  ) async throws -> [Output] {
    let tracker = ProgressTracker(total: inputs.count, observer: observer)
    let limit = min(self.jobs, inputs.count)
    return try await withThrowingTaskGroup(of: (Int, Output).self) { group in
      var next = 0
      func startNext() {
        let index = next
        let input = inputs[index]
        next += 1
        group.addTask {
          try Task.checkCancellation()
          tracker.started(index)
          let output = try await work(input) { tracker.advanced(index, to: $0) }
          tracker.finished(index)
          return (index, output)
        }
      }
      while next < limit { startNext() }
      var outputs = [Output?](repeating: nil, count: inputs.count)
      while let (index, output) = try await group.next() {
        outputs[index] = output
        if next < inputs.count { startNext() }
      }
      let complete = outputs.compactMap { $0 }
      precondition(complete.count == inputs.count, "a parallel job returned no result")
      return complete
    }
  }

  /// Waits for `operation` on a detached task, from synchronous code.
  public static func blocking<Output: Sendable>(_ operation: @escaping @Sendable () async throws -> Output) throws
    -> Output
  {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<Output>()
    Task.detached {
      do { box.set(.success(try await operation())) } catch { box.set(.failure(error)) }
      done.signal()
    }
    done.wait()
    return try box.get()
  }
}

/// A job of an experiment failed; names the job.
public struct JobFailure: Error, CustomStringConvertible {
  public var index: Int
  public var label: String
  public var underlying: any Error
  public var description: String { "run \(index + 1) (\(label)): \(underlying)" }
}
