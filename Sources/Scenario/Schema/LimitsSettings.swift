import PipelineModel

extension ScenarioSchema {
  /// `limits.*`: bounds on what a run may cost the machine running it (not AWS settings).
  static let limitsSettings: [Setting] = [
    Setting("limits.max_backlog") { d, v, c in
      if let x = d.integer(v, 1_000...1_000_000_000) { c.maxBacklog = x }
    } render: {
      String($0.maxBacklog)
    }
  ]
}
