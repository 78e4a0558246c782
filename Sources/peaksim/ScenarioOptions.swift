import ArgumentParser

/// `--set` and `--seed`: what changes the scenario before it runs. One group for `run` and the
/// experiment commands, so both flags read and behave the same in every command.
struct ScenarioOptions: ParsableArguments {
  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override a key of the scenario; VALUE is YAML (repeatable).", valueName: "path=value"))
  var overrides: [String] = []

  // `.unconditional`: `--seed -5` is a bad seed, not a missing value followed by an option.
  @Option(parsing: .unconditional, help: ArgumentHelp("Replace the scenario's seed.", valueName: "n"))
  var seed: UInt64?

  /// A `--set` without `=` (or with nothing before it) is a usage error (exit 2), not an
  /// invalid scenario.
  func validate() throws { try Self.validate(overrides) }

  static func validate(_ overrides: [String]) throws {
    for argument in overrides {
      guard let equals = argument.firstIndex(of: "="),
        !argument[..<equals].allSatisfy({ $0 == " " })
      else {
        throw ValidationError(
          "--set expects PATH=VALUE, e.g. --set event_source.batch_size=5; got '\(argument)'")
      }
    }
  }
}
