import ArgumentParser
import Experiments
import Foundation

extension Peaksim {
  /// `peaksim merge PARTIAL… [--out DIR]`.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Combine the partial results of a sharded sweep or replications into the full report.",
      discussion: """
        Give the partial result file of every shard (sweep.part-I-of-N.json from `peaksim sweep --shard`, \
        or replications.part-I-of-N.json from `peaksim run --replications N --shard`), in any order, or \
        the folders the shards wrote them to (every *.part-I-of-N.json directly inside is taken). The \
        files written are byte for byte those a single machine would have written: sweep.csv, sweep.md \
        (and sweep.svg) to reports/<name>/sweep/, or replications.csv and replications.md to \
        reports/<name>/ (or --out). Other files in the folder are left alone.

        Exit status: 0 merged (replications: every SLO met in every replication), 2 usage error, \
        3 replications: some replication missed an SLO, 65 a partial result is unreadable, of another \
        experiment, missing or repeated.
        """)

    @Argument(
      help: ArgumentHelp("The partial result files of every shard, or the folders holding them.", valueName: "partial"))
    var partials: [String] = []

    @Option(help: ArgumentHelp("Report folder (default: reports/<name>/sweep or reports/<name>).", valueName: "dir"))
    var out: String?

    func validate() throws {
      guard !partials.isEmpty else {
        throw ValidationError("give the partial result file of every shard, or the folder holding them")
      }
    }

    func run() throws {
      let files: [String]
      do { files = try PartialResultFiles.expand(partials) } catch {
        StandardError.write("peaksim merge: \(error.description)")
        throw ExitCode.invalidScenario
      }
      var parts: [(file: String, result: PartialResult)] = []
      for file in files {
        guard let data = FileManager.default.contents(atPath: file) else {
          StandardError.write("\(file): cannot read the partial result")
          throw ExitCode.invalidScenario
        }
        do {
          parts.append((file, try PartialResult(parsing: String(decoding: data, as: UTF8.self))))
        } catch {
          StandardError.write("\(file): \(error.description)")
          throw ExitCode.invalidScenario
        }
      }
      let merged: (header: ExperimentHeader, records: [JobRecord])
      do {
        merged = try PartialResultMerger.merge(parts)
      } catch {
        StandardError.write("peaksim merge: \(error.description)")
        throw ExitCode.invalidScenario
      }
      // Where the unsharded command writes: `sweep` its own folder, `run --replications` the run's.
      // The header's name was validated as a scenario name: no '/', no leading '.', so the folder
      // is always inside reports/.
      let folder =
        out
        ?? (merged.header.kind == .sweep
          ? "reports/\(merged.header.scenarioName)/sweep" : "reports/\(merged.header.scenarioName)")
      switch merged.header.kind {
      case .sweep:
        let report = try ExperimentSupport.attempt { () throws(ExperimentError) in
          try SweepReport(header: merged.header, records: merged.records)
        }
        try ExperimentSupport.write(report.files, to: folder)
        print(report.consoleText(folder: folder), terminator: "")
      case .replications:
        let report = ReplicationsReport(header: merged.header, records: merged.records)
        try ExperimentSupport.write(report.files, to: folder)
        print(report.consoleText(folder: folder), terminator: "")
        if report.allMetCount < merged.records.count && !report.sloNames.isEmpty { throw ExitCode.sloMissed }
      }
    }
  }
}
