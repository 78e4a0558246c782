/// Key paths into the `deployments` list for `--set`, variants, `sweep --vary` and `size --for`
/// (SCENARIO.md: "`--set` … overrides any key"): `deployments[0].config`,
/// `deployments[0].alarms[0].threshold`, `deployments[1].release.error_rate`. An index names an
/// entry the scenario already has; the whole list is still set with `deployments=[…]`.
enum DeploymentKeyPaths {
  /// The keys below a deployment entry, with the keys each of them takes.
  static let tree: [String: [String]] = [
    "": DeploymentSyntax.keys,
    "config": DeploymentSyntax.customKinds,
    "config.canary": DeploymentSyntax.customKeys,
    "config.linear": DeploymentSyntax.customKeys,
    "release": DeploymentSyntax.releaseKeys,
    "release.cold_start": DistributionSyntax.allKeys,
    "alarms[]": DeploymentSyntax.alarmKeys,
    "hooks": DeploymentSyntax.hookKeys,
  ]

  /// `name[3]` → (`name`, 3); `name` → (`name`, nil); `nil` for a malformed index.
  static func split(_ component: String) -> (name: String, index: Int?)? {
    guard let open = component.firstIndex(of: "[") else { return (component, nil) }
    guard component.hasSuffix("]"),
      let index = Int(component[component.index(after: open)..<component.index(before: component.endIndex)]),
      index >= 0
    else { return nil }
    return (String(component[..<open]), index)
  }

  /// Whether `components` (the path after `deployments[N]`) names a key of a deployment entry;
  /// otherwise the problem, with a did-you-mean.
  static func check(_ path: String, rest components: ArraySlice<String>) -> String? {
    var section = ""
    for component in components {
      guard let (name, index) = split(component) else {
        return "'\(path)': '\(component)' is not a key or a key with an index such as alarms[0]"
      }
      let allowed = tree[section] ?? []
      guard allowed.contains(name) else {
        let hint = Suggestions.nearest(to: name, among: allowed).map { "; did you mean '\($0)'?" } ?? ""
        let scope = section.isEmpty ? "a deployment" : section == "alarms[]" ? "an alarm" : section
        return "unknown key '\(path)'\(hint) (keys of \(scope): \(allowed.joined(separator: ", ")))"
      }
      let next = section.isEmpty ? name : "\(section).\(name)"
      if index != nil {
        guard next == "alarms" else { return "'\(path)': \(next) is not a list" }
        section = "alarms[]"
      } else {
        section = next
      }
      if tree[section] == nil && component != components.last {
        return "'\(path)': \(next) is a single value; it has no keys"
      }
    }
    return nil
  }
}
