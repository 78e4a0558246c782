import Randomness
import SimulationKernel

/// `delivery.build`: the build system, CodeBuild or Jenkins on one EC2 instance, and its
/// settings (aws-behaviour.md §6 and §10 "CodeBuild concurrent builds", "Jenkins defaults").
public struct DeliveryBuildConfiguration: Sendable, Equatable {
  public var system: BuildSystem = .codebuild
  /// One build's working time (seconds), before any controller slowdown.
  public var duration: Distribution = .lognormal(median: 360, sigma: 0.3)
  /// The probability that a build fails (tests, compilation).
  public var failureRate = 0.1
  /// §6 "CodeBuild build timeout": default 60 min; a longer build is stopped (also applied to Jenkins).
  public var timeout: SimDuration = .minutes(60)

  // CodeBuild
  /// §10 "CodeBuild concurrent builds": the account's quota for the compute type (a setting).
  public var concurrentBuilds = 20
  /// §6 "CodeBuild concurrency and queueing": the account queue holds up to 5 × the quota;
  /// `nil` = that (`auto`).
  public var queueLimit: Int?
  /// §6 "CodeBuild queue timeout": default 8 h, 5 min – 8 h.
  public var queuedTimeout: SimDuration = .hours(8)
  /// §6 "CodeBuild phases": PROVISIONING before the build (seconds; undocumented, a setting).
  public var provisioning: Distribution = .lognormal(median: 30, sigma: 0.5)
  public var computeType: ComputeType = .general1Small
  /// §6: the project's `concurrentBuildLimit`; builds over it fail instead of queueing. `nil` = none.
  public var concurrentBuildLimit: Int?
  /// CodePipeline's start after a push (seconds; an EventBridge rule on the repository).
  public var pushTriggerDelay: Distribution = .lognormal(median: 10, sigma: 0.5)

  // Jenkins
  /// §10 "Jenkins defaults": the built-in node's `numExecutors` = 2.
  public var executors = 2
  /// The manual trigger: until a developer starts the job (seconds).
  public var triggerDelay: Distribution = .exponential(mean: 900)
  /// A build takes (1 + this × builds waiting in the controller's queue) × its duration.
  public var slowdownPerQueuedBuild = 0.05
  /// The controller's crashes: mean time between them (`nil` = none) and the restart time.
  public var crashMTBF: SimDuration? = .days(3)
  public var crashRestart: Distribution = .lognormal(median: 1_800, sigma: 0.5)
  public var instanceType: InstanceType = .m5Large

  public init() {}

  /// The effective CodeBuild queue limit.
  public var effectiveQueueLimit: Int { queueLimit ?? 5 * concurrentBuilds }

  public enum BuildSystem: String, Sendable, CaseIterable {
    case codebuild
    case jenkins
  }

  /// CodeBuild's Linux compute types (§10: small 3 GB / 2 vCPU, medium 7 GB / 4, large 15 GB / 8).
  public enum ComputeType: String, Sendable, CaseIterable {
    case general1Small = "general1_small"
    case general1Medium = "general1_medium"
    case general1Large = "general1_large"
  }

  /// EC2 instance types for the Jenkins controller.
  public enum InstanceType: String, Sendable, CaseIterable {
    case t3Medium = "t3.medium"
    case t3Large = "t3.large"
    case m5Large = "m5.large"
    case m5XLarge = "m5.xlarge"
  }
}
