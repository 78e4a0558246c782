import PipelineModel

/// The five charts of a run's report, `charts/*.svg`, drawn with ``SVGLineChart`` over the
/// interval rows; calendar time on the x axis when the scenario sets `start`.
///
/// - `arrivals.svg`: orders arriving against orders persisted, per second.
/// - `backlog.svg`: messages visible and in flight; the oldest message's age on the right axis,
///   with the `max_oldest_age` SLO. (Synchronous architecture, which has no queue: errors
///   returned to customers and orders lost.)
/// - `concurrency.svg`: the peak Lambda concurrency of each interval and the event source
///   mapping's pollers, the function's concurrency limit and `maximum_concurrency` dashed,
///   throttles as ticks along the bottom.
/// - `table.svg`: write units consumed per second against the table's write capacity, and
///   throttled writes per second on the right axis.
/// - `dlq.svg`: messages moved to the DLQ per interval, invalid and valid orders, and the
///   running total. (Synchronous: orders lost.)
public enum ReportCharts {
  public static let fileNames = ["arrivals.svg", "backlog.svg", "concurrency.svg", "table.svg", "dlq.svg"]

  /// Each chart's file name (under `charts/`) and its SVG text, in ``fileNames`` order.
  public static func render(_ result: RunResult) -> [(name: String, svg: String)] {
    let data = ChartData(result)
    var charts = [
      ("arrivals.svg", arrivals(data)),
      ("backlog.svg", data.synchronous ? clientErrors(data) : backlog(data)),
      ("concurrency.svg", concurrency(data)),
      ("table.svg", table(data)),
      ("dlq.svg", data.synchronous ? lost(data) : dlq(data)),
    ]
    if !result.configuration.deployments.isEmpty {
      // Deployment windows and rollbacks on the backlog and DLQ charts, and a chart of their own.
      for i in [1, 4] { charts[i].1.markers += deploymentMarkers(result) }
      charts.append((deploymentsFileName, deployments(data)))
    }
    return charts.map { ($0.0, $0.1.render()) }
  }

  /// The alt text of each chart in the Markdown report, in ``fileNames`` order.
  static func altTexts(synchronous: Bool) -> [String] {
    [
      "Orders arriving and persisted per second",
      synchronous ? "Errors returned to customers and orders lost" : "Queue backlog and age of the oldest message",
      "Lambda concurrency against its limits, with throttles",
      "DynamoDB write units consumed against capacity, with throttled writes",
      synchronous ? "Orders lost over time" : "Messages moved to the dead-letter queue, invalid and valid orders",
    ]
  }

  // MARK: - The charts

  static func arrivals(_ d: ChartData) -> SVGLineChart {
    var chart = d.chart(
      title: "Orders arriving and persisted", primary: ChartValueAxis(unit: "orders/s", title: "rate"))
    chart.summary =
      "Orders created by the traffic model and orders written to the table, per second, averaged over each \(d.intervalText) interval."
    chart.series = [
      d.series("arrivals", d.perSecond(.arrivals), color: .blue, filled: true),
      d.series("persisted", d.perSecond(.persisted), color: .bluishGreen),
    ]
    return chart
  }

  static func backlog(_ d: ChartData) -> SVGLineChart {
    let ages = d.rows.map { $0[.oldestAge] }
    let sloAge = d.result.configuration.slo.maxOldestAge?.seconds
    let unit = TimeUnit(maximum: max(ages.max() ?? 0, sloAge ?? 0))
    var chart = d.chart(
      title: "Queue backlog and the oldest message's age",
      primary: ChartValueAxis(unit: "messages", title: "backlog"),
      secondary: ChartValueAxis(unit: unit.name, title: "oldest message age"))
    chart.summary =
      "Messages visible and in flight in the SQS queue, and the age of the oldest message, at the end of each interval."
    chart.series = [
      d.series("visible", d.rows.map { Double($0.count(.queueVisible)) }, color: .blue, filled: true),
      d.series("in flight", d.rows.map { Double($0.count(.queueInFlight)) }, color: .skyBlue),
      d.series("oldest message age", ages.map { $0 / unit.seconds }, color: .vermillion, axis: .secondary),
    ]
    if let sloAge {
      chart.series.append(
        .limit(
          name: "max_oldest_age SLO", value: sloAge / unit.seconds, from: 0, to: d.end, color: .vermillion,
          axis: .secondary))
    }
    return chart
  }

  static func clientErrors(_ d: ChartData) -> SVGLineChart {
    var chart = d.chart(
      title: "Errors returned to customers (synchronous: no queue)",
      primary: ChartValueAxis(unit: "per second", title: "failures"))
    chart.summary =
      "Requests that failed back to the customer and orders lost after the customer's last try, per second."
    chart.series = [
      d.series("client errors", d.perSecond(.clientErrors), color: .orange),
      d.series("orders lost", d.perSecond(.lost), color: .vermillion),
    ]
    return chart
  }

