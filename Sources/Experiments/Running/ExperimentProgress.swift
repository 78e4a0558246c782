/// How far an experiment has come, for a progress bar: runs finished out of all runs, and the
/// fraction of the work done counting the simulated time reached inside runs still going.
public struct ExperimentProgress: Sendable, Equatable {
  /// Runs finished.
  public var completed: Int
  /// Runs in the experiment.
  public var total: Int
  /// Runs started and not yet finished.
  public var running: Int
  /// 0…1: finished runs plus the fraction of simulated time each running run has covered,
  /// divided by `total`.
  public var fraction: Double

  public init(completed: Int, total: Int, running: Int, fraction: Double) {
    self.completed = completed
    self.total = total
    self.running = running
    self.fraction = fraction
  }
}
