import PipelineModel

/// `timeseries.csv`: one row per report interval (SCENARIO.md, "Outputs"), RFC 4180 through
/// ``CSVWriter``; its columns are the metric catalogue's (``MetricDescriptor/columns``).
///
/// `time_s` is the end of the interval, in seconds from the start; counters (`arrivals`,
/// `sent`, `lambda_throttles`, `persisted`, `dlq`, …) count what happened during the interval;
/// gauges (`queue_visible`, `queue_in_flight`, `oldest_age_s`, `esm_pollers`,
/// `table_write_capacity`, `lambda_concurrency_limit`) are read at its end, and
/// `lambda_concurrency` is the peak during it. `table_consumed_wcu` is the write units consumed
/// in the interval; `table_write_capacity` the table's capacity in WCU (units per second).
/// `time_utc` (RFC 3339, the interval's end) follows `time_s` when the scenario sets `start`.
public enum TimeSeriesCSV {
  /// The columns the contract requires, in order (SCENARIO.md).
  public static let requiredColumns = [
    "time_s", "arrivals", "sent", "queue_visible", "queue_in_flight", "oldest_age_s", "lambda_concurrency",
    "lambda_throttles", "cold_starts", "table_write_capacity", "table_consumed_wcu", "table_throttles",
    "persisted", "dlq",
  ]

  /// The header of a run with (`calendar`) or without a `start`, with or without deployments
  /// (`new_version_share`, `new_version_invocations`).
  public static func columns(calendar: Bool, deployments: Bool = false) -> [String] {
    (calendar ? ["time_s", "time_utc"] : ["time_s"])
      + MetricDescriptor.columns(deployments: deployments).compactMap(\.column)
  }

  /// The file's text.
  public static func render(_ result: RunResult) -> String {
    let time = ReportTime(startEpochSeconds: result.configuration.startEpochSeconds)
    let calendar = time.startEpochSeconds != nil
    let deployments = !result.configuration.deployments.isEmpty
    var csv = CSVWriter(header: columns(calendar: calendar, deployments: deployments))
    for row in result.rows {
      var fields: [CSVWriter.Field] = [.number(row.timeSeconds)]
      if calendar { fields.append(.text(time.iso(row.timeSeconds) ?? "")) }
      for descriptor in MetricDescriptor.columns(deployments: deployments) {
        fields.append(
          descriptor.unit == .count ? .integer(row.count(descriptor.metric)) : .number(row[descriptor.metric]))
      }
      csv.append(fields)
    }
    return csv.render()
  }
}
