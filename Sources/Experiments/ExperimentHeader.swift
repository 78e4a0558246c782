import Randomness
import Scenario

/// What an experiment is, independently of the machine that runs it: the scenario, the
/// command-line settings, the job list. The replication and sweep reports are built from a
/// header and the job records alone, so that `peaksim merge` can rebuild them from partial
/// result files without the scenario.
public struct ExperimentHeader: Sendable, Equatable {
  /// Which report the jobs make.
  public enum Kind: String, Sendable, CaseIterable {
    case sweep
    case replications
  }

  public var kind: Kind
  /// The scenario's `name`.
  public var scenarioName: String
  /// The scenario's `description`.
  public var scenarioDescription: String
  /// The scenario file as given on the command line.
  public var scenarioPath: String
  /// FNV-1a 64 of the scenario file's bytes, 16 hex digits: shards of different files are
  /// never merged.
  public var scenarioDigest: String
  /// The seed every sweep point uses, or that replications derive theirs from.
  public var seed: UInt64
  /// The `--set` arguments, in order.
  public var overrides: [String]
  /// Sweep only: the `--vary` dimensions, in order.
  public var dimensions: [SweepDimension]
  /// Number of jobs (sweep points, or replications).
  public var jobCount: Int
  /// The keys of ``Figure/all`` when the jobs ran; a merge refuses records from another version.
  public var figureKeys: [String]

  public init(
    kind: Kind, scenarioName: String, scenarioDescription: String, scenarioPath: String,
    scenarioDigest: String, seed: UInt64, overrides: [String], dimensions: [SweepDimension], jobCount: Int
  ) {
    self.kind = kind
    self.scenarioName = scenarioName
    self.scenarioDescription = scenarioDescription
    self.scenarioPath = scenarioPath
    self.scenarioDigest = scenarioDigest
    self.seed = seed
    self.overrides = overrides
    self.dimensions = dimensions
    self.jobCount = jobCount
    self.figureKeys = Figure.all.map(\.key)
  }

  /// The digest of a scenario file's bytes (FNV-1a 64, hex).
  public static func digest(of bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    let text = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }

  /// The header as JSON.
  public var json: JSONTree {
    .object([
      .init("kind", .string(kind.rawValue)),
      .init("scenario", .string(scenarioName)),
      .init("description", .string(scenarioDescription)),
      .init("scenario_path", .string(scenarioPath)),
      .init("scenario_digest", .string(scenarioDigest)),
      .init("seed", .unsigned(seed)),
      .init("overrides", .array(overrides.map { .string($0) })),
      .init(
        "dimensions",
        .array(
          dimensions.map {
            .object([.init("path", .string($0.path)), .init("values", .array($0.values.map { .string($0) }))])
          }
        )),
      .init("job_count", .integer(jobCount)),
      .init("figures", .array(figureKeys.map { .string($0) })),
    ])
  }

  /// Reads a header written by ``json``.
  public init(json: JSONTree) throws(PartialResultError) {
    func field<T>(_ key: String, _ read: (JSONTree) -> T?) throws(PartialResultError) -> T {
      guard let node = json[key], let value = read(node) else {
        throw PartialResultError("the header has no valid \"\(key)\"")
      }
      return value
    }
    guard let kind = Kind(rawValue: try field("kind", \.stringValue)) else {
      throw PartialResultError(
        "the header's \"kind\" is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    self.kind = kind
    scenarioName = try field("scenario", \.stringValue)
    scenarioDescription = try field("description", \.stringValue)
    scenarioPath = try field("scenario_path", \.stringValue)
    scenarioDigest = try field("scenario_digest", \.stringValue)
    seed = try field("seed", \.unsignedValue)
    overrides = try field("overrides") { $0.arrayValue.flatMap { list in Self.all(list.map(\.stringValue)) } }
    dimensions = try field("dimensions") { node in
      node.arrayValue.flatMap { list in
        Self.all(
          list.map { entry -> SweepDimension? in
            guard let path = entry["path"]?.stringValue,
              let values = entry["values"]?.arrayValue.flatMap({ Self.all($0.map(\.stringValue)) })
            else { return nil }
            return SweepDimension(path: path, values: values)
          })
      }
    }
    jobCount = try field("job_count", \.intValue)
    // The name becomes the report folder (reports/<name>/): validated as scenario files
    // validate it, so a header cannot send the merge outside reports/ (issue 13, item 7).
    guard ScenarioName.isValid(scenarioName) else {
      throw PartialResultError(
        "the header's \"scenario\" is \(JSONTree.quoted(scenarioName)): a scenario name is \(ScenarioName.rule)")
    }
    // Experiments cap sweeps and replications at 100,000 jobs; more is no file peaksim wrote.
    guard (1...100_000).contains(jobCount) else {
      throw PartialResultError("the header's \"job_count\" is \(jobCount): an experiment has 1 to 100,000 jobs")
    }
    figureKeys = try field("figures") { $0.arrayValue.flatMap { list in Self.all(list.map(\.stringValue)) } }
  }

  private static func all<T>(_ values: [T?]) -> [T]? {
    let present = values.compactMap { $0 }
    return present.count == values.count ? present : nil
  }
}
