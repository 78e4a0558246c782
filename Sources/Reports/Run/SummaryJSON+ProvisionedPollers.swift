import PipelineModel

extension JSONValue {
  /// SQS provisioned mode's figures, only in runs that use it (so that every other run's
  /// `summary.json` is unchanged): `cost_usd.event_pollers` before `cost_usd.total`, and
  /// `billing.event_poller_unit_hours` and `billing.event_poller_unit_hour_usd` (the price the
  /// scenario gave, or `null`: AWS's price was not found, docs/model.md).
  func addingProvisionedPollers(_ result: RunResult) -> JSONValue {
    guard result.configuration.eventSource.provisionedMode != nil else { return self }
    let cost = result.cost
    var document = self
    document.insert(("event_pollers", .number(cost.eventPollers)), into: "cost_usd", before: "total")
    document.insert(("event_poller_unit_hours", .number(cost.eventPollerUnitHours)), into: "billing", before: nil)
    let price: JSONValue = result.configuration.cost.eventPollerUnitHourUSD.map { .number($0) } ?? .null
    document.insert(("event_poller_unit_hour_usd", price), into: "billing", before: nil)
    return document
  }

  /// Adds `member` to the top-level object `section`, before the member `before` (or last).
  private mutating func insert(_ member: (key: String, value: JSONValue), into section: String, before: String?) {
    guard case .object(var members) = self, let s = members.firstIndex(where: { $0.key == section }),
      case .object(var inner) = members[s].value
    else { return }
    let at = before.flatMap { b in inner.firstIndex { $0.key == b } } ?? inner.count
    inner.insert(member, at: at)
    members[s].value = .object(inner)
    self = .object(members)
  }
}
