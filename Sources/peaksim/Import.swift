import ArgumentParser

extension Peaksim {
  /// `peaksim import …`: starter scenarios from other tools' descriptions of the system.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a starter scenario from another tool's description of the system.",
      subcommands: [ImportTerraform.self])
  }
}
