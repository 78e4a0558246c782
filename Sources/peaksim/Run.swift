import ArgumentParser
import Foundation
import PipelineModel
import Reports
import Scenario

extension Peaksim {
  /// `peaksim run SCENARIO [--set PATH=VALUE …] [--seed N] [--out DIR] [--quiet]`.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a scenario and write its report: summary.json, timeseries.csv, report.md, charts/*.svg.",
      discussion: """
        The report goes to reports/<name>/ (or --out), written to a temporary folder and moved into \
        place only when complete. An earlier report there is replaced; a folder holding other files \
        is left alone (exit 1). Errors and AWS's warnings go to standard error, with a progress bar \
        when standard error is a terminal; the summary and the SLO verdict go to standard output.

        Exit status:
          0   every SLO met (or none set)
          1   the report could not be written
          2   usage error (unknown option, missing argument)
          3   the run completed but at least one SLO was missed
          65  the scenario is invalid or unreadable (nothing is written)
          70  internal error: the order ledger did not balance (a peaksim bug)
        """)

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "scenario"))
    var scenario: String

    @Option(
      name: .customLong("set"),
      help: ArgumentHelp("Override a key of the scenario; VALUE is YAML (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Replace the scenario's seed.", valueName: "n"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Report folder (default: reports/<name>).", valueName: "dir"))
    var out: String?

    @Flag(help: "Print only the verdict line on standard output.")
    var quiet = false

    func run() throws {
      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: scenario, overrides: overrides, seedOverride: seed)
      } catch {
        for diagnostic in error.diagnostics { StandardError.write(diagnostic.description) }
        let errors = error.errors.count
        StandardError.write("\(scenario): invalid, \(errors) error\(errors == 1 ? "" : "s"); nothing was run")
        throw ExitCode.invalidScenario
      }
      for warning in loaded.warnings { StandardError.write(warning.description) }

      let configuration = loaded.configuration
      let folder = out ?? "reports/\(configuration.name)"
      let bar = isatty(2) == 1 ? ProgressBar(configuration) : nil
      let clock = ContinuousClock()
      let started = clock.now
      let result: RunResult
      do {
        result = try Simulation.run(configuration, progress: bar.map { bar in { bar.update($0) } })
      } catch {
        bar?.clear()
        StandardError.write("peaksim: internal error: \(error)")
        StandardError.write("peaksim: this is a bug in peaksim, not a problem of the scenario; please report it with the scenario file")
        throw ExitCode.internalError
      }
      let elapsed = clock.now - started
      bar?.clear()
      let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

      let report = RunReport(result: result, scenario: loaded, wallSeconds: wall)
      do {
        try ReportWriter.write(report, to: folder)
      } catch {
        StandardError.write("peaksim: cannot write the report: \(error)")
        throw ExitCode(ExitCodes.failure)
      }
      if quiet {
        print(ConsoleSummary.verdictLine(result, folder: folder))
      } else {
        print(ConsoleSummary.render(report, folder: folder), terminator: "")
      }
      if !result.allSLOsMet { throw ExitCode.sloMissed }
    }
  }
}
