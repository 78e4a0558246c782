/// What a run's delivery pipeline produced: the figures of `summary.json` `delivery`
/// (SCENARIO.md "Additions"), the rows of `delivery.csv` and the report's delivery section.
/// Written by the `DeliveryModel` target; plain values.
public struct DeliverySummary: Sendable, Equatable {
  /// Pushes made (Poisson pushes and scheduled hotfixes).
  public var commits = 0
  /// Of those, hotfixes.
  public var hotfixes = 0
  /// Pushes held by a freeze until it ended (they enter the pipeline then).
  public var heldByFreeze = 0
  public var builds = Builds()
  /// From entering the build queue to a build's start (one sample per start, re-runs included).
  public var queueWait = LatencySummary()
  /// Push (or the end of the freeze that held it) → result known: the failure e-mail, or the
  /// end of the deployment on success.
  public var leadTime = LatencySummary()
  /// Lead times of hotfixes alone.
  public var hotfixLeadTime = LatencySummary()
  /// From a failed build's end to its e-mail.
  public var failureNotice = LatencySummary()
  /// The hotfixes the scenario schedules (`delivery.commits.hotfixes`), in order.
  public var scheduledHotfixes: [ScheduledHotfix] = []
  /// Deployments started (one per successful build).
  public var deployments = 0
  /// Deployments rolled back (known only when the order pipeline ran them).
  public var deploymentsRolledBack = 0
  public var cost = Cost()
  /// One row per report interval.
  public var rows: [DeliveryRow] = []

  public init() {}

  /// `builds.*`: every build ends in one of succeeded, failed, rejected, timed_out, or is in
  /// progress at the end; `lost` counts attempts a Jenkins crash ended (each runs again).
  public struct Builds: Sendable, Equatable {
    public var submitted = 0
    public var started = 0
    public var succeeded = 0
    public var failed = 0
    public var lost = 0
    public var rejected = 0
    public var timedOut = 0
    /// Of ``timedOut``, those that waited longer than the queued timeout (CodeBuild).
    public var queuedTimedOut = 0
    public var inProgressAtEnd = 0
    /// Billed CodeBuild build minutes (each build rounded up to a whole minute).
    public var billedMinutes = 0
    public init() {}
  }

  /// The run's bill for the delivery system, and a month of each system at this load.
  public struct Cost: Sendable, Equatable {
    /// The simulated system over the run.
    public var delivery = 0.0
    /// 730 hours of the Jenkins instance.
    public var jenkinsMonthly = 0.0
    /// CodeBuild minutes of these builds, scaled to 730 hours.
    public var codebuildMonthly = 0.0
    public init() {}
  }

  /// One hotfix committed at a set time, and when it reached 100 % of traffic.
  public struct ScheduledHotfix: Sendable, Equatable {
    public var committedS: Double
    /// `succeeded`, `failed`, `rejected`, `timed_out`, `rolled_back` or `in_progress`.
    public var outcome: String
    /// Commit → deployment finished (or failure known); `nil` while in progress at the end.
    public var leadTimeS: Double?
    public var deployStartS: Double?
    public var deployEndS: Double?
    /// Orders that arrived from the commit until the fix reached 100 % of traffic (report
    /// intervals ending in that span), and the function errors meanwhile: what the version the
    /// fix replaces handled, with order traffic.
    public var ordersArrivedUntilFixed: Int?
    public var functionErrorsUntilFixed: Int?
    public init(committedS: Double, outcome: String) {
      self.committedS = committedS
      self.outcome = outcome
    }
  }
}
