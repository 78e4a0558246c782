import PipelineModel
import SimulationKernel

/// Runs a scenario with a delivery pipeline (DESIGN.md "A run with a delivery pipeline"): the
/// delivery model first (it does not depend on order traffic), which yields its releases; the
/// order pipeline then runs; the result carries both. Without a delivery pipeline it is
/// `Simulation.run`.
public enum DeliveryRun {
  /// The delivery model alone, with nominal deployment ends; `nil` when there is none.
  public static func simulate(_ configuration: PipelineConfiguration) -> DeliveryOutcome? {
    guard let delivery = configuration.delivery else { return nil }
    var model = DeliverySimulation(configuration, delivery: delivery)
    var scheduler = EventScheduler<DeliveryEvent>()
    model.start(&scheduler)
    while let event = scheduler.next(until: model.horizon) { model.handle(event, scheduler: &scheduler) }
    model.close()
    var releases: [DeliveryRelease] = model.releases.map { build in
      let record = model.builds[build]
      let released = record.endedAt ?? model.horizon
      return DeliveryRelease(
        name: "\(record.hotfix ? "hotfix" : "build")-\(build + 1)", hotfix: record.hotfix, releasedAt: released,
        deployStart: released, deployEnd: released)
    }
    scheduleDeployments(&releases, length: delivery.deploy.nominalLength)
    return DeliveryOutcome(
      configuration: configuration, delivery: delivery, builds: model.builds, releases: releases,
      counts: model.counts, commits: model.commits, hotfixes: model.hotfixes, heldByFreeze: model.heldByFreeze,
      rows: model.recorder.rows, queueWaits: model.recorder.queueWaits, notices: model.recorder.notices)
  }

  /// One deployment per group at a time (§10 "CodeDeploy limits"); while one runs, releases
  /// wait, and when it ends only the latest of them is deployed: CodePipeline's default
  /// `SUPERSEDED` execution mode, in which a newer execution replaces one waiting at a stage. The
  /// superseded releases reach traffic inside that deployment (trunk-based: a build holds every
  /// earlier push). Ends are nominal: hooks plus the traffic shift.
  static func scheduleDeployments(_ releases: inout [DeliveryRelease], length: SimDuration) {
    var free = SimTime.zero
    var i = 0
    while i < releases.count {
      let start = max(releases[i].releasedAt, free)
      var j = i + 1
      while j < releases.count && releases[j].releasedAt <= start { j += 1 }
      let end = start + length
      for k in i..<j {
        releases[k].deployStart = start
        releases[k].deployEnd = end
        releases[k].superseded = k != j - 1
      }
      free = end
      i = j
    }
  }

  /// One run of both pipelines (or of the order pipeline alone, without `delivery`): the
  /// releases become deployments of the order processor. The scenario's `deployments` entries
  /// with `after_build: true` take the first releases, in release order; every later release is
  /// deployed as `delivery.deploy` says. Each release's lead time then ends when the order
  /// pipeline's deployment ended (succeeded or rolled back); a superseded release's with the
  /// deployment that carried it.
  public static func run(
    _ configuration: PipelineConfiguration, prefetch: Bool = true, progress: ((SimTime) -> Void)? = nil
  ) throws -> RunResult {
    guard var outcome = simulate(configuration), let delivery = configuration.delivery else {
      return try Simulation.run(configuration, prefetch: prefetch, progress: progress)
    }
    var c = configuration
    var names: [Int: String] = [:]  // release index → deployment name
    var afterBuild = c.deployments.indices.filter { c.deployments[$0].afterBuild && c.deployments[$0].start == nil }[
      ...]
    for (index, release) in outcome.releases.enumerated() where !release.superseded {
      if let slot = afterBuild.popFirst() {
        c.deployments[slot].start = release.releasedAt
        names[index] = c.deployments[slot].name
      } else {
        var d = delivery.deploy.template
        d.name = release.name
        d.start = release.releasedAt
        c.deployments.append(d)
        names[index] = release.name
      }
    }
    var result = try Simulation.run(c, prefetch: prefetch, progress: progress)
    let records = Dictionary(result.deployments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    // From the last release back, so a superseded one takes the end of the deployment after it.
    var carried: (end: SimTime, rolledBack: Bool, start: SimTime)?
    for index in outcome.releases.indices.reversed() {
      if let name = names[index], let record = records[name] {
        let start = record.startSeconds.map { SimTime.zero + SimDuration(seconds: $0) } ?? .distantFuture
        let end = record.endSeconds.map { SimTime.zero + SimDuration(seconds: $0) } ?? .distantFuture
        carried = (end, record.outcome == .rolledBack || record.outcome == .stopped, start)
      }
      if let carried {
        outcome.releases[index].deployStart = carried.start
        outcome.releases[index].deployEnd = carried.end
        outcome.releases[index].rolledBack = carried.rolledBack
      }
    }
    var summary = outcome.summary()
    for index in summary.scheduledHotfixes.indices {
      guard let end = summary.scheduledHotfixes[index].deployEndS else { continue }
      let from = summary.scheduledHotfixes[index].committedS
      // Rows cover (t − interval, t]: every row that overlaps (commit, end].
      let rows = result.rows.filter { $0.timeSeconds > from && $0.timeSeconds - c.interval.seconds < end }
      summary.scheduledHotfixes[index].ordersArrivedUntilFixed = rows.reduce(0) { $0 + $1.count(.arrivals) }
      summary.scheduledHotfixes[index].functionErrorsUntilFixed = rows.reduce(0) { $0 + $1.count(.functionErrors) }
    }
    result.delivery = summary
    return result
  }
}
