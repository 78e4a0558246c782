import PipelineModel

extension ScenarioSchema {
  /// `retries.*`: SDK retries of throttled writes (aws-behaviour.md §4).
  static let retriesSettings: [Setting] = [
    Setting("retries.mode") { d, v, c in
      if let x = d.choice(v, RetryConfiguration.Mode.self) { c.retries.mode = x }
    } render: {
      $0.retries.mode.rawValue
    },

    Setting("retries.max_attempts") { d, v, c in
      if let x = d.optional(v, { $0.integer($1, 1...100) }) { c.retries.maxAttempts = x }
    } render: {
      $0.retries.maxAttempts.map(String.init) ?? "null"
    },
  ]
}