  static func concurrency(_ d: ChartData) -> SVGLineChart {
    let c = d.result.configuration
    let peaks = d.rows.map { Double($0.count(.lambdaConcurrency)) }
    let pollers = d.rows.map { Double($0.count(.esmPollers)) }
    let limits = d.rows.map { Double($0.count(.lambdaConcurrencyLimit)) }
    let maximum = d.synchronous ? nil : c.eventSource.maximumConcurrency.map(Double.init)
    let lowestLimit = min(limits.min() ?? 0, maximum ?? .infinity)
    let fit = d.axisMaximum(peak: max(peaks.max() ?? 0, pollers.max() ?? 0), limit: lowestLimit)
    var chart = d.chart(
      title: "Lambda concurrency against its limits",
      primary: ChartValueAxis(unit: "executions", title: "concurrency", maximum: fit.maximum))
    chart.summary =
      "Peak concurrent executions of the function in each interval, the event source mapping's pollers, and the limits; ticks along the bottom mark intervals with throttled invocations."
    chart.series = [d.series("peak concurrency", peaks, color: .blue, step: true)]
    if !d.synchronous {
      chart.series.append(d.series("ESM pollers", pollers, color: .orange, step: true))
    }
    let limitName = c.lambda.reservedConcurrency != nil ? "reserved concurrency" : "account concurrency available"
    let limitNote = fit.maximum == nil ? "" : " " + ChartData.limitText(limits.max() ?? 0)
    chart.series.append(d.series(limitName + limitNote, limits, color: .gray, step: true, dashed: true))
    if let maximum {
      let note = fit.maximum == nil ? "" : " " + ChartData.limitText(maximum)
      chart.series.append(
        .limit(name: "maximum_concurrency" + note, value: maximum, from: 0, to: d.end, color: .reddishPurple))
    }
    let throttled = d.rows.filter { $0.count(.lambdaThrottles) > 0 }.map(\.timeSeconds)
    if !throttled.isEmpty { chart.markers = [ChartMarkers(name: "Lambda throttles", times: throttled)] }
    return chart
  }

  static func table(_ d: ChartData) -> SVGLineChart {
    let throttles = d.perSecond(.tableThrottles)
    let anyThrottle = d.rows.contains { $0.count(.tableThrottles) > 0 }
    let consumed = d.rows.map { $0[.tableConsumedWCU] }.enumerated().map { $1 / d.lengths[$0] }
    let capacity = d.rows.map { $0[.tableWriteCapacity] }
    let fit = d.axisMaximum(peak: consumed.max() ?? 0, limit: capacity.min() ?? 0)
    var chart = d.chart(
      title: "DynamoDB writes against capacity",
      primary: ChartValueAxis(unit: "WCU/s", title: "write units", maximum: fit.maximum),
      secondary: anyThrottle ? ChartValueAxis(unit: "writes/s", title: "throttled") : nil)
    let mode = d.result.configuration.table.mode == .onDemand ? "on-demand ceiling" : "provisioned capacity"
    chart.summary =
      "Write units consumed per second (mean of each interval) against the table's \(mode), and throttled writes per second."
    chart.series = [
      d.series("consumed", consumed, color: .blue, filled: true),
      d.series(mode + fit.note, capacity, color: .gray, step: true, dashed: true),
    ]
    if anyThrottle {
      chart.series.append(d.series("throttled writes", throttles, color: .vermillion, axis: .secondary))
    }
    return chart
  }

  static func dlq(_ d: ChartData) -> SVGLineChart {
    var total = 0.0
    let cumulative = d.rows.map { row -> Double in
      total += Double(row.count(.dlq))
      return total
    }
    var chart = d.chart(
      title: "Dead-letter queue", primary: ChartValueAxis(unit: "messages", title: "per interval"),
      secondary: ChartValueAxis(unit: "messages", title: "total moved"))
    chart.summary =
      "Messages moved to the DLQ in each \(d.intervalText) interval, invalid orders and valid ones, and the running total."
    chart.series = [
      d.series("invalid orders", d.rows.map { Double($0.count(.dlq) - $0.count(.dlqValid)) }, color: .orange),
      d.series("valid orders", d.rows.map { Double($0.count(.dlqValid)) }, color: .vermillion),
      d.series("total moved", cumulative, color: .gray, step: true, axis: .secondary),
    ]
    return chart
  }

  static func lost(_ d: ChartData) -> SVGLineChart {
    var total = 0.0
    let cumulative = d.rows.map { row -> Double in
      total += Double(row.count(.lost))
      return total
    }
    var chart = d.chart(
      title: "Orders lost (synchronous: no queue, no DLQ)",
      primary: ChartValueAxis(unit: "orders", title: "per interval"),
      secondary: ChartValueAxis(unit: "orders", title: "total lost"))
    chart.summary = "Valid orders lost after the customer's last try, per \(d.intervalText) interval and in total."
    chart.series = [
      d.series("lost", d.rows.map { Double($0.count(.lost)) }, color: .vermillion),
      d.series("total lost", cumulative, color: .gray, step: true, axis: .secondary),
    ]
    return chart
  }
}
