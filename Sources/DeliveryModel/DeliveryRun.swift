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
    var releases: [DeliveryRelease] = []
    var previousEnd = SimTime.zero
    for build in model.releases {
      let record = model.builds[build]
      let released = record.endedAt ?? model.horizon
      let start = max(released, previousEnd)
      let end = start + delivery.deploy.nominalLength
      previousEnd = end
      releases.append(
        DeliveryRelease(
          name: "\(record.hotfix ? "hotfix" : "build")-\(build + 1)", hotfix: record.hotfix, releasedAt: released,
          deployStart: start, deployEnd: end))
    }
    return DeliveryOutcome(
      configuration: configuration, delivery: delivery, builds: model.builds, releases: releases,
      counts: model.counts, commits: model.commits, hotfixes: model.hotfixes, heldByFreeze: model.heldByFreeze,
      rows: model.recorder.rows, queueWaits: model.recorder.queueWaits, notices: model.recorder.notices)
  }

  /// One run of both pipelines (or of the order pipeline alone, without `delivery`).
  public static func run(
    _ configuration: PipelineConfiguration, prefetch: Bool = true, progress: ((SimTime) -> Void)? = nil
  ) throws -> RunResult {
    guard let outcome = simulate(configuration) else {
      return try Simulation.run(configuration, prefetch: prefetch, progress: progress)
    }
    var result = try Simulation.run(configuration, prefetch: prefetch, progress: progress)
    result.delivery = outcome.summary()
    return result
  }
}
