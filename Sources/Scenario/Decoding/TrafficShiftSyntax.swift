import PipelineModel
import SimulationKernel

/// CodeDeploy's Lambda deployment configurations as a scenario writes them (aws-behaviour.md §6
/// "CodeDeploy Lambda predefined configs"): the predefined names in snake_case, or a custom
/// `{canary: {percent, interval}}` / `{linear: {percent, interval}}` (whole minutes, ≤ 99 %).
enum TrafficShiftSyntax {
  static let predefined: [(name: String, shift: DeliveryDeployConfiguration.TrafficShift)] = [
    ("all_at_once", .allAtOnce),
    ("canary_10_percent_5_minutes", .canary(percent: 10, interval: .minutes(5))),
    ("canary_10_percent_10_minutes", .canary(percent: 10, interval: .minutes(10))),
    ("canary_10_percent_15_minutes", .canary(percent: 10, interval: .minutes(15))),
    ("canary_10_percent_30_minutes", .canary(percent: 10, interval: .minutes(30))),
    ("linear_10_percent_every_1_minute", .linear(percent: 10, interval: .minutes(1))),
    ("linear_10_percent_every_2_minutes", .linear(percent: 10, interval: .minutes(2))),
    ("linear_10_percent_every_3_minutes", .linear(percent: 10, interval: .minutes(3))),
    ("linear_10_percent_every_10_minutes", .linear(percent: 10, interval: .minutes(10))),
  ]

  static func render(_ shift: DeliveryDeployConfiguration.TrafficShift) -> String {
    if let name = predefined.first(where: { $0.shift == shift })?.name { return name }
    switch shift {
    case .allAtOnce: return "all_at_once"
    case .canary(let p, let i): return "{canary: {percent: \(p), interval: \(Units.render(i))}}"
    case .linear(let p, let i): return "{linear: {percent: \(p), interval: \(Units.render(i))}}"
    }
  }
}

extension ValueDecoder {
  mutating func trafficShift(_ v: Value) -> DeliveryDeployConfiguration.TrafficShift? {
    let names = TrafficShiftSyntax.predefined.map(\.name)
    if case .scalar(let s) = v.node {
      if let shift = TrafficShiftSyntax.predefined.first(where: { $0.name == s.text })?.shift { return shift }
      let hint = Suggestions.nearest(to: s.text, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      mustBe(
        v, Suggestions.list(names + ["{canary: {percent, interval}}", "{linear: {percent, interval}}"]), note: hint)
      return nil
    }
    guard let outer = mapping(v, allowed: ["canary", "linear"]), outer.entries.count == 1,
      let (kind, inner) = outer.entries.first.map({ ($0.key, $0.value) })
    else {
      mustBe(
        v, "one of " + Suggestions.list(names) + ", or {canary: {percent, interval}} or {linear: {percent, interval}}")
      return nil
    }
    guard let fields = mapping(inner, allowed: ["percent", "interval"], required: ["percent", "interval"]),
      let percent = integer(fields["percent"]!, 1...99),
      let interval = duration(fields["interval"]!, .minutes(1)...SimDuration.minutes(2_880))
    else { return nil }
    // §6 "– all at once": custom intervals are whole minutes.
    guard interval.nanoseconds % SimDuration.minutes(1).nanoseconds == 0 else {
      mustBe(fields["interval"]!, "a whole number of minutes (CodeDeploy's custom configurations count minutes)")
      return nil
    }
    return kind == "canary"
      ? .canary(percent: percent, interval: interval) : .linear(percent: percent, interval: interval)
  }
}
