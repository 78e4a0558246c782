import PipelineModel

extension ReportMarkdown {
  /// The cost table's line for SQS provisioned mode's event pollers (only in runs that use
  /// it): event poller unit-hours, priced at the scenario's `cost.event_poller_unit_hour_usd`,
  /// or marked unpriced (AWS's price was not found, docs/model.md).
  static func eventPollerLine(_ r: RunResult, usd: (Double) -> String) -> [String]? {
    guard r.configuration.eventSource.provisionedMode != nil else { return nil }
    let e = r.cost
    let hours = NumberFormat.fixed(e.eventPollerUnitHours, decimals: 2, grouped: true) + " EPU-hours"
    guard let price = r.configuration.cost.eventPollerUnitHourUSD else {
      return ["SQS event pollers (provisioned mode)", hours, "not priced: set cost.event_poller_unit_hour_usd"]
    }
    return [
      "SQS event pollers (provisioned mode)", hours + " at $" + NumberFormat.compact(price, significantDigits: 6),
      usd(e.eventPollers),
    ]
  }
}
