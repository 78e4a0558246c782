import PipelineModel

/// `charts/delivery.svg`: the build queue and the builds running per interval (peaks), with
/// builds lost to a crash, rejected and timed out as counts on the right axis.
enum DeliveryChart {
  static let fileName = "delivery.svg"
  static let altText = "Build queue and builds running, with builds lost, rejected and timed out"

  static func render(_ result: RunResult) -> String? {
    guard let delivery = result.delivery else { return nil }
    let interval = result.configuration.interval.seconds
    let end = max(result.configuration.duration.seconds, 1)
    let time = ReportTime(startEpochSeconds: result.configuration.startEpochSeconds)
    let system = result.configuration.delivery?.build.system.rawValue ?? ""
    var chart = SVGLineChart(
      title: "Build queue (\(system))", xAxis: time.chartAxis,
      primaryAxis: ChartValueAxis(unit: "builds", title: "builds"),
      secondaryAxis: ChartValueAxis(unit: "builds per interval", title: "lost, rejected, timed out"))
    chart.xRange = 0...end
    chart.summary =
      "Builds waiting in the queue and builds running (the peak of each \(NumberFormat.duration(seconds: interval)) interval), and builds lost to a controller crash, rejected or timed out in it."
    let rows = delivery.rows
    let xs = rows.indices.map { min(Double($0 + 1) * interval, end) }
    func series(_ name: String, _ values: [Int], _ color: ChartColor, filled: Bool = false, axis: ChartSeries.Axis)
      -> ChartSeries
    {
      ChartSeries(
        name: name, points: zip(xs, values).map { ChartPoint(x: $0, y: Double($1)) }, interpolation: .step,
        filled: filled, color: color, axis: axis)
    }
    chart.series = [
      series("queued", rows.map(\.queued), .blue, filled: true, axis: .primary),
      series("running", rows.map(\.running), .bluishGreen, axis: .primary),
      series("lost", rows.map(\.lost), .vermillion, axis: .secondary),
      series("rejected", rows.map(\.rejected), .orange, axis: .secondary),
      series("timed out", rows.map(\.timedOut), .reddishPurple, axis: .secondary),
    ]
    return chart.render()
  }
}
