/// Every figure a run counts, once: its `summary.json` key, its `timeseries.csv` column, its
/// unit and kind, and what it means. The recorder, `timeseries.csv`, `summary.json` and the
/// experiments' figures all derive from this table; adding a counter is one line here plus the
/// `recorder.count(.newCounter)` where it happens.
///
/// The cases with a column come first, in the column order of `timeseries.csv` (SCENARIO.md
/// "Outputs": the contract's columns, then the others); run-only figures follow.
public enum Metric: Int, CaseIterable, Sendable {
  case arrivals, sent, queueVisible, queueInFlight, oldestAge, lambdaConcurrency, lambdaThrottles, coldStarts
  case tableWriteCapacity, tableConsumedWCU, tableThrottles, persisted, dlq
  case esmPollers, lambdaConcurrencyLimit, invocations, functionErrors, duplicatesSuppressed, dlqValid, expired
  case lost, rejectedAtSend, clientErrors
  // Columns of runs with deployments only (``MetricDescriptor/onlyWithDeployments``).
  case newVersionShare, newVersionInvocations
  // Run-only figures (no column).
  case validOrders, deliveries, throttledBatchesDropped, billedMilliseconds, initMilliseconds, gbSeconds
  case duplicateWrites, messageReturns, sqsSendRequests, sqsReceiveRequests, sqsDeleteRequests, idlePollerSeconds
  case clientRequests, provisionedWCUHours

  /// The catalogue line of this metric.
  @inlinable public var descriptor: MetricDescriptor { MetricDescriptor.catalogue[rawValue] }
}

/// One line of the metric catalogue.
public struct MetricDescriptor: Sendable {
  /// How a metric accumulates.
  public enum Kind: Sendable {
    /// Counts what happened in an interval; the run's figure is the sum.
    case counter
    /// Read at the end of an interval; the run's figure is the largest reading.
    case gauge
    /// The highest value during an interval; the run's figure is the highest of all.
    case peak
  }

  /// What the number measures, for formatting.
  public enum Unit: Sendable {
    /// Whole things: orders, messages, invocations, requests (written without a decimal point).
    case count
    /// Seconds.
    case seconds
    /// Milliseconds.
    case milliseconds
    /// Any other quantity: GB-seconds, write units, WCU, WCU-hours.
    case quantity
  }

  public let metric: Metric
  /// The `summary.json` key of the run's figure (dot = nesting), or nil when summary.json shows
  /// it another way (the ledger's terms, the table's own counts).
  public let key: String?
  /// The `timeseries.csv` column, or nil for a run-only figure.
  public let column: String?
  public let unit: Unit
  public let kind: Kind
  /// What people read, e.g. `Lambda throttles`.
  public let label: String
  public let description: String
  /// A figure of CodeDeploy deployments: its column is written only when the scenario has
  /// deployments (SCENARIO.md "Additions"), so other runs keep their columns.
  public let onlyWithDeployments: Bool

  init(
    _ metric: Metric, key: String?, column: String?, _ unit: Unit, _ kind: Kind, _ label: String, _ description: String,
    onlyWithDeployments: Bool = false
  ) {
    self.metric = metric
    self.key = key
    self.column = column
    self.unit = unit
    self.kind = kind
    self.label = label
    self.description = description
    self.onlyWithDeployments = onlyWithDeployments
  }

