import ArgumentParser
import Experiments
import Foundation

extension Peaksim {
  /// `peaksim merge PARTIAL… [--out DIR]`.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Combine the partial results of a sharded sweep or replications into the full report.",
      discussion: """
        Give the partial result file of every shard (sweep.part-I-of-N.json or \
        replications.part-I-of-N.json, in any order). The report written is byte for byte the one a single \
        machine would have written, to reports/<name>/<sweep|replications>/ (or --out).

        Exit status: 0 merged (replications: every SLO met in every replication), 2 usage error, \
        3 replications: some replication missed an SLO, 65 a partial result is unreadable, of another \
        experiment, missing or repeated.
        """)

    @Argument(help: ArgumentHelp("The partial result files of every shard.", valueName: "partial"))
    var partials: [String] = []

    @Option(help: ArgumentHelp("Report folder (default: reports/<name>/<sweep|replications>).", valueName: "dir"))
    var out: String?

    func validate() throws {
      guard !partials.isEmpty else { throw ValidationError("give the partial result file of every shard") }
    }

    func run() throws {
      var parts: [(file: String, result: PartialResult)] = []
      for file in partials {
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
      let folder = out ?? "reports/\(merged.header.scenarioName)/\(merged.header.kind.rawValue)"
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
