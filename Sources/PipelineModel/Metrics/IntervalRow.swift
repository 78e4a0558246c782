/// One report interval of a run: the `timeseries.csv` row (SCENARIO.md, "Outputs").
/// Counters count events in the interval; gauges are read at its end; peaks are the highest
/// value during it (``MetricDescriptor/Kind``).
public struct IntervalRow: Sendable, Equatable {
  /// The end of the interval, in seconds from the start.
  public var timeSeconds: Double = 0
  public var values = MetricValues()

  public init() {}

  @inlinable
  public subscript(metric: Metric) -> Double {
    get { values[metric] }
    set { values[metric] = newValue }
  }

  /// The value as a whole number (counts).
  @inlinable public func count(_ metric: Metric) -> Int { values.count(metric) }
}
