import PipelineModel
import SimulationKernel

/// What the delivery model produced: every build, the releases with their deployments, and the
/// samples behind the summary. The order pipeline may replace the releases' nominal deployment
/// ends with the ones it simulated (a rollback included) before ``summary()``.
public struct DeliveryOutcome: Sendable {
  let configuration: PipelineConfiguration
  let delivery: DeliveryConfiguration
  let builds: [BuildRecord]
  /// Successful builds in release order, with their deployments.
  public var releases: [DeliveryRelease]
  let counts: DeliverySummary.Builds
  let commits: Int
  let hotfixes: Int
  let heldByFreeze: Int
  let rows: [DeliveryRow]
  let queueWaits: [Double]
  let notices: [Double]

  var horizon: SimTime { SimTime.zero + configuration.duration }

  /// The `summary.json` `delivery` figures: lead times end at the failure e-mail, or at the end
  /// of the release's deployment; results not known by the end of the run are left out.
  public func summary() -> DeliverySummary {
    var s = DeliverySummary()
    s.commits = commits
    s.hotfixes = hotfixes
    s.heldByFreeze = heldByFreeze
    s.builds = counts
    s.queueWait = LatencySummary(samples: queueWaits)
    s.failureNotice = LatencySummary(samples: notices)
    s.rows = rows
    s.deployments = releases.count { !$0.superseded && $0.deployStart <= horizon }
    s.deploymentsRolledBack = releases.count { !$0.superseded && $0.rolledBack && $0.deployEnd <= horizon }
    var leads: [Double] = []
    var hotfixLeads: [Double] = []
    s.scheduledHotfixes = delivery.commits.hotfixesAt.filter { SimTime.zero + $0 <= horizon }.map {
      DeliverySummary.ScheduledHotfix(committedS: $0.seconds, outcome: "in_progress")
    }
    for build in builds {
      var known: SimTime?
      var outcome = "in_progress"
      var release: DeliveryRelease?
      switch build.state {
      case .succeeded:
        if let index = build.releaseIndex {
          release = releases[index]
          if releases[index].deployEnd <= horizon {
            known = releases[index].deployEnd
            outcome = releases[index].rolledBack ? "rolled_back" : "succeeded"
          }
        }
      case .failed, .rejected, .timedOut:
        if let at = build.resultKnownAt, at <= horizon { known = at }
        outcome = build.state == .failed ? "failed" : build.state == .rejected ? "rejected" : "timed_out"
      case .triggering, .queued, .running:
        break
      }
      let lead = known.map { ($0 - build.pushedAt).seconds }
      if let lead {
        leads.append(lead)
        if build.hotfix { hotfixLeads.append(lead) }
      }
      if let index = build.scheduledHotfix, index < s.scheduledHotfixes.count {
        s.scheduledHotfixes[index].outcome = lead == nil ? "in_progress" : outcome
        s.scheduledHotfixes[index].leadTimeS = lead
        s.scheduledHotfixes[index].deployStartS = release.map { $0.deployStart.seconds }
        s.scheduledHotfixes[index].deployEndS = release.map { $0.deployEnd.seconds }
      }
    }
    s.leadTime = LatencySummary(samples: leads)
    s.hotfixLeadTime = LatencySummary(samples: hotfixLeads)
    s.cost = cost()
    return s
  }

  /// The run's bill and a month of each system at this load (730 h).
  func cost() -> DeliverySummary.Cost {
    let b = delivery.build
    let hours = configuration.duration.seconds / 3_600
    let scale = hours > 0 ? DeliveryPrices.hoursPerMonth / hours : 0
    let perMinute = DeliveryPrices.perBuildMinute(b.computeType)
    let perHour = DeliveryPrices.perInstanceHour(b.instanceType)
    var cost = DeliverySummary.Cost()
    cost.jenkinsMonthly = perHour * DeliveryPrices.hoursPerMonth
    switch b.system {
    case .codebuild:
      cost.delivery = Double(counts.billedMinutes) * perMinute
      cost.codebuildMonthly = cost.delivery * scale
    case .jenkins:
      cost.delivery = perHour * hours
      // These builds on CodeBuild: mean provisioning plus the work, each rounded up to a minute.
      let provisioning = b.provisioning.mean
      let minutes = builds.filter { $0.startedAt != nil }.reduce(0.0) {
        $0 + ((min(provisioning + $1.workSeconds, b.timeout.seconds)) / 60).rounded(.up)
      }
      cost.codebuildMonthly = minutes * perMinute * scale
    }
    return cost
  }
}
