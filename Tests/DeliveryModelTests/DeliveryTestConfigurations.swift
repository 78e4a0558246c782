import PipelineModel
import Randomness
import SimulationKernel

/// Delivery-only configurations for the tests: no order traffic, everything but the rule under
/// test switched off (no working hours, no freeze, no failures, no delays).
enum DeliveryTestConfigurations {
  static func base(system: DeliveryBuildConfiguration.BuildSystem, duration: SimDuration, seed: UInt64 = 1)
    -> PipelineConfiguration
  {
    var c = PipelineConfiguration(name: "delivery-test", duration: duration, traffic: TrafficConfiguration(baseline: 0))
    c.seed = seed
    c.interval = .hours(1)
    var d = DeliveryConfiguration()
    d.commits.workingHours = nil
    d.commits.hotfixShare = 0
    d.build.system = system
    d.build.failureRate = 0
    d.build.timeout = .days(3_650)
    d.build.triggerDelay = .constant(0)
    d.build.pushTriggerDelay = .constant(0)
    d.build.provisioning = .constant(0)
    d.build.slowdownPerQueuedBuild = 0
    d.build.crashMTBF = nil
    d.notify.delay = .constant(0)
    d.deploy.template.strategy = .allAtOnce
    c.delivery = d
    return c
  }

  /// Jenkins as M/M/c: Poisson commits at `lambda` per second, exponential builds of rate `mu`,
  /// `c` executors, no crashes, no slowdown, no trigger delay.
  static func mmc(lambda: Double, mu: Double, c: Int, duration: SimDuration, seed: UInt64) -> PipelineConfiguration {
    var config = base(system: .jenkins, duration: duration, seed: seed)
    config.delivery?.commits.rate = lambda
    config.delivery?.build.duration = .exponential(mean: 1 / mu)
    config.delivery?.build.executors = c
    return config
  }
}
