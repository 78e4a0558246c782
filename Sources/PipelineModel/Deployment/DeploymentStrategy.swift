import SimulationKernel

/// How CodeDeploy shifts the alias from the original to the new version (aws-behaviour.md §6
/// "CodeDeploy Lambda predefined configs" and `TrafficRoutingConfig`): all at once, a canary
/// (`percent` first, the rest `interval` later) or linear (`percent` more every `interval`).
/// Custom configurations take whole minutes (§6 "– all at once": `TimeBasedCanary` /
/// `TimeBasedLinear` intervals are in minutes) and at most 99 % per increment (§10 "CodeDeploy
/// limits").
public enum DeploymentStrategy: Sendable, Equatable {
  case allAtOnce
  case canary(percent: Int, interval: SimDuration)
  case linear(percent: Int, interval: SimDuration)

  /// The predefined configurations, by their scenario name (SCENARIO.md spells
  /// `CodeDeployDefault.LambdaCanary10Percent5Minutes` as `canary_10_percent_5_minutes`).
  public static let predefined: [(name: String, strategy: DeploymentStrategy)] = [
    ("all_at_once", .allAtOnce),
    ("canary_10_percent_5_minutes", .canary(percent: 10, interval: .minutes(5))),
    ("canary_10_percent_10_minutes", .canary(percent: 10, interval: .minutes(10))),
    ("canary_10_percent_15_minutes", .canary(percent: 10, interval: .minutes(15))),
    ("canary_10_percent_30_minutes", .canary(percent: 10, interval: .minutes(30))),
    ("linear_10_percent_every_1_minute", .linear(percent: 10, interval: .minutes(1))),
    ("linear_10_percent_every_2_minutes", .linear(percent: 10, interval: .minutes(2))),
    ("linear_10_percent_every_3_minutes", .linear(percent: 10, interval: .minutes(3))),
    ("linear_10_percent_every_10_minutes", .linear(percent: 10, interval: .minutes(10))),
  ]

  /// The predefined configuration called `name`, if any.
  public static func named(_ name: String) -> DeploymentStrategy? {
    predefined.first { $0.name == name }?.strategy
  }

  /// The scenario name of a predefined configuration, or `nil` for a custom one.
  public var predefinedName: String? { Self.predefined.first { $0.strategy == self }?.name }

  /// The alias weight of the new version after each shift, and when each shift happens after
  /// traffic starts to move (once the BeforeAllowTraffic hook is done): see
  /// ``TrafficShiftSchedule``.
  public var schedule: TrafficShiftSchedule { TrafficShiftSchedule(self) }
}
