import SimulationKernel

/// The library entry point: one deterministic run of a configuration, no I/O.
///
/// ```swift
/// let result = try Simulation.run(configuration) { now in print(now.seconds) }
/// ```
public enum Simulation {
  /// Runs the configured architecture to its horizon. `progress` is called now and then with the
  /// simulated time reached. Throws ``LedgerImbalance`` if the run lost track of a message —
  /// a bug in peaksim, never a property of the scenario.
  ///
  /// - Parameter prefetch: write and validate order bodies on a second thread, ahead of the
  ///   event loop (about 1.5× faster on two free cores). The result is identical either way;
  ///   experiments that already run one simulation per core turn it off.
  public static func run(
    _ configuration: PipelineConfiguration, prefetch: Bool = true, progress: ((SimTime) -> Void)? = nil
  ) throws -> RunResult {
    let result: RunResult
    switch configuration.architecture {
    case .decoupled:
      var pipeline = DecoupledPipeline(configuration, prefetch: prefetch)
      let end = pipeline.run(progress: progress)
      if let stop = pipeline.backlogExceeded {
        throw BacklogLimitExceeded(limit: configuration.maxBacklog, backlog: stop.backlog, at: stop.at)
      }
      result = pipeline.finish(endedAt: end)
    case .synchronous:
      var pipeline = SynchronousPipeline(configuration, prefetch: prefetch)
      let end = pipeline.run(progress: progress)
      result = pipeline.finish(endedAt: end)
    }
    guard result.ledger.isBalanced else { throw LedgerImbalance(ledger: result.ledger) }
    return result
  }
}
