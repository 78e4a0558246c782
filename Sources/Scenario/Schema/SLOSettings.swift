import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `slo.*`: the targets a run is judged against; `null` = not judged.
  static let sloSettings: [Setting] = [
    Setting("slo.p99_end_to_end") { d, v, c in
      if let x = d.optional(v, { $0.duration($1, .zero...SimDuration.days(366)) }) { c.slo.p99EndToEnd = x }
    } render: {
      $0.slo.p99EndToEnd.map(Units.render) ?? "null"
    },

    Setting("slo.max_oldest_age") { d, v, c in
      if let x = d.optional(v, { $0.duration($1, .zero...SimDuration.days(366)) }) { c.slo.maxOldestAge = x }
    } render: {
      $0.slo.maxOldestAge.map(Units.render) ?? "null"
    },

    Setting("slo.valid_orders_in_dlq") { d, v, c in
      if let x = d.optional(v, { $0.integer($1, 0...Int.max) }) { c.slo.validOrdersInDLQ = x }
    } render: {
      $0.slo.validOrdersInDLQ.map(String.init) ?? "null"
    },

    Setting("slo.lost_orders") { d, v, c in
      if let x = d.optional(v, { $0.integer($1, 0...Int.max) }) { c.slo.lostOrders = x }
    } render: {
      $0.slo.lostOrders.map(String.init) ?? "null"
    },

    // The delivery pipeline's lead time p95 (SCENARIO.md "Additions"); needs a `delivery:` section.
    Setting("slo.p95_lead_time") { d, v, c in
      if let x = d.optional(v, { $0.duration($1, .zero...SimDuration.days(366)) }) { c.slo.p95LeadTime = x }
    } render: {
      $0.slo.p95LeadTime.map(Units.render) ?? "null"
    },
  ]
}
