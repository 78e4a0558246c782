import ArgumentParser
import Experiments
import Foundation
import PipelineModel
import Scenario

/// What the experiment commands share: loading with diagnostics, running with the progress bar,
/// writing the report, mapping failures to exit codes.
enum ExperimentSupport {
  /// Loads the scenario, printing AWS's warnings; an invalid scenario prints every diagnostic
  /// and exits 65.
  static func load(_ path: String, _ changes: ScenarioOptions) throws -> ExperimentScenario {
    let scenario = try attempt { () throws(ExperimentError) in
      try ExperimentScenario(path: path, overrides: changes.overrides, seed: changes.seed)
    }
    for warning in scenario.loaded.warnings { StandardError.write(warning.description) }
    return scenario
  }

  /// A runner for `jobs` simulations at once (default: the processors available) that moves
  /// `bar`, if any.
  static func runner(jobs: Int?, _ bar: ExperimentProgressBar?) -> ParallelRunner {
    var observer: (@Sendable (ExperimentProgress) -> Void)?
    if let bar { observer = { progress in bar.update(progress) } }
    return ParallelRunner(jobs: jobs ?? ParallelRunner.defaultJobs, progress: observer)
  }

  /// Runs `body`, mapping experiment errors to peaksim's exit codes: an invalid scenario (or
  /// sweep point, sizing value) 65 with every diagnostic, a bad experiment setting 2.
  static func attempt<T>(_ body: () throws(ExperimentError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw exit(for: error)
    }
  }

  static func exit(for error: ExperimentError) -> ExitCode {
    switch error {
    case .invalidScenario(let context, let errors):
      for line in errors.lines() { StandardError.write(line) }
      let count = errors.errors.count
      StandardError.write("\(context): invalid, \(count) error\(count == 1 ? "" : "s"); nothing was run")
      return .invalidScenario
    case .invalidSetting(let message):
      StandardError.write("peaksim: \(message)")
      return .usage
    }
  }

  /// Waits for an experiment's async work with the progress bar cleared at the end; maps a
  /// failed run (a ledger imbalance, a bug in peaksim) to exit 1 with a message.
  static func run<T: Sendable>(_ bar: ExperimentProgressBar?, _ work: @escaping @Sendable () async throws -> T) throws
    -> T
  {
    do {
      let value = try ParallelRunner.blocking(work)
      bar?.clear()
      return value
    } catch let error as ExperimentError {
      bar?.clear()
      throw exit(for: error)
    } catch let error as JobFailure where error.underlying is BacklogLimitExceeded {
      // The scenario's load, not a bug: as `run` says it (exit 65).
      bar?.clear()
      StandardError.write("peaksim: error: limits.max_backlog: \(error.description)")
      throw ExitCode.invalidScenario
    } catch let error as JobFailure {
      bar?.clear()
      StandardError.write("peaksim: internal error in \(error.description)")
      StandardError.write(
        "peaksim: this is a bug in peaksim, not a problem of the scenario; please report it with the scenario file")
      throw ExitCode.internalError
    }
  }

  /// Writes a report's files; exit 1 when that fails.
  static func write(_ files: [ReportFolder.File], to folder: String) throws {
    do {
      try ReportFolder.write(files, to: folder)
    } catch {
      StandardError.write("peaksim: cannot write to \(folder): \(error.localizedDescription)")
      throw ExitCode(ExitCodes.failure)
    }
  }

  /// Writes the partial result of a shard and says what it ran.
  static func writePartial(_ partial: PartialResult, source: String, to folder: String) throws {
    try write([ReportFolder.File(partial.fileName, partial.render())], to: folder)
    let jobs = partial.records.map { String($0.index) }
    StandardError.write("peaksim: shard \(partial.shard) from \(source)")
    print(
      "shard \(partial.shard): ran \(partial.records.count) of \(partial.header.jobCount) jobs (\(jobs.joined(separator: ", "))) → "
        + (folder as NSString).appendingPathComponent(partial.fileName))
    print(
      "merge all \(partial.shard.count) with: peaksim merge <the \(partial.header.kind.rawValue).part-*-of-\(partial.shard.count).json files>"
    )
  }
}