  /// The catalogue, in ``Metric`` order (a test checks that each line sits at its case).
  public static let catalogue: [MetricDescriptor] = [
    .init(
      .arrivals, key: "orders.arrived", column: "arrivals", .count, .counter, "orders arrived",
      "Orders the traffic model created."),
    .init(
      .sent, key: nil, column: "sent", .count, .counter, "messages sent",
      "SendMessage calls, producer duplicates included (the ledger's `sent`)."),
    .init(
      .queueVisible, key: "queue.max_visible", column: "queue_visible", .count, .gauge, "largest visible backlog",
      "Messages visible in the queue."),
    .init(
      .queueInFlight, key: nil, column: "queue_in_flight", .count, .gauge, "messages in flight",
      "Messages received and not yet deleted or returned."),
    .init(
      .oldestAge, key: "queue.max_oldest_age_s", column: "oldest_age_s", .seconds, .gauge, "oldest message age, max",
      "Age of the oldest message in the queue (§1 ApproximateAgeOfOldestMessage, every message)."),
    .init(
      .lambdaConcurrency, key: "lambda.peak_concurrency", column: "lambda_concurrency", .count, .peak,
      "Lambda peak concurrency", "Concurrent invocations of the function, the peak."),
    .init(
      .lambdaThrottles, key: "lambda.throttles", column: "lambda_throttles", .count, .counter, "Lambda throttles",
      "Invoke requests refused for concurrency or environment scaling (429)."),
    .init(
      .coldStarts, key: "lambda.cold_starts", column: "cold_starts", .count, .counter, "Lambda cold starts",
      "Invocations that started a new execution environment."),
    .init(
      .tableWriteCapacity, key: "table.max_write_capacity", column: "table_write_capacity", .quantity, .gauge,
      "table write capacity (WCU)", "The table's write capacity, units per second."),
    .init(
      .tableConsumedWCU, key: nil, column: "table_consumed_wcu", .quantity, .counter, "table write units consumed",
      "Write units the table accepted."),
    .init(
      .tableThrottles, key: nil, column: "table_throttles", .count, .counter, "table throttled writes",
      "PutItem calls the table throttled."),
    .init(
      .persisted, key: nil, column: "persisted", .count, .counter, "orders persisted",
      "Messages whose order was written and the message deleted (the ledger's `persisted`)."),
    .init(
      .dlq, key: nil, column: "dlq", .count, .counter, "messages moved to the DLQ",
      "Messages the redrive policy moved to the DLQ."),
    .init(
      .esmPollers, key: "lambda.peak_esm_pollers", column: "esm_pollers", .count, .gauge, "event source pollers",
      "Concurrent batches the event source mapping works on."),
    .init(
      .lambdaConcurrencyLimit, key: nil, column: "lambda_concurrency_limit", .count, .gauge, "Lambda concurrency limit",
      "The function's concurrency limit."),
    .init(
      .invocations, key: "lambda.invocations", column: "invocations", .count, .counter, "Lambda invocations",
      "Invocations started."),
    .init(
      .functionErrors, key: "lambda.function_errors", column: "function_errors", .count, .counter, "function errors",
      "Invocations that failed as a whole: a thrown error or a timeout."),
    .init(
      .duplicatesSuppressed, key: nil, column: "duplicates_suppressed", .count, .counter, "duplicates suppressed",
      "Messages deleted whose order another message had already written."),
    .init(
      .dlqValid, key: nil, column: "dlq_valid", .count, .counter, "valid orders moved to the DLQ",
      "Valid orders among the messages moved to the DLQ."),
    .init(
      .expired, key: nil, column: "expired", .count, .counter, "messages expired",
      "Messages dropped at the end of their retention, queue or DLQ."),
    .init(
      .lost, key: "orders.lost", column: "lost", .count, .counter, "orders lost",
      "Valid orders that will never reach the table."),
    .init(
      .rejectedAtSend, key: nil, column: "rejected_at_send", .count, .counter, "messages rejected at send",
      "Messages SQS refused at send (too large), or synchronous orders whose last try failed."),
    .init(
      .clientErrors, key: "client.errors", column: "client_errors", .count, .counter, "errors to customers",
      "Synchronous architecture: error responses to the client."),
    .init(
      .newVersionShare, key: nil, column: "new_version_share", .quantity, .gauge, "new version's alias weight",
      "The alias weight of the version being deployed, 0 to 1, averaged over the interval (§10 Weighted alias routing).",
      onlyWithDeployments: true),
    .init(
      .newVersionInvocations, key: nil, column: "new_version_invocations", .count, .counter,
      "new version invocations", "Invocations of the version being deployed.", onlyWithDeployments: true),
    .init(
      .validOrders, key: "orders.valid", column: nil, .count, .counter, "valid orders",
      "Orders whose body the validation core accepts."),
    .init(
      .deliveries, key: "lambda.deliveries", column: nil, .count, .counter, "messages delivered",
      "Messages handed to invocations, every receive and extra copy."),
    .init(
      .throttledBatchesDropped, key: "lambda.throttled_batches_dropped", column: nil, .count, .counter,
      "throttled batches dropped", "Batches throttled until their visibility timeout ran out (§2)."),
    .init(
      .billedMilliseconds, key: "lambda.billed_ms", column: nil, .milliseconds, .counter, "billed milliseconds",
      "Invocation time billed, rounded up to the millisecond (§3)."),
    .init(
      .initMilliseconds, key: "lambda.init_ms", column: nil, .milliseconds, .counter, "INIT milliseconds",
      "Cold-start INIT time (§3 INIT billing)."),
    .init(
      .gbSeconds, key: "lambda.gb_s", column: nil, .quantity, .counter, "Lambda GB-seconds",
      "Billed duration times memory."),
    .init(
      .duplicateWrites, key: "table.duplicate_writes", column: nil, .count, .counter, "duplicate writes",
      "Conditional writes that found the order already there (§5)."),
    .init(
      .messageReturns, key: "queue.returns", column: nil, .count, .counter, "messages returned",
      "Messages made visible again after a failed delivery or an expired visibility timeout (§1)."),
    .init(
      .sqsSendRequests, key: "sqs.requests.send", column: nil, .count, .counter, "SQS send requests",
      "SendMessage requests."),
    .init(
      .sqsReceiveRequests, key: "sqs.requests.receive", column: nil, .count, .counter, "SQS receive requests",
      "ReceiveMessage requests that returned messages."),
    .init(
      .sqsDeleteRequests, key: "sqs.requests.delete", column: nil, .count, .counter, "SQS delete requests",
      "DeleteMessageBatch requests."),
    .init(
      .idlePollerSeconds, key: nil, column: nil, .seconds, .counter, "idle poller seconds",
      "Seconds pollers spent long-polling an empty queue (§1 Cost of idle polling)."),
    .init(
      .clientRequests, key: "client.requests", column: nil, .count, .counter, "client requests",
      "Synchronous architecture: requests, retries included."),
    .init(
      .provisionedWCUHours, key: "table.provisioned_wcu_hours", column: nil, .quantity, .counter,
      "provisioned WCU-hours", "Provisioned write capacity times time (0 on demand)."),
  ]

  /// The metrics with a `timeseries.csv` column, in column order.
  public static let columns: [MetricDescriptor] = catalogue.filter { $0.column != nil }

  /// The columns of a run, in column order: the deployment columns only when it has deployments.
  public static func columns(deployments: Bool) -> [MetricDescriptor] {
    deployments ? columns : columns.filter { !$0.onlyWithDeployments }
  }
}
