import ArgumentParser
import Experiments
import Foundation

/// Options every experiment command takes.
struct ExperimentOptions: ParsableArguments {
  @OptionGroup var changes: ScenarioOptions

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Simulations run in parallel (default: the processors available).", valueName: "n"))
  var jobs: Int?

  @Option(help: ArgumentHelp("Report folder (default: reports/<name>/<command>).", valueName: "dir"))
  var out: String?

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
  }

  /// A runner with `--jobs` and, on a terminal, the progress bar.
  func runner(_ bar: ExperimentProgressBar?) -> ParallelRunner { ExperimentSupport.runner(jobs: jobs, bar) }

  /// `--out`, or `reports/<name>/<kind>`.
  func folder(name: String, kind: String) -> String { out ?? "reports/\(name)/\(kind)" }
}

/// `--shard I/N` and `--shard-count N`, for the commands whose runs can be split across machines.
struct ShardOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Run only shard I of N (1-based) and write a partial result for `peaksim merge`. Without it, the shard is read from AWS Batch, Kubernetes Indexed Job or Slurm array variables when set.",
      valueName: "i/n"))
  var shard: String?

  @Option(
    name: .customLong("shard-count"), parsing: .unconditional,
    help: ArgumentHelp(
      "Number of shards for a Kubernetes Indexed Job (JOB_COMPLETION_INDEX); or set PEAKSIM_SHARD_COUNT.",
      valueName: "n"))
  var shardCount: Int?

  /// The shard to run, and where it came from; `nil`: the whole experiment on this machine.
  func resolve() throws -> (shard: Shard, source: String)? {
    do {
      if let shard { return (try Shard(argument: shard), "--shard \(shard)") }
      guard let detection = try ShardEnvironment.detect(ProcessInfo.processInfo.environment, shardCount: shardCount)
      else {
        if shardCount != nil {
          throw ValidationError("--shard-count is for Kubernetes Indexed Jobs, but JOB_COMPLETION_INDEX is not set")
        }
        return nil
      }
      for ignored in detection.ignored { StandardError.write("peaksim: note: also set, not used: \(ignored)") }
      return (detection.shard, detection.source)
    } catch let error as ShardError {
      throw ValidationError(error.description)
    }
  }
}
