import PipelineModel

/// One numeric figure of a run, named by its `summary.json` key (SCENARIO.md "Outputs"), that
/// experiments average, compare and tabulate.
///
/// The catalog ``all`` is fixed and ordered: it is the column order of `replications.csv` and
/// `sweep.csv`, the row order of the Markdown tables, and the key order of partial result
/// files. Add figures at the end of a group; never rename a key (scripts read them).
public struct Figure: Sendable {
  /// What a figure counts, for formatting.
  public enum Unit: String, Sendable {
    /// A whole number of orders, messages, invocations, events.
    case count
    /// Seconds (latencies, ages).
    case seconds
    /// US dollars.
    case usd
    /// Any other quantity (GB-seconds, write units, a rate).
    case quantity
  }

  /// The `summary.json` key, e.g. `latency.end_to_end_s.p99`.
  public let key: String
  /// What people read, e.g. `end-to-end latency p99`.
  public let label: String
  public let unit: Unit
  let extract: @Sendable (RunResult) -> Double

  init(_ key: String, _ label: String, _ unit: Unit, _ extract: @escaping @Sendable (RunResult) -> Double) {
    self.key = key
    self.label = label
    self.unit = unit
    self.extract = extract
  }

  /// The figure's value in `result`.
  public func value(in result: RunResult) -> Double { extract(result) }

  /// The CSV column: the key with `.` replaced by `_` (`latency_end_to_end_s_p99`).
  public var column: String { String(key.map { $0 == "." ? "_" : $0 }) }

  /// Whether values are whole numbers (written without a decimal point).
  public var isWholeNumber: Bool { unit == .count }

  /// The figure of a metric of the run's catalogue: its key, label and unit from there.
  init(metric: Metric) {
    let d = metric.descriptor
    let unit: Unit
    switch d.unit {
    case .count: unit = .count
    case .seconds: unit = .seconds
    case .milliseconds, .quantity: unit = .quantity
    }
    self.init(d.key ?? d.column ?? "\(metric)", d.label, unit) { $0[metric] }
  }

  /// The figure with key `key`, if the catalog has it.
  public static func named(_ key: String) -> Figure? { all.first { $0.key == key } }

  /// Every figure, in report order. The list is fixed on purpose: it is the column set of
  /// `replications.csv`, `sweep.csv` and of partial result files, which shards of one
  /// experiment must agree on. Figures of the metric catalogue take their key, label and unit
  /// from it (``init(metric:)``).
  public static let all: [Figure] = [
    Figure(metric: .arrivals),
    Figure(metric: .validOrders),
    Figure(metric: .lost),
    Figure("messages.sent", "messages sent", .count) { Double($0.ledger.sent) },
    Figure("messages.persisted", "orders persisted", .count) { Double($0.ledger.persisted) },
    Figure("messages.duplicates_suppressed", "duplicates suppressed", .count) {
      Double($0.ledger.duplicatesSuppressed)
    },
    Figure("messages.dlq", "messages in the DLQ", .count) { Double($0.ledger.dlq) },
    Figure("messages.expired", "messages expired", .count) { Double($0.ledger.expired) },
    Figure("messages.rejected_at_send", "messages rejected at send", .count) { Double($0.ledger.rejectedAtSend) },
    Figure("messages.queued_at_end", "messages queued at the end", .count) { Double($0.ledger.queued) },
    Figure("messages.in_flight_at_end", "messages in flight at the end", .count) { Double($0.ledger.inFlight) },
    Figure("dlq.valid", "valid orders in the DLQ", .count) { Double($0.dlqValid) },
    Figure("latency.queue_wait_s.mean", "queue wait mean", .seconds) { $0.queueWait.mean },
    Figure("latency.queue_wait_s.p50", "queue wait p50", .seconds) { $0.queueWait.p50 },
    Figure("latency.queue_wait_s.p95", "queue wait p95", .seconds) { $0.queueWait.p95 },
    Figure("latency.queue_wait_s.p99", "queue wait p99", .seconds) { $0.queueWait.p99 },
    Figure("latency.queue_wait_s.max", "queue wait max", .seconds) { $0.queueWait.max },
    Figure("latency.end_to_end_s.mean", "end-to-end latency mean", .seconds) { $0.endToEnd.mean },
    Figure("latency.end_to_end_s.p50", "end-to-end latency p50", .seconds) { $0.endToEnd.p50 },
    Figure("latency.end_to_end_s.p95", "end-to-end latency p95", .seconds) { $0.endToEnd.p95 },
    Figure("latency.end_to_end_s.p99", "end-to-end latency p99", .seconds) { $0.endToEnd.p99 },
    Figure("latency.end_to_end_s.max", "end-to-end latency max", .seconds) { $0.endToEnd.max },
    Figure(metric: .queueVisible),
    Figure(metric: .oldestAge),
    Figure(metric: .lambdaConcurrency),
    Figure(metric: .invocations),
    Figure(metric: .coldStarts),
    Figure(metric: .lambdaThrottles),
    Figure(metric: .gbSeconds),
    Figure("table.consumed_wcu", "table write units consumed", .quantity) { $0.tableConsumedWCU },
    Figure("table.throttled_writes", "table throttled writes", .count) { Double($0.tableThrottledWrites) },
    Figure("table.peak_write_rate", "table peak write rate (/s)", .quantity) { $0.tablePeakWriteRate },
    Figure("cost_usd.lambda", "cost: Lambda", .usd) { $0.cost.lambda },
    Figure("cost_usd.sqs", "cost: SQS", .usd) { $0.cost.sqs },
    Figure("cost_usd.dynamodb", "cost: DynamoDB", .usd) { $0.cost.dynamodb },
    Figure("cost_usd.total", "cost: total", .usd) { $0.cost.total },
  ]

  /// The figures of side-by-side tables (compare, sweep), in that order.
  public static let headlineKeys: [String] = [
    "orders.arrived", "messages.persisted", "dlq.valid", "messages.dlq", "orders.lost",
    "latency.end_to_end_s.p50", "latency.end_to_end_s.p99", "latency.end_to_end_s.max",
    "queue.max_visible", "queue.max_oldest_age_s", "lambda.peak_concurrency", "lambda.throttles",
    "lambda.cold_starts", "table.throttled_writes", "cost_usd.total",
  ]
}
