import PipelineModel

/// One run of an experiment: a label for people and progress lines (`baseline`,
/// `replication 3`, `maximum_concurrency=40`) and the configuration to simulate.
public struct SimulationJob: Sendable {
  public var label: String
  public var configuration: PipelineConfiguration

  public init(label: String, configuration: PipelineConfiguration) {
    self.label = label
    self.configuration = configuration
  }
}
