import PipelineModel
import Randomness
import SimulationKernel

/// Small configurations for model tests.
enum TestConfigurations {
  /// A quiet pipeline: valid orders only, no cold starts, no table latency.
  static func base(rate: Double, duration: SimDuration, seed: UInt64 = 1) -> PipelineConfiguration {
    var c = PipelineConfiguration(name: "test", duration: duration, traffic: TrafficConfiguration(baseline: rate))
    c.seed = seed
    c.orders.defects = .none
    c.orders.duplicates = 0
    c.lambda.coldStart = .constant(0)
    c.table.unlimited = true
    c.table.latency = .constant(0)
    return c
  }

  /// The M/M/c queue: Poisson arrivals, `c` servers that take one message each, exponential
  /// service with rate `mu`.
  static func mmc(lambda: Double, mu: Double, c: Int, duration: SimDuration, seed: UInt64) -> PipelineConfiguration {
    var config = base(rate: lambda, duration: duration, seed: seed)
    config.eventSource.scaling = .instant
    config.eventSource.batchSize = 1
    config.eventSource.maximumConcurrency = c
    config.lambda.perInvocation = .exponential(mean: 1 / mu)
    config.lambda.perMessage = .constant(0)
    config.lambda.timeout = .seconds(900)
    config.queue.visibilityTimeout = .hours(12)
    config.interval = .hours(1)
    return config
  }
}
