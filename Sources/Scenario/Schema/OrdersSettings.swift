import PipelineModel

extension ScenarioSchema {
  /// `orders.*`: order bodies, producer defects and duplicates.
  static let ordersSettings: [Setting] =
    [
      Setting("orders.items", inner: DistributionSyntax.allKeys) { d, v, c in
        if let x = d.distribution(v, .count) { c.orders.items = x }
      } render: {
        DistributionSyntax.render($0.orders.items, .count)
      }
    ]
    + OrderDefect.allCases.map { defect in
      Setting("orders.defects.\(defect.rawValue)") { d, v, c in
        if let x = d.fraction(v) { c.orders.defects[defect] = x }
      } render: {
        Units.renderNumber($0.orders.defects[defect])
      }
    }
    + [
      Setting("orders.duplicates") { d, v, c in
        if let x = d.fraction(v) { c.orders.duplicates = x }
      } render: {
        Units.renderNumber($0.orders.duplicates)
      },

      Setting("orders.client_retries") { d, v, c in
        if let x = d.integer(v, 0...100) { c.orders.clientRetries = x }
      } render: {
        String($0.orders.clientRetries)
      },
    ]
}
