/// Point events on an ``SVGLineChart``, such as throttles: small ticks along the bottom of the
/// plot at the times they happened, or dots at a value.
///
/// Markers that fall on the same pixel are drawn once, so millions of events cost no more
/// than the plot's width.
public struct ChartMarkers: Sendable, Equatable {
  /// Where the markers are drawn.
  public enum Placement: Sendable, Equatable {
    /// A short vertical tick at the bottom edge of the plot for each x (a "rug"); y is ignored.
    case timeline
    /// A dot at (x, y), measured against the given axis.
    case values(ChartSeries.Axis)
  }

  public var name: String
  public var points: [ChartPoint]
  public var placement: Placement
  public var color: ChartColor

  /// Events at the given x positions (seconds), drawn as ticks along the bottom of the plot.
  public init(name: String, times: [Double], color: ChartColor = .vermillion) {
    self.name = name
    self.points = times.map { ChartPoint(x: $0, y: 0) }
    self.placement = .timeline
    self.color = color
  }

  /// Events with a value, drawn as dots.
  public init(
    name: String, points: [ChartPoint], axis: ChartSeries.Axis = .primary,
    color: ChartColor = .vermillion
  ) {
    self.name = name
    self.points = points
    self.placement = .values(axis)
    self.color = color
  }
}
