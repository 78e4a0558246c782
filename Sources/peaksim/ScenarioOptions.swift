import ArgumentParser

/// `--set` and `--seed`: what changes the scenario before it runs. One group for `run` and the
/// experiment commands, so both flags read and behave the same in every command.
struct ScenarioOptions: ParsableArguments {
  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override a key of the scenario; VALUE is YAML (repeatable).", valueName: "path=value"))
  var overrides: [String] = []

  @Option(help: ArgumentHelp("Replace the scenario's seed.", valueName: "n"))
  var seed: UInt64?
}
