import PipelineModel

/// `timeseries.csv`: one row per report interval (SCENARIO.md, "Outputs"), RFC 4180 through
/// ``CSVWriter``.
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

  /// The other fields of ``IntervalRow``, after the required ones.
  public static let extraColumns = [
    "esm_pollers", "lambda_concurrency_limit", "invocations", "function_errors", "duplicates_suppressed",
    "dlq_valid", "expired", "lost", "rejected_at_send", "client_errors",
  ]

  /// The header of a run with (`calendar`) or without a `start`.
  public static func columns(calendar: Bool) -> [String] {
    var columns = requiredColumns
    if calendar { columns.insert("time_utc", at: 1) }
    return columns + extraColumns
  }

  /// The file's text.
  public static func render(_ result: RunResult) -> String {
    let time = ReportTime(startEpochSeconds: result.configuration.startEpochSeconds)
    let calendar = time.startEpochSeconds != nil
    var csv = CSVWriter(header: columns(calendar: calendar))
    for row in result.rows {
      var fields: [CSVWriter.Field] = [
        .number(row.timeSeconds), .integer(row.arrivals), .integer(row.sent), .integer(row.queueVisible),
        .integer(row.queueInFlight), .number(row.oldestAgeSeconds), .integer(row.lambdaConcurrency),
        .integer(row.lambdaThrottles), .integer(row.coldStarts), .number(row.tableWriteCapacity),
        .number(row.tableConsumedWCU), .integer(row.tableThrottles), .integer(row.persisted), .integer(row.dlq),
        .integer(row.esmPollers), .integer(row.lambdaConcurrencyLimit), .integer(row.invocations),
        .integer(row.functionErrors), .integer(row.duplicatesSuppressed), .integer(row.dlqValid),
        .integer(row.expired), .integer(row.lost), .integer(row.rejectedAtSend), .integer(row.clientErrors),
      ]
      if calendar { fields.insert(.text(time.iso(row.timeSeconds) ?? ""), at: 1) }
      csv.append(fields)
    }
    return csv.render()
  }
}
