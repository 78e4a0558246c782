import ArgumentParser
import Experiments

extension SizingSearch.Objective: ExpressibleByArgument {}

extension Peaksim {
  /// `peaksim size SCENARIO --for PATH --range A..B`.
  struct Size: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the smallest (or cheapest) value of a setting that meets every SLO in every replication.",
      discussion: """
        Typical settings: event_source.maximum_concurrency, lambda.reserved_concurrency, \
        table.write_capacity, event_source.batch_size. The search runs both ends of --range, bisects for \
        the boundary of the passing values (and for both ends of a passing window when values that are \
        too large fail too), then runs the neighbours of each boundary to check that the passing values \
        really form one window; when they do not it says 'not monotone' and runs every value of the range. \
        --slo restricts the SLOs that decide (default: all of the scenario's). Prints the answer with its \
        margin and what fails one step below, and writes size.md to reports/<name>/size/ (or --out).

        Exit status: 0 a value meets the SLOs, 2 usage error, 3 no value in the range does, 65 invalid \
        scenario or value.
        """)

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "scenario"))
    var scenario: String

    @Option(
      name: .customLong("for"),
      help: ArgumentHelp("The key to size, e.g. lambda.reserved_concurrency.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("The whole-number values to search, A..B.", valueName: "a..b"))
    var range: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Distance between values tried (default 1).", valueName: "s"))
    var step: Int = 1

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Runs per value; a value passes only if every one meets the SLOs.", valueName: "n"))
    var replications: Int = 1

    @Option(help: ArgumentHelp("smallest: the smallest passing value; cost: the cheapest.", valueName: "smallest|cost"))
    var objective: SizingSearch.Objective = .smallest

    @Option(
      name: .customLong("slo"),
      help: ArgumentHelp("Only this SLO decides (repeatable), e.g. valid_orders_in_dlq.", valueName: "name"))
    var slos: [String] = []

    @OptionGroup var options: ExperimentOptions

    func run() throws {
      let loaded = try ExperimentSupport.load(scenario, options.changes)
      let sizing = try ExperimentSupport.attempt { () throws(ExperimentError) in
        try Sizing(
          scenario: loaded, path: path, range: SizingRange(argument: range, step: step), replications: replications,
          objective: objective, slos: slos)
      }
      let folder = options.folder(name: loaded.configuration.name, kind: "size")
      let bar = ExperimentProgressBar.onTerminal()
      let runner = options.runner(bar)
      let log: @Sendable (Sizing.Point) -> Void = { point in
        bar?.clear()
        StandardError.write("  \(sizing.path)=\(point.value): " + SizingReport.summary(of: point, in: sizing))
      }
      let result = try ExperimentSupport.run(bar) { try await sizing.run(on: runner, evaluated: log) }
      let report = SizingReport(sizing: sizing, result: result)
      try ExperimentSupport.write(report.files, to: folder)
      print(report.consoleText, terminator: "")
      print("report: \(folder)/size.md")
      if result.outcome.answer == nil { throw ExitCode.sloMissed }
    }
  }
}
