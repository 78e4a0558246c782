import ArgumentParser
import Experiments

extension Peaksim {
  /// `peaksim compare SCENARIO [OTHER…]`.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a scenario's variants (and other scenario files) side by side on common random numbers.",
      discussion: """
        The scenario itself is the variant 'baseline', then come its variants: in file order, then each \
        OTHER file (its own settings, the first scenario's seed and the same --set). Every variant sees \
        the same orders at the same instants with the same defects. Writes compare.md (verdict per \
        variant, the best for each SLO and for cost, side-by-side figures and SLOs), compare.csv (one row \
        per variant) and overlaid charts compare-backlog.svg, compare-oldest-age.svg, \
        compare-concurrency.svg and compare-dlq.svg to reports/<name>/compare/ (or --out).

        Exit status: 0 done, 2 usage error or nothing to compare, 65 invalid scenario.
        """)

    @Argument(
      help: ArgumentHelp("The scenario file, then other scenario files to compare with it.", valueName: "scenario"))
    var scenarios: [String] = []

    @OptionGroup var options: ExperimentOptions

    func validate() throws {
      guard !scenarios.isEmpty else { throw ValidationError("give a scenario file") }
    }

    func run() throws {
      let loaded = try ExperimentSupport.load(scenarios[0], options.changes)
      for variant in loaded.loaded.variants {
        for warning in variant.warnings { StandardError.write(warning.description) }
      }
      let comparison = try ExperimentSupport.attempt { () throws(ExperimentError) in
        try Comparison(scenario: loaded, otherFiles: Array(scenarios.dropFirst()))
      }
      let folder = options.folder(name: loaded.configuration.name, kind: "compare")
      let bar = ExperimentProgressBar.onTerminal()
      let runner = options.runner(bar)
      let results = try ExperimentSupport.run(bar) { try await comparison.run(on: runner) }
      let report = CompareReport(comparison: comparison, results: results)
      try ExperimentSupport.write(report.files, to: folder)
      print(report.consoleText(folder: folder), terminator: "")
    }
  }
}
