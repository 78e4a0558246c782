import ArgumentParser
import DeliveryModel
import Foundation
import PipelineModel
import Reports
import Scenario

extension Peaksim {
  /// `peaksim run SCENARIO [--set PATH=VALUE …] [--seed N] [--out DIR] [--quiet]
  /// [--replications N [--jobs N] [--shard I/N]]`.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a scenario and write its report: summary.json, timeseries.csv, report.md, charts/*.svg.",
      discussion: """
        The report goes to reports/<name>/ (or --out), written to a temporary folder and moved into \
        place only when complete. An earlier report there is replaced; a folder holding other files \
        is left alone (exit 1). Errors and AWS's warnings go to standard error, with a progress bar \
        when standard error is a terminal; the summary and the SLO verdict go to standard output.

        With --replications N, N independent runs: replication i uses seed \
        StreamSeed.replication(i, of: seed), replication 0 is the scenario's own seed and its report is \
        the one written above; replications.csv (one row per replication) and replications.md (every \
        figure as a mean with its 95 % Student-t confidence interval, each SLO met in k of N) are written \
        beside it. The runs share the processors (--jobs); the output is identical for every --jobs. \
        With --shard I/N (or a batch engine's array index, see docs/experiments.md) only this shard's \
        replications run and replications.part-I-of-N.json is written for `peaksim merge`. Exit 3 when \
        any replication misses an SLO.

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

    @OptionGroup var changes: ScenarioOptions

    @Option(help: ArgumentHelp("Report folder (default: reports/<name>).", valueName: "dir"))
    var out: String?

    @Flag(help: "Print only the verdict line on standard output.")
    var quiet = false

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Run N independent replications and report 95 % confidence intervals.", valueName: "n"))
    var replications: Int?

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "With --replications: simulations run in parallel (default: the processors available).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var sharding: ShardOptions

    func validate() throws {
      if let replications, replications < 1 {
        throw ValidationError("--replications must be at least 1, got \(replications)")
      }
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
      if replications == nil && (jobs != nil || sharding.shard != nil || sharding.shardCount != nil) {
        throw ValidationError("--jobs, --shard and --shard-count go with --replications N")
      }
    }

    func run() throws {
      if let replications { return try runReplications(replications) }
      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: scenario, overrides: changes.overrides, seedOverride: changes.seed)
      } catch {
        for line in error.lines() { StandardError.write(line) }
        let errors = error.errors.count
        StandardError.write("\(scenario): invalid, \(errors) error\(errors == 1 ? "" : "s"); nothing was run")
        throw ExitCode.invalidScenario
      }
      for warning in loaded.warnings { StandardError.write(warning.description) }

      let configuration = loaded.configuration
      let folder = out ?? "reports/\(configuration.name)"
      if let warning = HugeRunWarning.text(for: configuration) {
        StandardError.write("\(scenario): warning: \(warning)")
      }
      let bar = isatty(2) == 1 ? ProgressBar(configuration) : nil
      let clock = ContinuousClock()
      let started = clock.now
      let result: RunResult
      do {
        result = try DeliveryRun.run(configuration, progress: bar.map { bar in { bar.update($0) } })
      } catch let error as BacklogLimitExceeded {
        bar?.clear()
        StandardError.write("\(scenario): error: limits.max_backlog: \(error)")
        StandardError.write("\(scenario): nothing was written")
        throw ExitCode.invalidScenario
      } catch {
        bar?.clear()
        StandardError.write("peaksim: internal error: \(error)")
        StandardError.write(
          "peaksim: this is a bug in peaksim, not a problem of the scenario; please report it with the scenario file")
        throw ExitCode.internalError
      }
      let elapsed = clock.now - started
      bar?.clear()
      let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

      let report = RunReport(result: result, scenario: loaded, wallSeconds: wall)
      try Self.write(ReportWriter.files(for: report), of: report, to: folder, quiet: quiet)
      if !result.allSLOsMet { throw ExitCode.sloMissed }
    }

    /// Writes a run's files all or nothing and prints its summary (or, with `quiet`, the
    /// verdict line); a folder that cannot be written is exit 1.
    static func write(_ files: [ReportWriter.File], of report: RunReport, to folder: String, quiet: Bool) throws {
      do {
        try ReportWriter.write(files, to: folder)
      } catch {
        StandardError.write("peaksim: cannot write the report: \(error)")
        throw ExitCode(ExitCodes.failure)
      }
      if quiet {
        print(ConsoleSummary.verdictLine(report.result, folder: folder))
      } else {
        print(ConsoleSummary.render(report, folder: folder), terminator: "")
      }
    }
  }
}
