/// One sample of a series: `x` in the unit of the chart's x axis (seconds from the run's start
/// for time axes), `y` in the unit of the series' y axis. Points whose `x` or `y` is NaN or
/// infinite are not drawn and break the line.
public struct ChartPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  var isFinite: Bool { x.isFinite && y.isFinite }
}
