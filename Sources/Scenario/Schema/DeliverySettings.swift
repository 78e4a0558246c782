import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `delivery.commits.*`, `delivery.notify`, `delivery.deploy`: the delivery pipeline
  /// (SCENARIO.md "Additions"); present only in scenarios with a `delivery:` section.
  static let deliverySettings: [Setting] =
    [
      Setting("delivery.commits.rate") { d, v, c in
        if let x = d.rate(v, 0...1_000, "a rate from 0/h to 1000/s (pushes while the team works)") {
          c.delivery?.commits.rate = x
        }
      } render: {
        Units.renderRate($0.delivery?.commits.rate ?? 0)
      },

      Setting("delivery.commits.working_hours", inner: ["from", "to", "days"]) { d, v, c in
        if v.node.isNull { c.delivery?.commits.workingHours = nil; return }
        guard let fields = d.mapping(v, allowed: ["from", "to", "days"], required: ["from", "to"]) else { return }
        guard let from = d.duration(fields["from"]!, .zero...SimDuration.hours(24)),
          let to = d.duration(fields["to"]!, .zero...SimDuration.hours(24))
        else { return }
        guard to > from else {
          d.mustBe(fields["to"]!, "later in the day than from (\(Units.render(from)))")
          return
        }
        var days = DeliveryCommitsConfiguration.Days.weekdays
        if let text = fields["days"] {
          guard let x = d.choice(text, DeliveryCommitsConfiguration.Days.self) else { return }
          days = x
        }
        c.delivery?.commits.workingHours = .init(from: from, to: to, days: days)
      } render: { c in
        c.delivery?.commits.workingHours.map {
          "{from: \(Units.render($0.from)), to: \(Units.render($0.to)), days: \($0.days.rawValue)}"
        } ?? "null"
      },

      // Freezes: only hotfixes enter the pipeline between `from` and `to`.
      Setting("delivery.commits.freeze") { d, v, c in
        guard let items = d.list(v, of: "freezes {from: 20d, to: 26d, allow: hotfix}") else { return }
        var freezes: [DeliveryCommitsConfiguration.Freeze] = []
        var ok = true
        for item in items {
          guard let fields = d.mapping(item, allowed: ["from", "to", "allow"], required: ["from", "to"]),
            let from = d.instant(fields["from"]!, start: c.startEpochSeconds),
            let to = d.instant(fields["to"]!, start: c.startEpochSeconds)
          else { ok = false; continue }
          if let allow = fields["allow"], d.string(allow) != "hotfix" {
            d.mustBe(allow, "hotfix (the only changes a freeze lets through)")
            ok = false
            continue
          }
          guard to > from else {
            d.mustBe(fields["to"]!, "later than from (\(Units.render(from)))")
            ok = false
            continue
          }
          if let last = freezes.last, from < last.to {
            d.mustBe(fields["from"]!, "at or after the previous freeze's end (\(Units.render(last.to)))")
            ok = false
            continue
          }
          freezes.append(.init(from: from, to: to))
        }
        if ok { c.delivery?.commits.freezes = freezes }
      } render: { c in
        "["
          + (c.delivery?.commits.freezes ?? []).map {
            "{from: \(Units.render($0.from)), to: \(Units.render($0.to)), allow: hotfix}"
          }.joined(separator: ", ") + "]"
      },

      Setting("delivery.commits.hotfix_share") { d, v, c in
        if let x = d.fraction(v) { c.delivery?.commits.hotfixShare = x }
      } render: {
        Units.renderNumber($0.delivery?.commits.hotfixShare ?? 0)
      },

      // Not in SCENARIO.md's example: hotfixes committed at set times (a defect found at the peak).
      Setting("delivery.commits.hotfixes") { d, v, c in
        guard let items = d.list(v, of: "times such as 30h") else { return }
        var times: [SimDuration] = []
        for item in items {
          guard let at = d.instant(item, start: c.startEpochSeconds) else { return }
          times.append(at)
        }
        c.delivery?.commits.hotfixesAt = times
      } render: { c in
        "[" + (c.delivery?.commits.hotfixesAt ?? []).map(Units.render).joined(separator: ", ") + "]"
      },
    ] + deliveryBuildSettings + deliveryNotifyAndDeploySettings
}

extension ValueDecoder {
  /// A time in the run: a duration from its start (`30h`) or, with `start` set, an RFC 3339
  /// instant at or after it.
  mutating func instant(_ v: Value, start: Int64?) -> SimDuration? {
    if let start, case .scalar(let scalar) = v.node, scalar.text.contains("T"), scalar.text.contains("-") {
      let text = scalar.text
      switch RFC3339.epochSeconds(text) {
      case .success(let epoch) where epoch >= start:
        return .seconds(epoch - start)
      case .success:
        mustBe(v, "a time at or after the scenario's start")
        return nil
      case .failure:
        mustBe(v, "a time such as 30h, or an RFC 3339 instant such as 2026-11-27T09:00:00Z")
        return nil
      }
    }
    return duration(v, .zero...SimDuration.days(366))
  }
}

extension ScenarioSchema {
  /// The `delivery:` section.
  static let deliveryKey = "delivery"

  /// Keys that exist only with a delivery pipeline: `delivery.*` and `slo.p95_lead_time`.
  static func isDeliveryKey(_ path: String) -> Bool {
    path.hasPrefix(deliveryKey + ".") || path == "slo.p95_lead_time"
  }
}
