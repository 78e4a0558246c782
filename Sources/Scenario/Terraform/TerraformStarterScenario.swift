/// The starter scenario `peaksim import terraform PLAN.json` writes: the settings a plan or
/// state gives, each with a comment naming its resource attribute, plus the few keys every
/// scenario needs (name, duration, traffic). Everything else keeps AWS's default.
///
/// The plan is read through the same route as a scenario's `terraform:` section (a scenario
/// holding only that section), so the file written and the `terraform:` route give the same
/// configuration, and the same plan problems are reported the same way.
public enum TerraformStarterScenario {
  /// Traffic and horizon of the starter, to be replaced by the user's own.
  static let duration = "1d"
  static let baseline = "50/s"

  /// Reads the plan at `plan` (a path as given) with the chosen addresses, as the
  /// `terraform:` route does.
  ///
  /// - Throws: `ScenarioErrors` naming the plan and the JSON path of every problem.
  public static func load(
    plan: String, queue: String? = nil, function: String? = nil, table: String? = nil
  ) throws(ScenarioErrors) -> LoadedScenario {
    var section = "{plan: \(YAMLText.doubleQuoted(plan))"
    for (key, address) in [("queue", queue), ("function", function), ("table", table)] {
      if let address { section += ", \(key): \(YAMLText.doubleQuoted(address))" }
    }
    section += "}"
    let text = "name: import\nduration: \(duration)\ntraffic: {baseline: \(baseline)}\nterraform: \(section)\n"
    return try ScenarioLoader.parse(text: text, fileName: "peaksim-import.yaml")
  }

  /// The file's text: `scenario`'s settings that came from Terraform, by section in
  /// SCENARIO.md order, each commented with `terraform: <address>.<attribute>`.
  public static func text(name: String, plan: String, scenario: LoadedScenario) -> String {
    var text = """
      # peaksim scenario imported from Terraform: \(plan)
      # Each setting below comes from the resource attribute named in its comment; keys not
      # written keep AWS's defaults (`peaksim init` writes them all). To stay in step with the
      # infrastructure, a scenario can read the plan itself instead: terraform: {plan: PATH}, the
      # path relative to the scenario file (here: \(plan)).
      # Check it with `peaksim check FILE`, run it with `peaksim run FILE`.

      name: \(name)
      description: \(YAMLText.string("settings imported from \(plan)"))
      seed: 1
      duration: \(duration)                        # simulated horizon: set your own
      traffic:
        baseline: \(baseline)                    # orders per second: set your own traffic

      """
    let unmodelled = scenario.warnings.filter { $0.message.hasPrefix(TerraformMapping.unmodelledPrefix) }
    if !unmodelled.isEmpty {
      text += "\n# What the plan sets that peaksim does not simulate yet (the terraform: route warns about it):\n"
      for note in unmodelled { text += "#   \(note.message.dropFirst(TerraformMapping.unmodelledPrefix.count))\n" }
    }
    var section = ""
    let imported = scenario.effectiveSettings.compactMap { s -> (EffectiveSetting, String)? in
      if case .terraform = s.origin { return (s, s.origin.source.dropFirst("terraform:".count).description) }
      return nil
    }
    for (setting, attribute) in imported {
      let components = setting.keyPath.split(separator: ".").map(String.init)
      let key = components.dropFirst().joined(separator: ".")
      if components[0] != section {
        section = components[0]
        text += "\n\(section):\n"
      }
      let line = "  \(key): \(setting.value)"
      text += line + String(repeating: " ", count: max(1, 36 - line.count)) + "# terraform: \(attribute)\n"
    }
    return text
  }
}
