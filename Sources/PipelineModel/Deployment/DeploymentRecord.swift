/// What became of one deployment (SCENARIO.md "Additions" `summary.json` `deployments`): its
/// outcome, times, and what ran on each version while it was under way.
public struct DeploymentRecord: Sendable, Equatable {
  public enum Outcome: String, Sendable {
    case succeeded
    /// Stopped on an alarm and sent back to the original version (§6).
    case rolledBack = "rolled_back"
    /// Stopped on an alarm without `auto_rollback`: the alias stays where it was.
    case stopped
    case runningAtEnd = "running_at_end"
    /// Still waiting for an earlier deployment of the group when the run ended.
    case waitingAtEnd = "waiting_at_end"
    /// Asked for after the run's end (or never: `after_build` without a build).
    case notStarted = "not_started"
  }

  /// One line of the deployment's timeline.
  public struct Step: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
      case requested
      case started
      case shift(weight: Double)
      case alarm(metric: String)
      case rolledBack
      case stopped
      case succeeded
    }

    public var seconds: Double
    public var kind: Kind
  }

  public var name: String
  /// The configuration's scenario name (`canary_10_percent_5_minutes`, or the custom form).
  public var config: String
  public var outcome: Outcome = .notStarted
  public var requestedSeconds: Double?
  /// When CodeDeploy started it (later than requested when another deployment ran).
  public var startSeconds: Double?
  public var endSeconds: Double?
  /// Invocations of the release over the run: while it was deployed and, when the deployment
  /// succeeded, after, until another deployment replaced it.
  public var newVersionInvocations = 0
  /// Invocations of the release that failed as a whole (threw or timed out).
  public var newVersionErrors = 0
  /// Messages handed to the release.
  public var newVersionMessages = 0
  /// Messages the new version's failed invocations returned to the queue: each is received
  /// again, spending a receive (§1 "ReceiveCount").
  public var returnedMessages = 0
  /// Invocations and messages of the original version while the deployment was under way.
  public var oldVersionInvocations = 0
  public var oldVersionMessages = 0
  public var maxNewVersionShare = 0.0
  public var timeline: [Step] = []

  public init(name: String, config: String) {
    self.name = name
    self.config = config
  }

  /// Whether the deployment has started and not ended.
  var isUnderWay: Bool { startSeconds != nil && endSeconds == nil }
}
