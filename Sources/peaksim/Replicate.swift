import ArgumentParser
import Experiments

extension Peaksim {
  /// `peaksim replicate SCENARIO --replications N`: independent replications with confidence
  /// intervals (`peaksim run --replications N` until `run` takes the option itself).
  struct Replicate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run independent replications of a scenario; report every figure with a 95 % confidence interval.",
      discussion: """
        Replication i runs with seed StreamSeed.replication(i, of: seed); replication 0 is the scenario's own \
        seed. Writes replications.csv (one row per replication) and replications.md (mean ± 95 % Student-t \
        half-width of every figure; each SLO met in k of N) to reports/<name>/replications/ (or --out). \
        Results are identical for every --jobs.

        With --shard I/N (or a batch engine's array index, see docs/experiments.md) only this shard's \
        replications run and a partial result replications.part-I-of-N.json is written; `peaksim merge` \
        combines the parts into the report one machine would write.

        Exit status: 0 every SLO met in every replication (or a partial result written), 2 usage error, \
        3 some replication missed an SLO, 65 invalid scenario.
        """)

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "scenario"))
    var scenario: String

    @Option(help: ArgumentHelp("Number of replications (≥ 1).", valueName: "n"))
    var replications: Int

    @OptionGroup var options: ExperimentOptions
    @OptionGroup var sharding: ShardOptions

    func run() throws {
      let loaded = try ExperimentSupport.load(scenario, options)
      let experiment = try ExperimentSupport.attempt { () throws(ExperimentError) in
        try Replications(scenario: loaded, count: replications)
      }
      let shard = try sharding.resolve()
      let folder = options.folder(name: loaded.configuration.name, kind: "replications")
      let bar = ExperimentProgressBar.onTerminal()
      let runner = options.runner(bar)
      let records = try ExperimentSupport.run(bar) {
        try await experiment.run(on: runner, shard: shard?.shard ?? .whole)
      }
      if let shard {
        let partial = PartialResult(header: experiment.header, shard: shard.shard, records: records)
        try ExperimentSupport.writePartial(partial, source: shard.source, to: folder)
        return
      }
      let report = ReplicationsReport(header: experiment.header, records: records)
      try ExperimentSupport.write(report.files, to: folder)
      print(report.consoleText(folder: folder), terminator: "")
      if report.allMetCount < records.count && !report.sloNames.isEmpty { throw ExitCode.sloMissed }
    }
  }
}
