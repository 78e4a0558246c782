/// A line chart over time (or over a swept parameter), written as a standalone SVG 1.1 file.
///
/// ```swift
/// var chart = SVGLineChart(
///   title: "Lambda concurrency against its caps",
///   xAxis: .calendar(startEpochSeconds: 1_795_651_200),      // 2026-11-26T00:00:00Z
///   primaryAxis: ChartValueAxis(unit: "executions", title: "concurrency"),
///   secondaryAxis: ChartValueAxis(unit: "messages", title: "backlog"))
/// chart.series.append(ChartSeries(name: "concurrency", interval: 60, values: peaks, interpolation: .step))
/// chart.series.append(.limit(name: "reserved concurrency", value: 100, from: 0, to: 432_000))
/// chart.series.append(ChartSeries(name: "backlog", interval: 60, values: backlog, filled: true, axis: .secondary))
/// chart.markers.append(ChartMarkers(name: "throttles", times: throttleTimes))
/// let svg = chart.render()
/// ```
///
/// What the output guarantees:
/// - A well-formed, standalone SVG 1.1 document with explicit `width`, `height` and `viewBox`,
///   a `<title>` and a `<desc>` (the given ``summary`` followed by a generated one: the x range,
///   the axes, and each series' minimum and maximum), and every text XML-escaped.
/// - Byte-identical output for identical input: no Foundation, no locale, no hashing order;
///   coordinates are written with at most one decimal.
/// - Ticks on nice steps (values: 1, 2, 5 × 10^k; time: 1m, 5m, 15m, 30m, 1h, 2h, 3h, 6h,
///   12h, 1d, …), the smallest step whose labels do not collide; large values abbreviated
///   (`1.2k`, `3.5M`).
/// - The legend sits above the plot and wraps, so it never covers data.
/// - NaN and infinite values are not drawn and break the line; a lone point is drawn as a dot;
///   no data at all gives empty axes (0…1) reading "no data"; an all-zero series gets the
///   axis 0…1; series longer than ``maximumPointsPerSeries`` are thinned by
///   ``MinMaxDownsampler``, which keeps every peak.
///
/// Points are expected in x order; a series that is not is sorted (stably) before drawing.
/// A series on the ``ChartSeries/Axis/secondary`` axis is drawn against the primary axis when
/// the chart has no ``secondaryAxis``.
public struct SVGLineChart: Sendable, Equatable {
  public var title: String
  /// A sentence or two for screen readers, put first in `<desc>`.
  public var summary: String?
  public var xAxis: ChartXAxis
  /// Replaces the default x-axis title (`time since start`, `time (UTC) from 2026-11-26 00:00`,
  /// or the numeric axis' title).
  public var xAxisTitle: String?
  /// The x range shown; `nil`: the range of the data. Use it to show the whole horizon even
  /// when a series ends early.
  public var xRange: ClosedRange<Double>?
  /// The left y axis.
  public var primaryAxis: ChartValueAxis
  /// The right y axis, for series with ``ChartSeries/axis`` `.secondary`. When both axes start
  /// at zero, the right axis' ticks are placed on the left axis' gridlines.
  public var secondaryAxis: ChartValueAxis?
  public var series: [ChartSeries]
  public var markers: [ChartMarkers]
  /// Width of the document in pixels.
  public var width: Int
  /// Height of the document in pixels.
  public var height: Int
  /// The most points drawn per series (about: each gap in a series may add a few).
  public var maximumPointsPerSeries: Int

  public init(
    title: String, xAxis: ChartXAxis = .elapsed, primaryAxis: ChartValueAxis,
    secondaryAxis: ChartValueAxis? = nil, series: [ChartSeries] = [],
    markers: [ChartMarkers] = [], width: Int = 960, height: Int = 360
  ) {
    precondition(width >= 200 && height >= 150, "a chart needs at least 200×150 pixels, got \(width)×\(height)")
    self.title = title
    self.summary = nil
    self.xAxis = xAxis
    self.xAxisTitle = nil
    self.xRange = nil
    self.primaryAxis = primaryAxis
    self.secondaryAxis = secondaryAxis
    self.series = series
    self.markers = markers
    self.width = width
    self.height = height
    self.maximumPointsPerSeries = 2000
  }
}
