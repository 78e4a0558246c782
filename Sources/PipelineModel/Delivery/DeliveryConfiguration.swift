import Randomness
import SimulationKernel

/// `delivery`: the build-and-deploy pipeline of the order processor (SCENARIO.md "Additions",
/// seed use case 2). Plain values, so that a run's configuration carries it through `compare`,
/// `sweep`, `size` and replications; the model that runs it is the `DeliveryModel` target.
public struct DeliveryConfiguration: Sendable, Equatable {
  public var commits = DeliveryCommitsConfiguration()
  public var build = DeliveryBuildConfiguration()
  public var notify = DeliveryNotifyConfiguration()
  public var deploy = DeliveryDeployConfiguration()

  public init() {}
}
