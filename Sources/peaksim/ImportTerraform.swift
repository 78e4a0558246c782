import ArgumentParser
import Foundation
import Scenario

extension Peaksim {
  /// `peaksim import terraform PLAN.json [--out FILE]`: a starter scenario whose settings come
  /// from a `terraform show -json` plan or state (issue 16).
  struct ImportTerraform: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "terraform",
      abstract: "Write a starter scenario whose settings come from a Terraform plan or state.",
      discussion: """
        PLAN.json is the output of 'terraform show -json PLANFILE' (or 'terraform show -json' for \
        the state), format_version 1.x. Each setting read is written with a comment naming its \
        resource attribute; what peaksim reads but does not model yet is listed as a warning. \
        Without --out the scenario goes to standard output.

        Exit status: 0 written, 65 the plan is unreadable or its values are invalid (nothing \
        written), 2 usage error.
        """)

    @Argument(help: ArgumentHelp("The JSON plan or state.", valueName: "plan.json"))
    var plan: String

    @Option(help: ArgumentHelp("Write the scenario to FILE instead of standard output.", valueName: "file"))
    var out: String?

    @Option(help: "Scenario name (default: the --out file's name, or from-terraform).")
    var name: String?

    @Option(help: "Address of the source queue, when the plan has several.")
    var queue: String?

    @Option(help: "Address of the order-processor function, when the plan has several.")
    var function: String?

    @Option(help: "Address of the orders table, when the plan has several.")
    var table: String?

    @Flag(help: "Overwrite the --out file if it exists.")
    var force = false

    var scenarioName: String {
      if let name { return name }
      guard let out else { return "from-terraform" }
      var stem = String(out.split(separator: "/").last ?? "")
      for suffix in [".yaml", ".yml"] where stem.hasSuffix(suffix) { stem = String(stem.dropLast(suffix.count)) }
      return stem
    }

    func validate() throws {
      guard ScenarioName.isValid(scenarioName) else {
        throw ValidationError("the scenario name must be \(ScenarioName.rule) (got '\(scenarioName)'); give --name")
      }
      if let out, !force, FileManager.default.fileExists(atPath: out) {
        throw ValidationError("\(out) already exists; pass --force to overwrite it")
      }
    }

    func run() throws {
      let scenario: LoadedScenario
      do {
        scenario = try TerraformStarterScenario.load(plan: plan, queue: queue, function: function, table: table)
      } catch {
        for diagnostic in error.diagnostics { StandardError.write(diagnostic.description) }
        StandardError.write("\(plan): cannot import, \(error.errors.count) error(s); nothing was written")
        throw ExitCode.invalidScenario
      }
      for warning in scenario.warnings { StandardError.write(warning.description) }
      let text = TerraformStarterScenario.text(name: scenarioName, plan: plan, scenario: scenario)
      guard let out else {
        print(text, terminator: "")
        return
      }
      do {
        try text.write(toFile: out, atomically: true, encoding: .utf8)
      } catch {
        StandardError.write("peaksim: cannot write \(out): \(error.localizedDescription)")
        throw ExitCode(ExitCodes.failure)
      }
      StandardError.write("wrote \(out); check it with 'peaksim check \(out)' and run it with 'peaksim run \(out)'")
    }
  }
}
