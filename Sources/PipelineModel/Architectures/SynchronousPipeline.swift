import SimulationKernel

/// Placeholder replaced by the synchronous architecture (issue 5).
struct SynchronousPipeline: ~Copyable {
  let configuration: PipelineConfiguration
  init(_ configuration: PipelineConfiguration) { self.configuration = configuration }
  mutating func run(progress: ((SimTime) -> Void)?) -> SimTime { SimTime(nanoseconds: configuration.duration.nanoseconds) }
  mutating func finish(endedAt: SimTime) -> RunResult { RunResult(configuration: configuration) }
}
