/// Reads this machine's shard from a batch engine's array-job environment, for when
/// `--shard` is not given.
///
/// | engine | index | count |
/// | --- | --- | --- |
/// | AWS Batch array job | `AWS_BATCH_JOB_ARRAY_INDEX` (0-based) | `AWS_BATCH_JOB_ARRAY_SIZE` |
/// | Kubernetes Indexed Job | `JOB_COMPLETION_INDEX` (0-based) | `--shard-count N`, else `PEAKSIM_SHARD_COUNT` (set it to the Job's `completions`) |
/// | Slurm job array | `SLURM_ARRAY_TASK_ID` | `SLURM_ARRAY_TASK_COUNT` |
///
/// Slurm task IDs are whatever `--array` says (`0-9`, `1-10`, `100-109`, `0-18:2`): the shard
/// is `(ID − SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP + 1` (MIN defaults to 0, STEP to 1),
/// and an array that is not one evenly stepped range (`--array=1,4,9`) is refused rather than
/// split wrongly. When the variables of more than one engine are set, the first in the table
/// wins and the others are reported in ``Detection/ignored``.
public enum ShardEnvironment {
  /// A shard read from the environment and where it came from.
  public struct Detection: Sendable, Equatable {
    public var shard: Shard
    /// `AWS Batch (AWS_BATCH_JOB_ARRAY_INDEX=2, AWS_BATCH_JOB_ARRAY_SIZE=3)`.
    public var source: String
    /// Engines whose variables were also set but not used.
    public var ignored: [String]
  }

  /// The shard the environment describes; `nil` when no batch engine's index is set.
  ///
  /// - Parameters:
  ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
  ///   - shardCount: `--shard-count`, the count for Kubernetes Indexed Jobs.
  public static func detect(_ environment: [String: String], shardCount: Int? = nil) throws(ShardError) -> Detection? {
    var found: [(shard: Shard, source: String)] = []
    var ignored: [String] = []
    // AWS Batch.
    if let index = environment["AWS_BATCH_JOB_ARRAY_INDEX"] {
      let size = environment["AWS_BATCH_JOB_ARRAY_SIZE"]
      let zeroBased = try integer(index, "AWS_BATCH_JOB_ARRAY_INDEX")
      guard let size else {
        throw ShardError("AWS_BATCH_JOB_ARRAY_INDEX is set but AWS_BATCH_JOB_ARRAY_SIZE is not; give --shard I/N")
      }
      let count = try integer(size, "AWS_BATCH_JOB_ARRAY_SIZE")
      found.append(
        (
          try Shard(index: zeroBased + 1, count: count),
          "AWS Batch (AWS_BATCH_JOB_ARRAY_INDEX=\(index), AWS_BATCH_JOB_ARRAY_SIZE=\(size))"
        ))
    }
    // Kubernetes Indexed Job.
    if let index = environment["JOB_COMPLETION_INDEX"] {
      let zeroBased = try integer(index, "JOB_COMPLETION_INDEX")
      let count: Int
      let countSource: String
      if let shardCount {
        count = shardCount
        countSource = "--shard-count \(shardCount)"
      } else if let text = environment["PEAKSIM_SHARD_COUNT"] {
        count = try integer(text, "PEAKSIM_SHARD_COUNT")
        countSource = "PEAKSIM_SHARD_COUNT=\(text)"
      } else {
        throw ShardError(
          "JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but the number of shards is not: "
            + "give --shard-count N or set PEAKSIM_SHARD_COUNT to the Job's completions")
      }
      found.append(
        (
          try Shard(index: zeroBased + 1, count: count),
          "Kubernetes Indexed Job (JOB_COMPLETION_INDEX=\(index), \(countSource))"
        ))
    }
    // Slurm job array.
    if let id = environment["SLURM_ARRAY_TASK_ID"] {
      let taskID = try integer(id, "SLURM_ARRAY_TASK_ID")
      guard let countText = environment["SLURM_ARRAY_TASK_COUNT"] else {
        throw ShardError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; give --shard I/N")
      }
      let count = try integer(countText, "SLURM_ARRAY_TASK_COUNT")
      let minimum =
        try environment["SLURM_ARRAY_TASK_MIN"].map { text throws(ShardError) in
          try integer(text, "SLURM_ARRAY_TASK_MIN")
        } ?? 0
      let step =
        try environment["SLURM_ARRAY_TASK_STEP"].map { text throws(ShardError) in
          try integer(text, "SLURM_ARRAY_TASK_STEP")
        } ?? 1
      guard step >= 1 else { throw ShardError("SLURM_ARRAY_TASK_STEP must be at least 1, got \(step)") }
      if let maxText = environment["SLURM_ARRAY_TASK_MAX"] {
        let maximum = try integer(maxText, "SLURM_ARRAY_TASK_MAX")
        guard maximum >= minimum, (maximum - minimum) % step == 0, (maximum - minimum) / step + 1 == count else {
          throw ShardError(
            "the Slurm array is not one evenly stepped range (MIN \(minimum), MAX \(maximum), STEP \(step), COUNT \(count)); "
              + "submit it as --array=0-\(max(0, count - 1)) or give --shard I/N")
        }
      }
      guard taskID >= minimum, (taskID - minimum) % step == 0 else {
        throw ShardError(
          "SLURM_ARRAY_TASK_ID \(taskID) is not in the array \(minimum), \(minimum + step), …; give --shard I/N")
      }
      found.append(
        (
          try Shard(index: (taskID - minimum) / step + 1, count: count),
          "Slurm array (SLURM_ARRAY_TASK_ID=\(id), SLURM_ARRAY_TASK_MIN=\(minimum), SLURM_ARRAY_TASK_COUNT=\(countText))"
        ))
    }
    guard let first = found.first else { return nil }
    ignored = found.dropFirst().map(\.source)
    return Detection(shard: first.shard, source: first.source, ignored: ignored)
  }

  private static func integer(_ text: String, _ name: String) throws(ShardError) -> Int {
    guard let value = Int(text.trimmingSpaces), value >= 0 else {
      throw ShardError("\(name) must be a whole number ≥ 0, got \(text)")
    }
    return value
  }
}
