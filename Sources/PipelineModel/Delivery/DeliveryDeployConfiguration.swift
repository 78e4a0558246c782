import SimulationKernel

/// `delivery.deploy`: how a successful build is deployed (CodeDeploy traffic shifting,
/// aws-behaviour.md §6 "CodeDeploy Lambda predefined configs"). One deployment per group at a
/// time (§10 "CodeDeploy limits"): a release waits for the one before it.
public struct DeliveryDeployConfiguration: Sendable, Equatable {
  public var shift: TrafficShift = .canary(percent: 10, interval: .minutes(5))
  public var beforeAllowTraffic: SimDuration = .zero
  public var afterAllowTraffic: SimDuration = .zero

  public init() {}

  /// A CodeDeploy Lambda deployment configuration.
  public enum TrafficShift: Sendable, Equatable {
    case allAtOnce
    /// `percent` first, the rest `interval` later.
    case canary(percent: Int, interval: SimDuration)
    /// `percent` every `interval` until 100 %.
    case linear(percent: Int, interval: SimDuration)

    /// From the first shift to 100 % on the new version: canary = its interval; linear =
    /// ⌈100 / percent⌉ intervals (§6 "– linear": 10 increments); all at once = 0.
    public var length: SimDuration {
      switch self {
      case .allAtOnce: return .zero
      case .canary(_, let interval): return interval
      case .linear(let percent, let interval):
        return interval * Int64((100 + percent - 1) / percent)
      }
    }
  }

  /// From the deployment's start to its end when nothing goes wrong: hooks and the shift.
  public var nominalLength: SimDuration { beforeAllowTraffic + shift.length + afterAllowTraffic }
}
