import PipelineModel

/// What one shard of a sweep or of replications writes: the experiment's header, the shard,
/// and the records of the jobs it ran. `peaksim merge` turns the partial results of all shards
/// into the report one machine would have written.
///
/// The file is JSON (``JSONTree``), byte-for-byte the same for the same shard on any machine:
///
/// ```json
/// {
///   "format": "peaksim-partial-result",
///   "version": 1,
///   "header": { "kind": "sweep", "scenario": "…", "seed": 7, "job_count": 12, … },
///   "shard": {"index": 2, "count": 3},
///   "jobs": [
///     {
///       "index": 1,
///       "label": "event_source.batch_size=10",
///       "seed": 7,
///       "figures": {"orders.arrived": 6017.0, "latency.end_to_end_s.p99": 0.611, …},
///       "slo": [{"name": "p99_end_to_end", "target": 30.0, "actual": 0.611, "met": true, "unit": "s"}, …]
///     }, …
///   ]
/// }
/// ```
///
/// Figures are written in shortest round-trip form, so they read back to the same `Double`
/// bits and the merged report equals the unsharded one byte for byte.
public struct PartialResult: Sendable, Equatable {
  public static let format = "peaksim-partial-result"
  public static let version = 1

  public var header: ExperimentHeader
  public var shard: Shard
  /// The shard's jobs, in job order.
  public var records: [JobRecord]

  public init(header: ExperimentHeader, shard: Shard, records: [JobRecord]) {
    self.header = header
    self.shard = shard
    self.records = records
  }

  /// `sweep.part-2-of-3.json`.
  public var fileName: String { Self.fileName(kind: header.kind, shard: shard) }

  public static func fileName(kind: ExperimentHeader.Kind, shard: Shard) -> String {
    "\(kind.rawValue).part-\(shard.index)-of-\(shard.count).json"
  }

  /// The file's text.
  public func render() -> String {
    JSONTree.object([
      .init("format", .string(Self.format)),
      .init("version", .integer(Self.version)),
      .init("header", header.json),
      .init("shard", .object([.init("index", .integer(shard.index)), .init("count", .integer(shard.count))])),
      .init("jobs", .array(records.map(Self.json))),
    ]).render()
  }

  static func json(_ record: JobRecord) -> JSONTree {
    .object([
      .init("index", .integer(record.index)),
      .init("label", .string(record.label)),
      .init("seed", .unsigned(record.seed)),
      .init("figures", .object(zip(Figure.all, record.figures).map { .init($0.key, number($0, $1)) })),
      .init(
        "slo",
        .array(
          record.slo.map { slo in
            .object([
              .init("name", .string(slo.name)), .init("target", .double(slo.target)),
              .init("actual", .double(slo.actual)),
              .init("met", .bool(slo.met)), .init("unit", .string(slo.unit)),
            ])
          })),
    ])
  }

  /// A whole-number figure as an integer (`3570`), any other as a shortest round-trip double;
  /// both read back to the same bits.
  static func number(_ figure: Figure, _ value: Double) -> JSONTree {
    if figure.isWholeNumber, value == value.rounded(), abs(value) < 9e15 { return .integer(Int(value)) }
    return .double(value)
  }

  /// Reads a partial result file's text.
  public init(parsing text: String) throws(PartialResultError) {
    let document: JSONTree
    do { document = try JSONTree.parse(text) } catch { throw PartialResultError(error.description) }
    guard document["format"]?.stringValue == Self.format else {
      throw PartialResultError("not a peaksim partial result (no \"format\": \"\(Self.format)\")")
    }
    guard let version = document["version"]?.intValue, version == Self.version else {
      throw PartialResultError(
        "written by another peaksim version (format version \(document["version"]?.intValue.map(String.init) ?? "?"), this peaksim reads \(Self.version))"
      )
    }
    guard let headerNode = document["header"] else { throw PartialResultError("no \"header\"") }
    header = try ExperimentHeader(json: headerNode)
    guard header.figureKeys == Figure.all.map(\.key) else {
      throw PartialResultError(
        "written by a peaksim with other figures; run every shard and the merge with one version")
    }
    guard let index = document["shard"]?["index"]?.intValue, let count = document["shard"]?["count"]?.intValue else {
      throw PartialResultError("no valid \"shard\"")
    }
    do { shard = try Shard(index: index, count: count) } catch { throw PartialResultError(error.description) }
    guard let jobs = document["jobs"]?.arrayValue else { throw PartialResultError("no \"jobs\" list") }
    var records: [JobRecord] = []
    for job in jobs { records.append(try Self.record(job)) }
    self.records = records
  }

  private static func record(_ node: JSONTree) throws(PartialResultError) -> JobRecord {
    guard let index = node["index"]?.intValue, let label = node["label"]?.stringValue,
      let seed = node["seed"]?.unsignedValue
    else { throw PartialResultError("a job without a valid index, label or seed") }
    guard let figures = node["figures"]?.objectValue, figures.map(\.key) == Figure.all.map(\.key) else {
      throw PartialResultError("job \(index): the figures are not those of this peaksim")
    }
    var values: [Double] = []
    for member in figures { values.append(try double(member.value, "job \(index): \(member.key)")) }
    guard let sloList = node["slo"]?.arrayValue else { throw PartialResultError("job \(index): no \"slo\" list") }
    var slo: [SLOOutcome] = []
    for entry in sloList {
      guard let name = entry["name"]?.stringValue, let met = entry["met"]?.boolValue,
        let unit = entry["unit"]?.stringValue, let targetNode = entry["target"], let actualNode = entry["actual"]
      else { throw PartialResultError("job \(index): an SLO entry without name, target, actual, met and unit") }
      let target = try double(targetNode, "job \(index): SLO \(name) target")
      let actual = try double(actualNode, "job \(index): SLO \(name) actual")
      slo.append(SLOOutcome(name: name, target: target, actual: actual, met: met, unit: unit))
    }
    return JobRecord(index: index, label: label, seed: seed, figures: values, slo: slo)
  }
}

extension PartialResult {
  /// `node` as a double: a JSON number, or one of the strings `"inf"`, `"-inf"`, `"nan"` that
  /// stand for the values JSON cannot hold. A number too large for a double (`1e999`) is
  /// refused, not read as infinity: peaksim never writes one (issue 13, item 10).
  static func double(_ node: JSONTree, _ what: String) throws(PartialResultError) -> Double {
    guard let value = node.doubleValue else { throw PartialResultError("\(what) is not a number") }
    if case .number(let text) = node, !value.isFinite {
      throw PartialResultError("\(what) is \(text), beyond the range of a 64-bit floating-point number")
    }
    return value
  }
}

/// A partial result file that cannot be read or merged.
public struct PartialResultError: Error, CustomStringConvertible, Equatable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
