import SimulationKernel

/// A successful build handed to CodeDeploy: when it was released, and when its deployment
/// started and ended (§10 "CodeDeploy limits": one deployment per group at a time, so a release
/// waits for the deployment before it).
public struct DeliveryRelease: Sendable, Equatable {
  /// `build-<n>` (`hotfix-<n>` for a hotfix), the deployment's name.
  public var name: String
  public var hotfix: Bool
  public var releasedAt: SimTime
  public var deployStart: SimTime
  /// The deployment's end: nominal (hooks + shift) until the order pipeline reports its own.
  public var deployEnd: SimTime
  /// Whether the deployment was rolled back (reported by the order pipeline).
  public var rolledBack = false
  /// Whether a later release waiting with it was deployed instead (CodePipeline's default
  /// `SUPERSEDED` execution mode): this one reached traffic inside that deployment.
  public var superseded = false

  public init(name: String, hotfix: Bool, releasedAt: SimTime, deployStart: SimTime, deployEnd: SimTime) {
    self.name = name
    self.hotfix = hotfix
    self.releasedAt = releasedAt
    self.deployStart = deployStart
    self.deployEnd = deployEnd
  }
}
