import ArgumentParser
import Scenario

extension Peaksim {
  /// `peaksim check SCENARIO… [--set PATH=VALUE…]`: validates scenarios without running them.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate scenario files without running them.",
      discussion: """
        Prints every error of each file (file:line:column: error: key.path: message) and AWS's \
        warnings on standard error, then 'SCENARIO: ok' on standard output for each valid file.

        Exit status: 0 all valid, 65 some scenario invalid or unreadable, 2 usage error.
        """)

    @Argument(help: ArgumentHelp("Scenario files to check.", valueName: "scenario"))
    var scenarios: [String] = []

    @Option(
      name: .customLong("set"),
      help: ArgumentHelp(
        "Override a key for every scenario checked; VALUE is YAML (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    func validate() throws {
      guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file to check") }
      try ScenarioOptions.validate(overrides)
    }

    func run() throws {
      var invalid = false
      for path in scenarios {
        do {
          let scenario = try ScenarioLoader.load(path: path, overrides: overrides)
          let warnings = scenario.allWarnings
          for warning in warnings { StandardError.write(warning.description) }
          var notes: [String] = []
          if !scenario.variants.isEmpty { notes.append(count(scenario.variants.count, "variant")) }
          if !warnings.isEmpty { notes.append(count(warnings.count, "warning")) }
          print("\(path): ok" + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"))
        } catch {
          for line in error.lines() { StandardError.write(line) }
          let errors = error.errors.count, warnings = error.warnings.count
          StandardError.write(
            "\(path): invalid, \(count(errors, "error"))" + (warnings == 0 ? "" : " and \(count(warnings, "warning"))"))
          invalid = true
        }
      }
      if invalid { throw ExitCode.invalidScenario }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
  }
}
