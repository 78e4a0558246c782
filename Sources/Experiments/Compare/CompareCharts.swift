import PipelineModel
import Reports

/// The overlaid time-series charts of a comparison: one line per variant.
struct CompareCharts: Sendable {
  let comparison: Comparison
  let results: [RunResult]

  /// The charts, in report order: file name and title.
  static let charts: [(file: String, title: String)] = [
    ("compare-backlog.svg", "Backlog (visible + in flight) by variant"),
    ("compare-oldest-age.svg", "Age of the oldest message by variant"),
    ("compare-concurrency.svg", "Lambda concurrency by variant"),
    ("compare-dlq.svg", "Messages in the DLQ by variant (cumulative)"),
  ]

  var files: [ReportFolder.File] {
    [
      chart(0, unit: "messages", title: "backlog", interpolation: .step) {
        Double($0.count(.queueVisible) + $0.count(.queueInFlight))
      },
      chart(1, unit: "s", title: "oldest message age", interpolation: .step) { $0[.oldestAge] },
      chart(2, unit: "executions", title: "peak concurrency in the interval", interpolation: .step) {
        Double($0.count(.lambdaConcurrency))
      },
      chart(3, unit: "messages", title: "DLQ", interpolation: .step, cumulative: true) { Double($0.count(.dlq)) },
    ]
  }

  private func chart(
    _ position: Int, unit: String, title: String, interpolation: ChartSeries.Interpolation, cumulative: Bool = false,
    value: (IntervalRow) -> Double
  ) -> ReportFolder.File {
    let first = comparison.scenario.configuration
    let xAxis: ChartXAxis = first.startEpochSeconds.map { .calendar(startEpochSeconds: $0) } ?? .elapsed
    var chart = SVGLineChart(
      title: Self.charts[position].title, xAxis: xAxis, primaryAxis: ChartValueAxis(unit: unit, title: title))
    for (entry, result) in zip(comparison.entries, results) {
      var total = 0.0
      let points = result.rows.map { row -> ChartPoint in
        total += value(row)
        return ChartPoint(x: row.timeSeconds, y: cumulative ? total : value(row))
      }
      chart.series.append(ChartSeries(name: entry.name, points: points, interpolation: interpolation))
    }
    let horizon = results.map(\.simulatedSeconds).max() ?? 0
    if horizon > 0 { chart.xRange = 0...horizon }
    chart.summary = "\(Self.charts[position].title) over the run, one line per variant, on common random numbers."
    return ReportFolder.File(Self.charts[position].file, chart.render())
  }
}
