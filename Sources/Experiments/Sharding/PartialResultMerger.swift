/// Combines the partial results of every shard of one experiment into its complete job list,
/// after checking that they belong together and that no job is missing or repeated.
public enum PartialResultMerger {
  /// The experiment's header and all its records, in job order.
  ///
  /// - Parameter parts: one partial result per shard, in any order, with the file each came from
  ///   (for messages).
  /// - Throws: ``PartialResultError`` when the parts are of different experiments (scenario
  ///   file, seed, `--set`, `--vary`, …), of different shard counts, or when a shard is missing,
  ///   given twice, or does not hold exactly its own jobs.
  public static func merge(_ parts: [(file: String, result: PartialResult)]) throws(PartialResultError) -> (
    header: ExperimentHeader, records: [JobRecord]
  ) {
    guard let first = parts.first else { throw PartialResultError("give the partial result files of every shard") }
    let header = first.result.header
    let count = first.result.shard.count
    for part in parts.dropFirst() {
      if part.result.header != header {
        throw PartialResultError(
          "\(part.file) is from another experiment than \(first.file): \(difference(header, part.result.header))")
      }
      if part.result.shard.count != count {
        throw PartialResultError(
          "\(part.file) is shard \(part.result.shard) but \(first.file) is shard \(first.result.shard): every shard must be of one split"
        )
      }
    }
    for part in parts {
      do { try PartialResultAudit.check(part.result) } catch { throw PartialResultError("\(part.file): \(error)") }
    }
    var seen: [Int: String] = [:]
    for part in parts {
      if let other = seen[part.result.shard.index] {
        throw PartialResultError("shard \(part.result.shard) is given twice: \(other) and \(part.file)")
      }
      seen[part.result.shard.index] = part.file
      let expected = part.result.shard.jobs(of: header.jobCount)
      let found = part.result.records.map(\.index)
      guard found == expected else {
        throw PartialResultError(
          "\(part.file) (shard \(part.result.shard)) holds jobs \(list(found)) but shard \(part.result.shard) of \(header.jobCount) jobs is jobs \(list(expected))"
        )
      }
    }
    let missing = (1...count).filter { seen[$0] == nil }
    guard missing.isEmpty else {
      let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
      let files = missing.prefix(3).map {
        PartialResult.fileName(kind: header.kind, shard: Shard(unchecked: $0, count: count))
      }
      throw PartialResultError(
        "shard\(missing.count == 1 ? "" : "s") \(names) missing (\(files.joined(separator: ", "))\(missing.count > 3 ? ", …" : "")): "
          + "give the partial result of every shard; a shard whose task failed must be run again")
    }
    var records = parts.flatMap(\.result.records)
    records.sort { $0.index < $1.index }
    if header.kind == .replications { try sameSLOs(records) }
    return (header, records)
  }

  /// Replications are one scenario run again and again: every one is judged against the same
  /// SLOs and targets (a sweep may vary a target, so it is not held to this).
  private static func sameSLOs(_ records: [JobRecord]) throws(PartialResultError) {
    guard let first = records.first else { return }
    let targets = first.slo.map { "\($0.name) ≤ \($0.target)" }
    for record in records.dropFirst() where record.slo.map({ "\($0.name) ≤ \($0.target)" }) != targets {
      throw PartialResultError(
        "replication \(record.index) was judged against other SLOs than replication \(first.index): "
          + "[\(record.slo.map { "\($0.name) ≤ \($0.target)" }.joined(separator: ", "))] vs [\(targets.joined(separator: ", "))]"
      )
    }
  }

  private static func list(_ indices: [Int]) -> String {
    let shown = indices.prefix(8).map(String.init).joined(separator: ", ")
    return "[" + shown + (indices.count > 8 ? ", … (\(indices.count))" : "") + "]"
  }

  /// The first field in which two headers differ, for the error message.
  private static func difference(_ a: ExperimentHeader, _ b: ExperimentHeader) -> String {
    if a.kind != b.kind { return "a \(a.kind.rawValue) and a \(b.kind.rawValue)" }
    if a.scenarioDigest != b.scenarioDigest {
      return "the scenario files differ (digest \(a.scenarioDigest) vs \(b.scenarioDigest))"
    }
    if a.scenarioPath != b.scenarioPath {
      return "the scenario was given as \(a.scenarioPath) and as \(b.scenarioPath)"
    }
    if a.seed != b.seed { return "seed \(a.seed) vs \(b.seed)" }
    if a.overrides != b.overrides { return "--set \(a.overrides) vs \(b.overrides)" }
    if a.dimensions != b.dimensions { return "the --vary dimensions differ" }
    if a.jobCount != b.jobCount { return "\(a.jobCount) vs \(b.jobCount) jobs" }
    return "their headers differ"
  }
}
