/// The points of a sweep: the cartesian product of its dimensions, in a stable order — the
/// first `--vary` outermost, the last one changing fastest (as nested loops written in the
/// order given).
///
/// With `--vary a=1,2 --vary b=x,y,z` the points are `(1,x) (1,y) (1,z) (2,x) (2,y) (2,z)`.
public struct SweepGrid: Sendable, Equatable {
  public let dimensions: [SweepDimension]

  public init(_ dimensions: [SweepDimension]) throws(SweepError) {
    guard !dimensions.isEmpty else { throw SweepError("give at least one --vary PATH=V1,V2,…") }
    var seen: [String] = []
    for dimension in dimensions {
      guard !seen.contains(dimension.path) else { throw SweepError("--vary \(dimension.path) is given twice") }
      seen.append(dimension.path)
    }
    var count = 1
    for dimension in dimensions {
      count = count.multipliedReportingOverflow(by: dimension.values.count).partialValue
      guard count <= 100_000 else { throw SweepError("the sweep has more than 100,000 points; narrow a --vary") }
    }
    self.dimensions = dimensions
  }

  /// Number of points.
  public var count: Int { dimensions.reduce(1) { $0 * $1.values.count } }

  /// The value index in each dimension of point `index`.
  public func coordinates(of index: Int) -> [Int] {
    precondition(index >= 0 && index < count, "point \(index) is outside the sweep of \(count) points")
    var remainder = index
    var coordinates = [Int](repeating: 0, count: dimensions.count)
    for position in dimensions.indices.reversed() {
      let size = dimensions[position].values.count
      coordinates[position] = remainder % size
      remainder /= size
    }
    return coordinates
  }

  /// The values of point `index`, one per dimension.
  public func values(of index: Int) -> [String] {
    zip(dimensions, coordinates(of: index)).map { $0.values[$1] }
  }

  /// The `--set` arguments of point `index`: `PATH=VALUE` per dimension.
  public func overrides(of index: Int) -> [String] {
    zip(dimensions, values(of: index)).map { "\($0.path)=\($1)" }
  }

  /// `event_source.batch_size=5, lambda.memory=512MB`.
  public func label(of index: Int) -> String { overrides(of: index).joined(separator: ", ") }
}
