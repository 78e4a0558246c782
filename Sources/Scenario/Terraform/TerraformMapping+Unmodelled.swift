/// Resources and attributes peaksim recognises but cannot simulate yet: each one set in the
/// plan becomes a warning "read but not yet modelled by peaksim: <address>.<attribute>", so a
/// user sees what the simulation leaves out. No scenario key is invented for them.
extension TerraformMapping {
  /// `(resource type, attributes)` read but not modelled, in the order they are reported.
  static let unmodelled: [(type: String, attributes: [String])] = [
    ("aws_lambda_event_source_mapping", ["provisioned_poller_config"]),
    ("aws_codedeploy_deployment_group", ["blue_green_deployment_config"]),
  ]

  /// How every such warning starts.
  public static let unmodelledPrefix = "read but not yet modelled by peaksim: "

  mutating func reportUnmodelled() {
    // §1 "Delay" and "Long polling": queue attributes without a scenario key yet; the
    // defaults (0) are what peaksim simulates.
    if let q = queue {
      for name in ["delay_seconds", "receive_wait_time_seconds"] {
        if let value = q.known(name), value.integer != 0 { unmodelled(q, name, value) }
      }
    }
    for (type, attributes) in Self.unmodelled {
      for r in document.resources(ofType: type) {
        for name in attributes {
          guard let value = r.known(name) else { continue }
          if let list = value.array, list.isEmpty { continue }
          unmodelled(r, name, value)
        }
      }
    }
  }

  private mutating func unmodelled(
    _ r: TerraformResource, _ name: String, _ value: TerraformJSON, at path: String? = nil
  ) {
    let shown = value.array == nil && !isObject(value) ? " = \(value.foundDescription)" : ""
    warning(
      at: path ?? r.path(of: name), keyPath: nil, Self.unmodelledPrefix + "\(r.address).\(name)\(shown)")
  }

  private func isObject(_ value: TerraformJSON) -> Bool {
    if case .object = value { return true }
    return false
  }
}
