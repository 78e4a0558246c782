import PipelineModel

/// `summary.json` `delivery` (SCENARIO.md "Additions"), present only when the scenario has a
/// delivery pipeline: `commits`, `builds.{started, succeeded, failed, lost, rejected,
/// timed_out, …}`, `queue_wait_s` and `lead_time_s` (mean, p50, p95, p99, max), `deployments`,
/// `cost_usd.delivery`, and the scheduled hotfixes.
enum DeliveryJSON {
  static func object(_ d: DeliverySummary) -> JSONValue {
    func latency(_ l: LatencySummary) -> JSONValue {
      .object([
        ("count", .integer(Int(clamping: l.count))), ("mean", .number(l.mean)), ("p50", .number(l.p50)),
        ("p95", .number(l.p95)), ("p99", .number(l.p99)), ("max", .number(l.max)),
      ])
    }
    let b = d.builds
    let hotfixes: [JSONValue] = d.scheduledHotfixes.map { h in
      .object([
        ("committed_s", .number(h.committedS)), ("outcome", .string(h.outcome)),
        ("lead_time_s", h.leadTimeS.map { .number($0) } ?? .null),
        ("deploy_start_s", h.deployStartS.map { .number($0) } ?? .null),
        ("deploy_end_s", h.deployEndS.map { .number($0) } ?? .null),
        ("orders_arrived_until_fixed", h.ordersArrivedUntilFixed.map { .integer($0) } ?? .null),
        ("function_errors_until_fixed", h.functionErrorsUntilFixed.map { .integer($0) } ?? .null),
      ])
    }
    return .object([
      ("commits", .integer(d.commits)),
      ("hotfixes", .integer(d.hotfixes)),
      ("held_by_freeze", .integer(d.heldByFreeze)),
      (
        "builds",
        .object([
          ("submitted", .integer(b.submitted)), ("started", .integer(b.started)),
          ("succeeded", .integer(b.succeeded)), ("failed", .integer(b.failed)), ("lost", .integer(b.lost)),
          ("rejected", .integer(b.rejected)), ("timed_out", .integer(b.timedOut)),
          ("queued_timed_out", .integer(b.queuedTimedOut)), ("in_progress_at_end", .integer(b.inProgressAtEnd)),
          ("billed_minutes", .integer(b.billedMinutes)),
        ])
      ),
      ("queue_wait_s", latency(d.queueWait)),
      ("lead_time_s", latency(d.leadTime)),
      ("hotfix_lead_time_s", latency(d.hotfixLeadTime)),
      ("failure_email_s", latency(d.failureNotice)),
      ("deployments", .integer(d.deployments)),
      ("deployments_rolled_back", .integer(d.deploymentsRolledBack)),
      ("scheduled_hotfixes", .array(hotfixes)),
      (
        "cost_usd",
        .object([
          ("delivery", .number(d.cost.delivery)), ("jenkins_monthly", .number(d.cost.jenkinsMonthly)),
          ("codebuild_monthly", .number(d.cost.codebuildMonthly)),
        ])
      ),
    ])
  }
}

extension JSONValue {
  /// The document with `delivery` appended, when the run has a delivery pipeline.
  func addingDelivery(_ delivery: DeliverySummary?) -> JSONValue {
    guard let delivery, case .object(var members) = self else { return self }
    members.append(("delivery", DeliveryJSON.object(delivery)))
    return .object(members)
  }
}
