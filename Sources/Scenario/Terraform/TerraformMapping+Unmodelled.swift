/// Resources and attributes peaksim recognises but cannot simulate yet: each one set in the
/// plan becomes a warning "read but not yet modelled by peaksim: <address>.<attribute>", so a
/// user sees what the simulation leaves out. No scenario key is invented for them.
extension TerraformMapping {
  /// `(resource type, attributes)` read but not modelled, in the order they are reported.
  /// (`provisioned_poller_config` is mapped to `event_source.provisioned_mode`.) A deployment
  /// group's `blue_green_deployment_config` configures EC2/ECS fleets (instance termination,
  /// green fleet provisioning, reroute timing); a Lambda deployment shifts alias weights, which
  /// the configuration name describes (§6 "How traffic is shifted"), so none of it is simulated.
  static let unmodelled: [(type: String, attributes: [String])] = [
    ("aws_codedeploy_deployment_group", ["blue_green_deployment_config"])
  ]

  /// How every such warning starts.
  public static let unmodelledPrefix = "read but not yet modelled by peaksim: "

  mutating func reportUnmodelled() {
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
