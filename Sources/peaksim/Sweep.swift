import ArgumentParser
import Experiments

extension Peaksim {
  /// `peaksim sweep SCENARIO --vary PATH=V1,V2,… [--vary …]`.
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a grid of scenario settings; tabulate the SLOs met and the cost of each point.",
      discussion: """
        Each --vary PATH=V1,V2,… (or PATH=A..B[:S] for whole numbers) is one dimension; the points are \
        every combination, the first --vary outermost. Each point is the scenario with --set PATH=VALUE \
        per dimension and the scenario's seed (common random numbers). Writes sweep.csv (one row per \
        point), sweep.md (tables of SLOs met and cost) and, when exactly two keys vary, sweep.svg (a heat \
        map of cost, failing points hatched) to reports/<name>/sweep/ (or --out).

        With --shard I/N (or a batch engine's array index, see docs/experiments.md) only this shard's \
        points run (point k belongs to shard (k mod N) + 1) and a partial result sweep.part-I-of-N.json is \
        written; `peaksim merge` combines the parts into exactly the report one machine would write.

        Exit status: 0 done (whatever the points' verdicts), 2 usage error, 65 invalid scenario or value.
        """)

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "scenario"))
    var scenario: String

    @Option(
      name: .customLong("vary"),
      help: ArgumentHelp("A key and its values: PATH=V1,V2,… or PATH=A..B[:S] (repeatable).", valueName: "path=values"))
    var dimensions: [String] = []

    @OptionGroup var options: ExperimentOptions
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
      guard !dimensions.isEmpty else { throw ValidationError("give at least one --vary PATH=V1,V2,…") }
      for dimension in dimensions {
        do { _ = try SweepDimension(argument: dimension) } catch { throw ValidationError(error.description) }
      }
    }

    func run() throws {
      let loaded = try ExperimentSupport.load(scenario, options.changes)
      var parsed: [SweepDimension] = []
      for argument in dimensions {
        do { parsed.append(try SweepDimension(argument: argument)) } catch { throw ValidationError(error.description) }
      }
      let sweep = try ExperimentSupport.attempt { () throws(ExperimentError) in
        try Experiments.Sweep(scenario: loaded, dimensions: parsed)
      }
      // Every point is checked before anything runs.
      _ = try ExperimentSupport.attempt { () throws(ExperimentError) in try sweep.jobs() }
      let shard = try sharding.resolve()
      let folder = options.folder(name: loaded.configuration.name, kind: "sweep")
      let bar = ExperimentProgressBar.onTerminal()
      let runner = options.runner(bar)
      let records = try ExperimentSupport.run(bar) { try await sweep.run(on: runner, shard: shard?.shard ?? .whole) }
      if let shard {
        let partial = PartialResult(header: sweep.header, shard: shard.shard, records: records)
        try ExperimentSupport.writePartial(partial, source: shard.source, to: folder)
        return
      }
      let report = try ExperimentSupport.attempt { () throws(ExperimentError) in
        try SweepReport(header: sweep.header, records: records)
      }
      try ExperimentSupport.write(report.files, to: folder)
      print(report.consoleText(folder: folder), terminator: "")
    }
  }
}
