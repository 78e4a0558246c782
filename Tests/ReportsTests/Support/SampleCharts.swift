import Foundation
import Reports

/// Deterministic charts that look like the real reports, used by the tests and written to
/// disk for a visual check when `PEAKSIM_SAMPLE_DIR` is set:
/// `PEAKSIM_SAMPLE_DIR=/tmp swift test --filter ReportsTests`.
enum SampleCharts {
  /// 2026-11-26T00:00:00Z, a Thursday.
  static let thanksgiving: Int64 = 1_795_651_200

  /// Five days at one-minute intervals: arrivals with a diurnal cycle and a Black Friday peak,
  /// the Lambda concurrency against a dashed reserved-concurrency cap, the backlog on a
  /// secondary axis, and throttles as markers.
  static func fiveDayLineChart() -> SVGLineChart {
    let minutes = 5 * 24 * 60
    var arrivals: [Double] = []
    var concurrency: [Double] = []
    var backlog: [Double] = []
    var throttles: [Double] = []
    var queue = 0.0
    for minute in 0..<minutes {
      let t = Double(minute) * 60
      let hours = t / 3600
      let diurnal = 1 + 0.4 * cos(2 * Double.pi * (hours - 20) / 24)
      let blackFriday = hours >= 24 && hours < 48 ? 1 + 4 * exp(-((hours - 33) * (hours - 33)) / 20) : 1
      let noise = 0.05 * sin(Double(minute) * 12.9898).magnitude
      let rate = 80 * diurnal * blackFriday * (1 + noise)
      arrivals.append(rate)
      let wanted = rate * 0.8  // concurrency needed: rate × 0.8 s
      let running = min(wanted + queue / 600, 150)
      concurrency.append(running.rounded())
      queue = max(0, queue + (wanted - running) * 60 / 0.8)
      backlog.append(queue)
      if wanted + queue / 600 > 150 && minute % 3 == 0 { throttles.append(t) }
    }
    var chart = SVGLineChart(
      title: "Black Friday: arrivals, Lambda concurrency & backlog <sample>",
      xAxis: .calendar(startEpochSeconds: thanksgiving),
      primaryAxis: ChartValueAxis(unit: "orders/s · executions", title: "rate & concurrency"),
      secondaryAxis: ChartValueAxis(unit: "messages", title: "backlog"))
    chart.summary = "Sample chart for the visual check."
    chart.series = [
      ChartSeries(name: "arrivals", interval: 60, values: arrivals),
      ChartSeries(name: "Lambda concurrency", interval: 60, values: concurrency, interpolation: .step),
      .limit(name: "reserved concurrency", value: 150, from: 0, to: Double(minutes - 1) * 60),
      ChartSeries(name: "queue backlog", interval: 60, values: backlog, filled: true, axis: .secondary),
    ]
    chart.markers = [ChartMarkers(name: "Lambda throttles", times: throttles)]
    return chart
  }

  /// A sweep over reserved concurrency × traffic multiplier: p99 latency with the SLO verdict.
  static func sweepHeatMap() -> SVGHeatMap {
    let reserved = [50, 100, 200, 400, 800]
    let multipliers = [1.0, 2.0, 3.0, 5.0, 8.0, 10.0]
    var cells: [[HeatMapCell]] = []
    for concurrency in reserved {
      var row: [HeatMapCell] = []
      for multiplier in multipliers {
        let load = 80 * multiplier * 0.8 / Double(concurrency)
        let p99 = load < 1 ? 0.4 + 2 * load * load : 30 * load * load
        row.append(
          HeatMapCell(value: p99, text: NumberFormat.duration(seconds: p99), verdict: p99 <= 5 ? .passes : .fails))
      }
      cells.append(row)
    }
    // One cell without a result (the run failed).
    cells[0][5] = HeatMapCell(value: nil, text: "error", verdict: nil)
    var map = SVGHeatMap(
      title: "p99 end-to-end latency by reserved concurrency and traffic peak",
      rowTitle: "reserved concurrency", columnTitle: "peak traffic (× baseline 80/s)",
      rowLabels: reserved.map { NumberFormat.grouped($0) },
      columnLabels: multipliers.map { NumberFormat.compact($0) + "×" },
      cells: cells, valueTitle: "p99 latency (s)")
    map.scale = .logarithmic
    map.summary = "Sample heat map for the visual check."
    return map
  }

  /// Two hours from the start, gaps, a lone point, a huge-valued series on the right axis,
  /// an over-long axis title and value markers: the awkward cases in one picture.
  static func edgeCaseChart() -> SVGLineChart {
    var values = (0..<120).map { minute -> Double in Double(minute % 17) * 3 + 10 }
    values[30] = .nan
    values[31] = .infinity
    values[90] = .nan
    var chart = SVGLineChart(
      title:
        "Edge cases: gaps, a lone point, huge values and an extremely long title that goes on and on to test truncation",
      xAxis: .elapsed,
      primaryAxis: ChartValueAxis(unit: "messages per second per partition", title: "an unreasonably long axis title"),
      secondaryAxis: ChartValueAxis(unit: "B", title: "bytes"))
    chart.series = [
      ChartSeries(name: "with gaps", interval: 60, values: values),
      ChartSeries(name: "lone point", points: [ChartPoint(x: 1800, y: 80)], color: .reddishPurple),
      ChartSeries(
        name: "huge", interval: 600, values: [0, 2e9, 3.5e9, 1e9, 4.2e9, 0, 1e9, 2e9, 3e9, 3e9, 3e9, 3e9],
        interpolation: .step, axis: .secondary),
    ]
    chart.markers = [ChartMarkers(name: "retries", points: [ChartPoint(x: 600, y: 20), ChartPoint(x: 4000, y: 55)])]
    return chart
  }

  /// Two rows: a short grid with a long row title and verdict-only cells.
  static func smallHeatMap() -> SVGHeatMap {
    SVGHeatMap(
      title: "Does the order pipeline keep up? (verdicts only)", rowTitle: "DynamoDB capacity mode",
      columnTitle: "batch size", rowLabels: ["on-demand", "provisioned 1,000 WCU"],
      columnLabels: ["1", "10", "100", "1,000", "10,000 (batching window 5 s)"],
      cells: [
        [.verdict(.passes), .verdict(.passes), .verdict(.passes), .verdict(.fails), .verdict(.fails, text: "DLQ")],
        [.verdict(.passes), .verdict(.fails), .verdict(.fails), HeatMapCell(value: nil), .verdict(.fails)],
      ], valueTitle: "verdict")
  }

  /// Writes the samples when `PEAKSIM_SAMPLE_DIR` is set; returns the paths written.
  @discardableResult
  static func writeIfRequested() throws -> [String] {
    guard let directory = ProcessInfo.processInfo.environment["PEAKSIM_SAMPLE_DIR"] else { return [] }
    let files = [
      ("sample-chart.svg", fiveDayLineChart().render()),
      ("sample-heatmap.svg", sweepHeatMap().render()),
      ("sample-edge-cases.svg", edgeCaseChart().render()),
      (
        "sample-empty.svg",
        SVGLineChart(title: "No data at all", primaryAxis: ChartValueAxis(unit: "orders/s")).render()
      ),
      ("sample-small-heatmap.svg", smallHeatMap().render()),
    ]
    var paths: [String] = []
    for (name, text) in files {
      let path = directory + "/" + name
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      paths.append(path)
    }
    return paths
  }
}
