import PipelineModel

extension ScenarioSchema {
  /// `cost.*`: how the bill is estimated (not in SCENARIO.md's example; added here).
  static let costSettings: [Setting] = [
    Setting("cost.free_tier") { d, v, c in
      if let x = d.bool(v) { c.cost.freeTier = x }
    } render: {
      String($0.cost.freeTier)
    },

    // USD per event poller unit-hour of SQS provisioned mode (§10): AWS's price was not found,
    // so it is the scenario's to give; null = the EPU-hours are reported but not priced.
    Setting("cost.event_poller_unit_hour_usd") { d, v, c in
      if let x = d.optional(v, { $0.number($1, 0...1_000, "a price in USD from 0 to 1000, or null") }) {
        c.cost.eventPollerUnitHourUSD = x
      }
    } render: {
      $0.cost.eventPollerUnitHourUSD.map(Units.renderNumber) ?? "null"
    },
  ]
}
