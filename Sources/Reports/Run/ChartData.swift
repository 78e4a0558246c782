import PipelineModel

/// The rows of a run prepared for charting: x positions, interval lengths, the axis.
struct ChartData {
  let result: RunResult
  let rows: [IntervalRow]
  let xs: [Double]
  let lengths: [Double]
  let end: Double
  let time: ReportTime
  var synchronous: Bool { result.configuration.architecture == .synchronous }
  var intervalText: String { NumberFormat.duration(seconds: result.configuration.interval.seconds) }

  init(_ result: RunResult) {
    self.result = result
    rows = result.rows
    xs = rows.map(\.timeSeconds)
    var previous = 0.0
    lengths = rows.map { row in
      defer { previous = row.timeSeconds }
      return max(row.timeSeconds - previous, 1e-9)
    }
    end = max(result.simulatedSeconds, xs.last ?? 0)
    time = ReportTime(startEpochSeconds: result.configuration.startEpochSeconds)
  }

  func chart(title: String, primary: ChartValueAxis, secondary: ChartValueAxis? = nil) -> SVGLineChart {
    var chart = SVGLineChart(title: title, xAxis: time.chartAxis, primaryAxis: primary, secondaryAxis: secondary)
    chart.xRange = 0...max(end, 1)
    return chart
  }

  /// A counter per second: the interval's count over its length.
  func perSecond(_ metric: Metric) -> [Double] {
    rows.enumerated().map { Double($1.count(metric)) / lengths[$0] }
  }

  func series(
    _ name: String, _ values: [Double], color: ChartColor, step: Bool = false, dashed: Bool = false,
    filled: Bool = false, axis: ChartSeries.Axis = .primary
  ) -> ChartSeries {
    ChartSeries(
      name: name, points: zip(xs, values).map { ChartPoint(x: $0, y: $1) },
      interpolation: step ? .step : .linear, stroke: dashed ? .dashed : .solid, filled: filled, color: color,
      axis: axis)
  }

  /// A limit far above the data would squash the data into a line along the bottom. When the
  /// data's peak is below a fifth of `limit`, the axis stops a little above the peak and the
  /// limit's legend says where it is; otherwise the axis shows both.
  func axisMaximum(peak: Double, limit: Double) -> (maximum: Double?, note: String) {
    guard limit > 0, peak < limit / 5 else { return (nil, "") }
    let top = max(peak * 1.5, 1)
    return (top, " " + Self.limitText(limit))
  }

  /// `4,000 (above the chart)`.
  static func limitText(_ limit: Double) -> String {
    NumberFormat.significant(limit, digits: 4, grouped: true, trimmingZeros: true) + " (above the chart)"
  }
}
