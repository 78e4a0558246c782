import PipelineModel

extension ScenarioSchema {
  /// `cost.*`: how the bill is estimated (not in SCENARIO.md's example; added here).
  static let costSettings: [Setting] = [
    Setting("cost.free_tier") { d, v, c in
      if let x = d.bool(v) { c.cost.freeTier = x }
    } render: {
      String($0.cost.freeTier)
    }
  ]
}
