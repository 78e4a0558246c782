/// The keys a Terraform plan fills *inside* a setting the file writes: `deployments` is one
/// setting (the whole list) and `delivery.deploy` one mapping, yet the plan may give an entry's
/// `config`, `alarms` or `auto_rollback` while the file writes the rest. The parent line keeps
/// `file` (what the file wrote) and each key the plan filled follows it on a line of its own,
/// `deployments[0].config` or `delivery.deploy.config`, with `terraform:<address>.<attribute>`
/// as its source (SCENARIO.md "Additions", `summary.json` `settings`). Each such line is also a
/// valid `--set`.
enum TerraformSettingDetails {
  /// The settings this scenario's plan filled inside `deployments` and `delivery.deploy`.
  static let parents = ["deployments", "delivery.deploy"]

  /// `settings` with, after each parent line, one line per key the plan filled in it, whose
  /// origin (by `origin`, which knows `--set` and variants) is still the plan.
  static func adding(
    to settings: [EffectiveSetting], from plan: [String: TerraformSetting],
    origin: (String) -> EffectiveSetting.Origin
  ) -> [EffectiveSetting] {
    guard plan.keys.contains(where: { $0.hasPrefix("deployments[") || $0.hasPrefix("delivery.deploy.") }) else {
      return settings
    }
    var result: [EffectiveSetting] = []
    for setting in settings {
      result.append(setting)
      guard parents.contains(setting.keyPath) else { continue }
      let details = plan.keys.filter { isDetail($0, of: setting.keyPath) }.sorted(by: inOrder)
      for path in details {
        guard let filled = plan[path], let value = filled.value, case .terraform = origin(path) else { continue }
        result.append(
          EffectiveSetting(
            keyPath: path, value: value, origin: .terraform(address: filled.address, attribute: filled.attribute)))
      }
    }
    return result
  }

  static func isDetail(_ path: String, of parent: String) -> Bool {
    parent == "deployments" ? path.hasPrefix("deployments[") : path.hasPrefix(parent + ".")
  }

  /// By entry index, then in the order of `TerraformMapping.deployKeyPaths` (config, alarms,
  /// auto_rollback): never the dictionary's order.
  static func inOrder(_ a: String, _ b: String) -> Bool {
    let (ia, ka) = rank(a)
    let (ib, kb) = rank(b)
    return (ia, ka, a) < (ib, kb, b)
  }

  private static func rank(_ path: String) -> (Int, Int) {
    var index = 0
    if let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]") {
      index = Int(path[path.index(after: open)..<close]) ?? 0
    }
    let key = String(path.split(separator: ".").last ?? "")
    let order = TerraformMapping.deployKeyPaths.firstIndex { $0.hasSuffix("." + key) } ?? Int.max
    return (index, order)
  }
}
