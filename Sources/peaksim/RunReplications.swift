import ArgumentParser
import Experiments
import Foundation
import PipelineModel
import Reports
import Synchronization

extension Peaksim.Run {
  /// `peaksim run SCENARIO --replications N`: replication 0's report (the plain run's) plus
  /// `replications.csv` and `replications.md`, all written at once; or, with a shard, only this
  /// shard's partial result.
  func runReplications(_ count: Int) throws {
    let loaded = try ExperimentSupport.load(scenario, changes)
    let experiment = try ExperimentSupport.attempt { () throws(ExperimentError) in
      try Replications(scenario: loaded, count: count)
    }
    let shard = try sharding.resolve()
    let folder = out ?? "reports/\(loaded.configuration.name)"
    let bar = ExperimentProgressBar.onTerminal()
    let runner = ExperimentSupport.runner(jobs: jobs, bar)

    if let shard {
      let records = try ExperimentSupport.run(bar) { try await experiment.run(on: runner, shard: shard.shard) }
      let partial = PartialResult(header: experiment.header, shard: shard.shard, records: records)
      try ExperimentSupport.writePartial(partial, source: shard.source, to: folder)
      return
    }

    // Replication 0 is the plain run: keep it whole for its own report.
    let first = Mutex<(result: RunResult, wall: Double)?>(nil)
    let records = try ExperimentSupport.run(bar) {
      try await experiment.run(on: runner) { index, result, wall in
        if index == 0 { first.withLock { $0 = (result, wall) } }
      }
    }
    guard let (result, wall) = first.withLock({ $0 }) else { preconditionFailure("replication 0 did not run") }
    let report = RunReport(result: result, scenario: loaded.loaded, wallSeconds: wall)
    let replications = ReplicationsReport(header: experiment.header, records: records)
    let files = ReportWriter.files(for: report) + replications.files.map { (path: $0.name, contents: $0.contents) }
    try Self.write(files, of: report, to: folder, quiet: quiet)
    if !quiet { print("") }
    print(replications.consoleText(folder: folder), terminator: "")
    if replications.allMetCount < records.count && !replications.sloNames.isEmpty { throw ExitCode.sloMissed }
  }
}
