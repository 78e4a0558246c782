import Synchronization

/// Collects progress from the tasks of a ``ParallelRunner`` (any thread) and hands one
/// consistent ``ExperimentProgress`` to the observer.
///
/// The observer is called under the lock, so calls never overlap and never arrive out of order;
/// it must be quick (a progress bar throttles its own drawing).
final class ProgressTracker: Sendable {
  private struct State {
    var completed = 0
    var total: Int
    /// Fraction of its simulated horizon each running job has reached, by job index.
    var running: [Int: Double] = [:]
  }

  private let state: Mutex<State>
  private let observer: (@Sendable (ExperimentProgress) -> Void)?

  init(total: Int, observer: (@Sendable (ExperimentProgress) -> Void)?) {
    state = Mutex(State(total: total))
    self.observer = observer
  }

  func started(_ job: Int) { update { $0.running[job] = 0 } }

  func advanced(_ job: Int, to fraction: Double) {
    guard observer != nil else { return }
    update { $0.running[job] = min(1, max(0, fraction)) }
  }

  func finished(_ job: Int) {
    update {
      $0.running[job] = nil
      $0.completed += 1
    }
  }

  private func update(_ change: (inout State) -> Void) {
    state.withLock { state in
      change(&state)
      guard let observer else { return }
      // Summing a dictionary's values: the order does not matter for a progress fraction.
      let partial = state.running.values.reduce(0, +)
      let fraction = state.total == 0 ? 1 : (Double(state.completed) + partial) / Double(state.total)
      observer(
        ExperimentProgress(
          completed: state.completed, total: state.total, running: state.running.count, fraction: fraction))
    }
  }
}
