import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// The largest multiplier a profile point or burst may apply.
  static let maximumMultiplier = 1_000.0
  /// The highest baseline rate: beyond it a unit slip (`/s` for `/h`) is likelier than intent.
  static let maximumBaseline = 1_000_000.0

  /// `traffic.*`: the arrival process.
  static let trafficSettings: [Setting] = [
    Setting("traffic.baseline") { d, v, c in
      // `null` = none, for a scenario driven by `traffic.trace` alone.
      if let x = d.optional(
        v, { $0.rate($1, .leastNonzeroMagnitude...maximumBaseline, "a rate above 0/s and at most 1000000/s") })
      {
        c.traffic.baseline = x ?? 0
      }
    } render: {
      $0.traffic.baseline > 0 ? Units.renderRate($0.traffic.baseline) : "null"
    },

    Setting("traffic.profile") { d, v, c in
      guard let items = d.list(v, of: "points {at: 24h, x: 5}") else { return }
      var points: [TrafficConfiguration.ProfilePoint] = []
      var ok = true
      for item in items {
        guard let fields = d.mapping(item, allowed: ["at", "x"], required: ["at", "x"]) else { ok = false; continue }
        guard let at = d.duration(fields["at"]!, .zero...SimDuration.days(366)),
          let x = d.number(fields["x"]!, 0...maximumMultiplier)
        else { ok = false; continue }
        if let last = points.last, at <= last.at {
          d.mustBe(fields["at"]!, "later than the previous point's \(Units.render(last.at))")
          ok = false
          continue
        }
        points.append(.init(at: at, x: x))
      }
      if ok { c.traffic.profile = points }
    } render: { c in
      "["
        + c.traffic.profile.map { "{at: \(Units.render($0.at)), x: \(Units.renderNumber($0.x))}" }.joined(
          separator: ", ") + "]"
    },

    Setting("traffic.diurnal", inner: ["amplitude", "peak"]) { d, v, c in
      if v.node.isNull { c.traffic.diurnal = nil; return }
      guard let fields = d.mapping(v, allowed: ["amplitude", "peak"], required: ["amplitude", "peak"]) else { return }
      guard
        let amplitude = d.number(fields["amplitude"]!, 0...1, "a number from 0 to 1 (the rate never goes negative)"),
        let peak = d.duration(fields["peak"]!, .zero...SimDuration.hours(24))
      else { return }
      c.traffic.diurnal = .init(amplitude: amplitude, peak: peak)
    } render: { c in
      c.traffic.diurnal.map { "{amplitude: \(Units.renderNumber($0.amplitude)), peak: \(Units.render($0.peak))}" }
        ?? "null"
    },

    Setting("traffic.bursts") { d, v, c in
      guard let items = d.list(v, of: "bursts {at: 24h, for: 15m, x: 2}") else { return }
      var bursts: [TrafficConfiguration.Burst] = []
      var ok = true
      for item in items {
        guard let fields = d.mapping(item, allowed: ["at", "for", "x"], required: ["at", "for", "x"]) else {
          ok = false
          continue
        }
        guard let at = d.duration(fields["at"]!, .zero...SimDuration.days(366)),
          let length = d.duration(fields["for"]!, .nanoseconds(1)...SimDuration.days(366)),
          let x = d.number(fields["x"]!, 0...maximumMultiplier)
        else { ok = false; continue }
        bursts.append(.init(at: at, length: length, x: x))
      }
      if ok { c.traffic.bursts = bursts }
    } render: { c in
      "["
        + c.traffic.bursts.map {
          "{at: \(Units.render($0.at)), for: \(Units.render($0.length)), x: \(Units.renderNumber($0.x))}"
        }
        .joined(separator: ", ") + "]"
    },

    Setting("traffic.trace") { d, v, c in
      if v.node.isNull { c.traffic.trace = nil; return }
      if let trace = d.trace(v) { c.traffic.trace = trace }
    } render: { c in
      c.traffic.trace.map { YAMLText.string($0.source) } ?? "null"
    },

    Setting("traffic.arrivals") { d, v, c in
      if let x = d.choice(v, TrafficConfiguration.ArrivalPattern.self) { c.traffic.arrivals = x }
    } render: {
      $0.traffic.arrivals.rawValue
    },
  ]
}
