import ArgumentParser
import Foundation
import Scenario

extension Peaksim {
  /// `peaksim init [NAME] [--force]`: writes a commented starter scenario.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Write a commented starter scenario, NAME.yaml, in the current folder.",
      discussion: """
        The file shows every section of the scenario format with AWS's defaults and a comment per \
        key, and passes 'peaksim check' as written. An existing file is kept unless --force is given.
        """)

    @Argument(help: "Scenario name; it names the file (NAME.yaml) and the report folder.")
    var name: String = "scenario"

    @Flag(help: "Overwrite NAME.yaml if it exists.")
    var force = false

    /// `name` without a `.yaml` or `.yml` the user may have typed.
    var scenarioName: String {
      for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
      return name
    }

    var fileName: String { scenarioName + ".yaml" }

    func validate() throws {
      guard ScenarioName.isValid(scenarioName) else {
        throw ValidationError("NAME must be \(ScenarioName.rule) (got '\(name)')")
      }
      if !force, FileManager.default.fileExists(atPath: fileName) {
        throw ValidationError("\(fileName) already exists; pass --force to overwrite it")
      }
    }

    func run() throws {
      do {
        try StarterScenario.text(name: scenarioName).write(toFile: fileName, atomically: true, encoding: .utf8)
      } catch {
        StandardError.write("peaksim: cannot write \(fileName): \(error.localizedDescription)")
        throw ExitCode(ExitCodes.failure)
      }
      print("wrote \(fileName); check it with 'peaksim check \(fileName)' and run it with 'peaksim run \(fileName)'")
    }
  }
}
