/// The scenario format of SCENARIO.md as data: every setting in document order, and the
/// sections that hold them. Derived queries answer "is this a key?", "what is allowed here?"
/// and "did you mean …?" for the tree walk, `--set` paths and variants.
enum ScenarioSchema {
  /// Every setting, in SCENARIO.md order (keys SCENARIO.md doesn't show come last in their
  /// section).
  static let settings: [Setting] =
    topLevelSettings + trafficSettings + ordersSettings + queueSettings + eventSourceSettings + lambdaSettings
    + tableSettings + retriesSettings + sloSettings + costSettings + limitsSettings + deploymentSettings
    + deliverySettings

  /// Top-level keys that are not settings of the configuration.
  static let variantsKey = "variants"
  /// The `terraform:` section (SCENARIO.md "Additions"): where settings come from, read by
  /// `TerraformSection`, not a setting itself.
  static let terraformKey = "terraform"

  private static let settingByPath: [String: Setting] = Dictionary(
    uniqueKeysWithValues: settings.map { ($0.path, $0) })

  /// Every section path (`traffic`, `orders.defects`, `lambda.duration`, …), in order of first
  /// appearance.
  static let sections: [String] = {
    var result: [String] = []
    for setting in settings {
      var prefix = ""
      for component in setting.path.split(separator: ".").dropLast() {
        prefix = prefix.isEmpty ? String(component) : "\(prefix).\(component)"
        if !result.contains(prefix) { result.append(prefix) }
      }
    }
    return result
  }()

  private static let sectionSet: Set<String> = Set(sections)

  static func setting(_ path: String) -> Setting? { settingByPath[path] }

  static func isSection(_ path: String) -> Bool { path.isEmpty || sectionSet.contains(path) }

  /// The keys allowed directly in `section` (empty = top level), in document order.
  static func keys(in section: String) -> [String] {
    var result: [String] = []
    let prefix = section.isEmpty ? "" : section + "."
    for setting in settings where setting.path.hasPrefix(prefix) {
      let rest = setting.path.dropFirst(prefix.count)
      let key = String(rest.prefix { $0 != "." })
      if !result.contains(key) { result.append(key) }
    }
    if section.isEmpty {
      result.append(variantsKey)
      result.append(terraformKey)
    }
    return result
  }

  /// A full path whose last key is `key`, for a key written in the wrong section
  /// (`batch_size` under `queue:` → `event_source.batch_size`).
  static func pathEnding(with key: String, outside section: String) -> String? {
    pathsByLastKey[key]?.first { $0 != (section.isEmpty ? key : "\(section).\(key)") }
  }

  /// Settings and sections by their last key, in document order (one lookup per unknown key,
  /// so a file of a million unknown keys is checked in linear time).
  private static let pathsByLastKey: [String: [String]] = {
    var result: [String: [String]] = [:]
    for path in settings.map(\.path) + sections {
      result[String(path.split(separator: ".").last ?? "")] =
        (result[String(path.split(separator: ".").last ?? "")] ?? []) + [path]
    }
    return result
  }()

  /// Whether a dotted path names something `--set` or a variant can set; otherwise the
  /// problem, with a did-you-mean.
  static func checkPath(_ path: String) -> String? {
    if path == variantsKey { return nil }
    let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !path.isEmpty, !components.contains("") else {
      return "'\(path)' is not a key path; write dotted keys such as event_source.batch_size"
    }
    // `deployments[0].alarms[0].threshold`: a key of an entry of the deployments list.
    if let first = components.first, let (name, index) = DeploymentKeyPaths.split(first), index != nil,
      name == "deployments"
    {
      return DeploymentKeyPaths.check(path, rest: components.dropFirst())
    }
    var prefix = ""
    for (index, component) in components.enumerated() {
      let candidate = prefix.isEmpty ? component : "\(prefix).\(component)"
      // `traffic.bursts[0].x`: a list is set whole; suggesting `traffic.bursts.x` would fail next.
      if let bracket = component.firstIndex(of: "["),
        case let list = (prefix.isEmpty ? "" : prefix + ".") + component[..<bracket], setting(list) != nil
      {
        return
          "'\(path)' sets one item of a list, which --set and variants cannot do; set the whole list instead, e.g. \(list)='[{...}, {...}]'"
      }
      if let setting = setting(candidate) {
        let rest = components.dropFirst(index + 1)
        if rest.isEmpty { return nil }
        guard rest.count == 1, !setting.innerKeys.isEmpty else {
          return "\(setting.path) is a single value; it has no key '\(rest.joined(separator: "."))'"
        }
        let inner = rest.first!
        if setting.innerKeys.contains(inner) { return nil }
        let hint =
          Suggestions.nearest(to: inner, among: setting.innerKeys).map { "did you mean '\(setting.path).\($0)'? " }
          ?? ""
        return "unknown key '\(path)'; \(hint)(\(setting.path) has keys \(setting.innerKeys.joined(separator: ", ")))"
      }
      if isSection(candidate) {
        prefix = candidate
        continue
      }
      let allowed = keys(in: prefix)
      var message = "unknown key '\(path)'"
      if let near = Suggestions.nearest(to: component, among: allowed) {
        let fixed = ([prefix.isEmpty ? nil : prefix, near] + components.dropFirst(index + 1).map { Optional($0) })
          .compactMap { $0 }.joined(separator: ".")
        message += "; did you mean '\(fixed)'?"
      } else if let elsewhere = pathEnding(with: component, outside: prefix), index == components.count - 1 {
        message += "; did you mean '\(elsewhere)'?"
      }
      let scope = prefix.isEmpty ? "at the top level" : "in \(prefix)"
      return message + " (keys \(scope): \(allowed.joined(separator: ", ")))"
    }
    return nil
  }
}
