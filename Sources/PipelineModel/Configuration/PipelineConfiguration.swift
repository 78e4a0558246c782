import Randomness
import SimulationKernel

/// Everything one run needs, as plain immutable values: what the `Scenario` module produces
/// from a YAML file and what tests build directly. Every default is AWS's own
/// (`reference/aws-behaviour.md`); the field names follow SCENARIO.md in camelCase.
public struct PipelineConfiguration: Sendable {
  public var name: String
  /// SCENARIO.md `description`: one line for people, shown in reports.
  public var description: String = ""
  public var seed: UInt64 = 1
  /// The simulated horizon.
  public var duration: SimDuration
  /// Report interval (one time-series row each).
  public var interval: SimDuration = .minutes(1)
  /// Unix seconds of simulated time zero, when the scenario sets `start`; also selects
  /// date-dependent rules and prices.
  public var startEpochSeconds: Int64?
  public var architecture: Architecture = .decoupled
  /// The most messages the queue may hold (visible and in flight) before the run stops with
  /// ``BacklogLimitExceeded``: an overloaded run grows by about 40 bytes a message until it
  /// exhausts the machine (scenario key `limits.max_backlog`).
  public var maxBacklog: Int = 50_000_000
  public var traffic: TrafficConfiguration
  public var orders = OrdersConfiguration()
  public var queue = QueueConfiguration()
  public var eventSource = EventSourceConfiguration()
  public var lambda = LambdaConfiguration()
  public var table = TableConfiguration()
  public var retries = RetryConfiguration()
  public var slo = SLOConfiguration()
  public var cost = CostConfiguration()
  /// CodeDeploy deployments of the function during the run (SCENARIO.md "Additions"), in the
  /// order they are requested; empty = the function is never deployed.
  public var deployments: [DeploymentConfiguration] = []
  /// The delivery pipeline (`delivery:`), simulated before the order pipeline; `nil` = none.
  public var delivery: DeliveryConfiguration?

  public init(name: String, duration: SimDuration, traffic: TrafficConfiguration) {
    self.name = name
    self.duration = duration
    self.traffic = traffic
  }
}

/// `architecture`: the decoupled design, or the synchronous "before" picture.
public enum Architecture: String, Sendable, CaseIterable {
  case decoupled
  case synchronous
}
