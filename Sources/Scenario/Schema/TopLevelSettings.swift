import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `name`, `description`, `seed`, `duration`, `interval`, `start`, `architecture`.
  static let topLevelSettings: [Setting] = [
    Setting("name") { d, v, c in
      if let name = d.folderName(v) { c.name = name }
    } render: {
      YAMLText.string($0.name)
    },

    Setting("description") { d, v, c in
      if v.node.isNull { c.description = ""; return }
      if let text = d.string(v) { c.description = text }
    } render: {
      YAMLText.string($0.description)
    },

    Setting("seed") { d, v, c in
      if let seed = d.unsigned64(v) { c.seed = seed }
    } render: {
      String($0.seed)
    },

    Setting("duration") { d, v, c in
      if let x = d.duration(v, .seconds(1)...SimDuration.days(366)) { c.duration = x }
    } render: {
      Units.render($0.duration)
    },

    Setting("interval") { d, v, c in
      if let x = d.duration(v, .seconds(1)...SimDuration.days(1)) { c.interval = x }
    } render: {
      Units.render($0.interval)
    },

    Setting("start") { d, v, c in
      if let x = d.optional(v, { $0.timestamp($1) }) { c.startEpochSeconds = x }
    } render: {
      $0.startEpochSeconds.map { RFC3339.render(epochSeconds: $0) } ?? "null"
    },

    Setting("architecture") { d, v, c in
      if let x = d.choice(v, Architecture.self) { c.architecture = x }
    } render: {
      $0.architecture.rawValue
    },
  ]
}

extension ValueDecoder {
  /// An RFC 3339 timestamp, as Unix seconds (years 1970 to 9999).
  mutating func timestamp(_ v: Value) -> Int64? {
    let allowed = "an RFC 3339 timestamp such as 2026-11-26T00:00:00Z or 2026-11-26T00:00:00-05:00"
    guard let text = scalarText(v, allowed) else { return nil }
    switch RFC3339.epochSeconds(text) {
    case .success(let seconds):
      guard seconds >= 0 && seconds < 253_402_300_800 else {
        mustBe(v, "a timestamp from 1970 to 9999")
        return nil
      }
      return seconds
    case .failure(.syntax):
      mustBe(v, allowed)
    case .failure(.outOfRange(let part)):
      mustBe(v, allowed, note: " (\(part) does not exist)")
    case .failure(.fractionalSeconds):
      mustBe(v, "a timestamp on a whole second", note: " (the simulated clock starts on a whole second)")
    }
    return nil
  }
}
