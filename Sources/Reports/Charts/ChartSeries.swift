/// One line of an ``SVGLineChart``: its name in the legend, its points, how it is drawn and
/// against which y axis.
public struct ChartSeries: Sendable, Equatable {
  /// How consecutive points are joined.
  public enum Interpolation: Sendable, Equatable {
    /// Straight segments between points.
    case linear
    /// A value holds until the next point (a gauge sampled per interval, a capacity setting).
    case step
  }

  /// The stroke of the line.
  public enum Stroke: Sendable, Equatable {
    case solid
    /// Dashed: for caps, limits and configured capacity, so they read as boundaries, not data.
    case dashed
  }

  /// The y axis a series is measured against.
  public enum Axis: Sendable, Equatable {
    /// The left axis.
    case primary
    /// The right axis, for a series in a different unit (``SVGLineChart/secondaryAxis``).
    case secondary
  }

  public var name: String
  public var points: [ChartPoint]
  public var interpolation: Interpolation
  public var stroke: Stroke
  /// Fills the area between the line and zero with a translucent tint of its colour.
  public var filled: Bool
  /// `nil`: the next unused colour of ``ChartColor/palette``.
  public var color: ChartColor?
  public var axis: Axis

  public init(
    name: String, points: [ChartPoint], interpolation: Interpolation = .linear,
    stroke: Stroke = .solid, filled: Bool = false, color: ChartColor? = nil, axis: Axis = .primary
  ) {
    self.name = name
    self.points = points
    self.interpolation = interpolation
    self.stroke = stroke
    self.filled = filled
    self.color = color
    self.axis = axis
  }

  /// A series sampled at regular intervals: value `i` is at `start + i × interval`.
  public init(
    name: String, start: Double = 0, interval: Double, values: [Double],
    interpolation: Interpolation = .linear, stroke: Stroke = .solid, filled: Bool = false,
    color: ChartColor? = nil, axis: Axis = .primary
  ) {
    let points = values.enumerated().map { index, value in
      ChartPoint(x: start + Double(index) * interval, y: value)
    }
    self.init(
      name: name, points: points, interpolation: interpolation, stroke: stroke, filled: filled,
      color: color, axis: axis)
  }

  /// A constant limit drawn as a dashed horizontal line from `from` to `to` (a cap such as
  /// reserved concurrency).
  public static func limit(
    name: String, value: Double, from: Double, to: Double, color: ChartColor? = .gray,
    axis: Axis = .primary
  ) -> ChartSeries {
    ChartSeries(
      name: name, points: [ChartPoint(x: from, y: value), ChartPoint(x: to, y: value)],
      stroke: .dashed, color: color, axis: axis)
  }
}
