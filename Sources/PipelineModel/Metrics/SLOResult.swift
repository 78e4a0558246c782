/// One service-level objective judged against a run (SCENARIO.md `slo`).
public struct SLOResult: Sendable, Equatable {
  public var name: String
  public var target: Double
  public var actual: Double
  public var met: Bool
  /// Seconds for latencies and ages, orders for counts.
  public var unit: String

  /// The scenario's SLOs against `result`, in SCENARIO.md order.
  public static func evaluate(_ result: RunResult) -> [SLOResult] {
    let slo = result.configuration.slo
    var out: [SLOResult] = []
    if let p99 = slo.p99EndToEnd {
      // With valid orders and none persisted, the latency is unbounded, not zero.
      let nonePersisted = result.count(.validOrders) > 0 && result.endToEnd.count == 0
      let actual = nonePersisted ? Double.infinity : result.endToEnd.p99
      out.append(
        SLOResult(name: "p99_end_to_end", target: p99.seconds, actual: actual, met: actual <= p99.seconds, unit: "s"))
    }
    // The true oldest age, not CloudWatch's ApproximateAgeOfOldestMessage: retention counts
    // from the send whatever the receive count, and the CloudWatch view hides exactly the
    // messages that keep failing (§1), so an SLO on it could pass while orders age out.
    if let age = slo.maxOldestAge {
      out.append(
        SLOResult(
          name: "max_oldest_age", target: age.seconds, actual: result[.oldestAge],
          met: result[.oldestAge] <= age.seconds, unit: "s"))
    }
    if let dlq = slo.validOrdersInDLQ {
      out.append(
        SLOResult(
          name: "valid_orders_in_dlq", target: Double(dlq), actual: Double(result.dlqValid),
          met: result.dlqValid <= dlq, unit: "orders"))
    }
    if let lost = slo.lostOrders {
      out.append(
        SLOResult(
          name: "lost_orders", target: Double(lost), actual: result[.lost], met: result.count(.lost) <= lost,
          unit: "orders"))
    }
    if let lead = slo.p95LeadTime, let delivery = result.delivery {
      // No result known at all (every build still in progress) is unbounded, not zero.
      let noneKnown = delivery.leadTime.count == 0 && delivery.builds.submitted > 0
      let actual = noneKnown ? Double.infinity : delivery.leadTime.p95
      out.append(
        SLOResult(name: "p95_lead_time", target: lead.seconds, actual: actual, met: actual <= lead.seconds, unit: "s"))
    }
    return out
  }
}
