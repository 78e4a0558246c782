/// One value per ``Metric``, stored inline (no heap allocation, no copy-on-write check), so the
/// event loop's `recorder.count(.x)` is one indexed add.
public struct MetricValues: Sendable, Equatable {
  @usableFromInline var storage = InlineArray<48, Double>(repeating: 0)

  /// Room for this many metrics (a test checks the catalogue fits).
  public static let capacity = 48

  public init() {}

  @inlinable
  public subscript(metric: Metric) -> Double {
    get { storage[metric.rawValue] }
    set { storage[metric.rawValue] = newValue }
  }

  /// The value as a whole number (counts).
  @inlinable public func count(_ metric: Metric) -> Int { Int(storage[metric.rawValue]) }

  public static func == (a: MetricValues, b: MetricValues) -> Bool {
    Metric.allCases.allSatisfy { a[$0] == b[$0] }
  }
}
