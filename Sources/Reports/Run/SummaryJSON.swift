import PipelineModel

/// `summary.json`: the run's figures under stable keys (SCENARIO.md, "Outputs"), for scripts.
///
/// The keys, in the order they are written (dot = nesting; durations in seconds, money in USD;
/// a figure that is not a finite number, such as the p99 of a run that persisted nothing, is
/// `null`):
///
/// - `scenario`, `description`, `architecture`, `seed`, `start` (RFC 3339 or `null`),
///   `simulated_s`, `interval_s`, `events`, `wall_s` (the simulation's wall-clock seconds: the
///   only value that differs between two runs of the same scenario and seed, alone on its line)
/// - `slo_met`; `slo`: a list of `{name, target, actual, met, unit}`
/// - `orders.arrived`, `.valid`, `.invalid`, `.persisted` (unique orders written), `.lost`,
///   `.discarded` (invalid orders gone for good), `.unfinished` (valid orders with no write yet
///   and a message still queued, in flight or in the DLQ), `.invalid_held` (invalid orders whose
///   message is still queued or in the DLQ), `.peak_arrival_rate` (orders/s, the busiest interval),
///   `.peak_arrival_at_s`
/// - `messages.sent`, `.persisted` (unique orders written to the table, whichever delivery),
///   `.deleted`, `.duplicates_suppressed` (deleted messages whose order another had written),
///   `.dlq`, `.expired`, `.rejected_at_send`, `.queued_at_end`, `.in_flight_at_end`
/// - `dlq.valid` (valid orders in the DLQ never persisted), `dlq.valid_already_persisted`
///   (harmless copies of orders in the table), `dlq.invalid`, `dlq.by_reason.<reason>` for every
///   reason in ``FailureReason`` order (zeros included; they add up to `messages.dlq`): the
///   validation core's `oversized`, `malformed_json`, `not_an_object`, `duplicate_key`,
///   `missing_field`, `wrong_type`, `invalid_value`, `too_many_items`, `total_mismatch`, then
///   the pipeline's `lambda_throttled`, `table_throttled`, `function_timeout`, `batch_failed`,
///   `visibility_timeout`
/// - `latency.queue_wait_s` and `latency.end_to_end_s`: `count`, `mean`, `p50`, `p95`, `p99`,
///   `max`; end to end includes the valid orders unfinished at the end at their age then
///   (right-censored), `latency.end_to_end_s.censored` of them
/// - `queue.max_visible`, `.max_backlog` (visible + in flight), `.max_oldest_age_s`
/// - `lambda.peak_concurrency`, `.concurrency_limit`, `.esm_ceiling`, `.peak_esm_pollers`,
///   `.invocations`, `.deliveries` (messages handed to invocations), `.messages_per_invocation`, `.cold_starts`, `.throttles`,
///   `.throttled_batches_dropped`, `.function_errors`, `.billed_ms`, `.init_ms`, `.gb_s`
/// - `table.consumed_wcu`, `.throttled_writes`, `.throttles_by_reason.<reason>` (`partition`,
///   `table_capacity`, `quota`), `.peak_write_rate` (write units in the busiest second),
///   `.duplicate_writes`, `.max_write_capacity` (WCU/s), `.provisioned_wcu_hours` (0 on demand)
/// - `sqs.requests.send`, `.receive`, `.delete`, `.empty_receives`, `.total`
/// - `client.requests`, `client.errors` (synchronous architecture)
/// - `cost_usd.lambda`, `.lambda_requests`, `.lambda_compute`, `.sqs`, `.dynamodb`,
///   `.event_pollers` (SQS provisioned mode only), `.total`
/// - `billing.price_table`, `.lambda_requests`, `.lambda_gb_s`, `.sqs_requests`,
///   `.dynamodb_write_units`, `.dynamodb_wcu_hours`, and with SQS provisioned mode
///   `.event_poller_unit_hours`, `.event_poller_unit_hour_usd`: the quantities priced
/// - `saturation`: a list of `{limit, first_at_s, first_at_utc}`, earliest first
/// - `warnings`: a list of `{key, message, at}` (AWS's advice the scenario goes against)
/// - `settings`: every effective key path, in SCENARIO.md order → `{value, source}`: the value
///   as a scenario file writes it (`"3m"`, `"512MB"`, `"null"`) and where it came from
///   (`default`, `file`, `set`, `variant`, `terraform:<resource address>.<attribute>`)
/// - `ledger.sent`, `.deleted` (of them `.duplicates_suppressed`), `.dlq`, `.expired`,
///   `.rejected_at_send`, `.queued`, `.in_flight` (the message ledger's terms), `.orders`, `.persisted`, `.lost`, `.discarded`,
///   `.unfinished`, `.invalid_held` (the order ledger's), `.messages_balanced`, `.orders_balanced`, `.balanced`
/// - `deployments` (only when the scenario has deployments): see ``DeploymentsJSON``
public enum SummaryJSON {
  /// The file's text.
  public static func render(_ report: RunReport) -> String {
    document(report).render()
  }

  /// The document as a value (tests walk it; the CLI writes ``render(_:)``).
  public static func document(_ report: RunReport) -> JSONValue {
    layout(report).addingProvisionedPollers(report.result).addingCatalogue(report.result)
      .addingDeployments(report.result).addingDelivery(report.result.delivery)
  }

  /// The document's fixed layout, before the catalogue's other figures are added.
  static func layout(_ report: RunReport) -> JSONValue {
    let r = report.result
    let c = r.configuration
    let figures = RunFigures(r)
    let time = ReportTime(startEpochSeconds: c.startEpochSeconds)
    let slo = r.slo
    let cost = CostLines(r)
    let ledger = r.ledger

    let held = Dictionary(r.dlqByReason.map { ($0.reason, $0.count) }, uniquingKeysWith: +)
    let byReason: [(key: String, value: JSONValue)] = FailureReason.allCases.filter {
      held[$0, default: 0] != 0 || ($0 != .none && ($0 != .functionError || !c.deployments.isEmpty))
    }.map { ($0.name, .integer(held[$0] ?? 0)) }
    let throttles: [(key: String, value: JSONValue)] = r.tableThrottlesByReason.map {
      ($0.reason.name, .integer($0.count))
    }

    func latency(_ l: LatencySummary, censored: Int? = nil) -> JSONValue {
      var fields: [(key: String, value: JSONValue)] = [
        ("count", .integer(Int(clamping: l.count))), ("mean", .number(l.mean)), ("p50", .number(l.p50)),
        ("p95", .number(l.p95)), ("p99", .number(l.p99)), ("max", .number(l.max)),
      ]
      if let censored { fields.append(("censored", .integer(censored))) }
      return .object(fields)
    }

    let messages: [(key: String, value: JSONValue)] = [
      ("sent", .integer(ledger.sent)),
      ("persisted", .integer(ledger.persisted)),
      ("deleted", .integer(ledger.deleted)),
      ("duplicates_suppressed", .integer(ledger.duplicatesSuppressed)),
      ("dlq", .integer(ledger.dlq)),
      ("expired", .integer(ledger.expired)),
      ("rejected_at_send", .integer(ledger.rejectedAtSend)),
      ("queued_at_end", .integer(ledger.queued)),
      ("in_flight_at_end", .integer(ledger.inFlight)),
    ]
    let ledgerTerms: [(key: String, value: JSONValue)] = [
      ("sent", .integer(ledger.sent)),
      ("deleted", .integer(ledger.deleted)),
      ("duplicates_suppressed", .integer(ledger.duplicatesSuppressed)),
      ("dlq", .integer(ledger.dlq)),
      ("expired", .integer(ledger.expired)),
      ("rejected_at_send", .integer(ledger.rejectedAtSend)),
      ("queued", .integer(ledger.queued)),
      ("in_flight", .integer(ledger.inFlight)),
      ("orders", .integer(ledger.orders)),
      ("persisted", .integer(ledger.persisted)),
      ("lost", .integer(ledger.lost)),
      ("discarded", .integer(ledger.discarded)),
      ("unfinished", .integer(ledger.unfinished)),
      ("invalid_held", .integer(ledger.invalidHeld)),
      ("messages_balanced", .bool(ledger.messagesBalance)),
      ("orders_balanced", .bool(ledger.ordersBalance)),
      ("balanced", .bool(ledger.isBalanced)),
    ]

    return .object([
      ("scenario", .string(c.name)),
      ("description", .string(c.description)),
      ("architecture", .string(c.architecture.rawValue)),
      ("seed", .literal(String(c.seed))),
      ("start", .string(time.iso(0))),
      ("simulated_s", .number(r.simulatedSeconds)),
      ("interval_s", .number(c.interval.seconds)),
      ("events", .integer(r.events)),
      ("wall_s", .literal(NumberFormat.fixed(max(0, report.wallSeconds), decimals: 3))),
      ("slo_met", .bool(r.allSLOsMet)),
      (
        "slo",
        .array(
          slo.map { s in
            .object([
              ("name", .string(s.name)), ("target", .number(s.target)), ("actual", .number(s.actual)),
              ("met", .bool(s.met)), ("unit", .string(s.unit)),
            ])
          })
      ),
      (
        "orders",
        .object([
          ("arrived", .integer(r.count(.arrivals))),
          ("valid", .integer(r.count(.validOrders))),
          ("invalid", .integer(r.count(.arrivals) - r.count(.validOrders))),
          ("persisted", .integer(ledger.persisted)),
          ("lost", .integer(r.count(.lost))),
          ("discarded", .integer(ledger.discarded)),
          ("unfinished", .integer(ledger.unfinished)),
          ("invalid_held", .integer(ledger.invalidHeld)),
          ("peak_arrival_rate", .number(figures.peakArrivalRate)),
          ("peak_arrival_at_s", .number(figures.peakArrivalAt)),
        ])
      ),
      ("messages", .object(messages)),
      (
        "dlq",
        .object([
          ("valid", .integer(r.dlqValid)),
          ("valid_already_persisted", .integer(r.dlqValidAlreadyPersisted)),
          ("invalid", .integer(ledger.dlq - r.dlqValid - r.dlqValidAlreadyPersisted)),
          ("by_reason", .object(byReason)),
        ])
      ),
      (
        "latency",
        .object([
          ("queue_wait_s", latency(r.queueWait)),
          ("end_to_end_s", latency(r.endToEnd, censored: r.censoredOrders)),
        ])
      ),
      (
        "queue",
        .object([
          ("max_visible", .integer(r.count(.queueVisible))),
          ("max_backlog", .integer(figures.peakBacklog)),
          ("max_oldest_age_s", .number(r[.oldestAge])),
        ])
      ),
      (
        "lambda",
        .object([
          ("peak_concurrency", .integer(r.count(.lambdaConcurrency))),
          ("concurrency_limit", .integer(r.lambdaConcurrencyLimit)),
          ("esm_ceiling", .integer(r.esmCeiling)),
          ("peak_esm_pollers", .integer(figures.peakPollers)),
          ("invocations", .integer(r.count(.invocations))),
          ("deliveries", .integer(r.count(.deliveries))),
          (
            "messages_per_invocation",
            .number(r.count(.invocations) == 0 ? 0 : Double(r.count(.deliveries)) / Double(r.count(.invocations)))
          ),
          ("cold_starts", .integer(r.count(.coldStarts))),
          ("throttles", .integer(r.count(.lambdaThrottles))),
          ("throttled_batches_dropped", .integer(r.count(.throttledBatchesDropped))),
          ("function_errors", .integer(r.count(.functionErrors))),
          ("billed_ms", .number(r[.billedMilliseconds])),
          ("init_ms", .number(r[.initMilliseconds])),
          ("gb_s", .number(r[.gbSeconds])),
        ])
      ),
      (
        "table",
        .object([
          ("consumed_wcu", .number(r.tableConsumedWCU)),
          ("throttled_writes", .integer(r.tableThrottledWrites)),
          ("throttles_by_reason", .object(throttles)),
          ("peak_write_rate", .number(r.tablePeakWriteRate)),
          ("duplicate_writes", .integer(r.count(.duplicateWrites))),
          ("max_write_capacity", .number(figures.maxTableCapacity)),
          ("provisioned_wcu_hours", .number(c.table.mode == .provisioned ? r[.provisionedWCUHours] : 0)),
        ])
      ),
      (
        "sqs",
        .object([
          (
            "requests",
            .object([
              ("send", .integer(r.sqsRequests.send)),
              ("receive", .integer(r.sqsRequests.receive)),
              ("delete", .integer(r.sqsRequests.delete)),
              ("empty_receives", .integer(r.sqsRequests.emptyReceives)),
              ("total", .integer(r.sqsRequests.total)),
            ])
          )
        ])
      ),
      (
        "client",
        .object([
          ("requests", .integer(r.count(.clientRequests))),
          ("errors", .integer(r.count(.clientErrors))),
        ])
      ),
      (
        "cost_usd",
        .object([
          ("lambda", .number(cost.estimate.lambda)),
          ("lambda_requests", .number(cost.lambdaRequestsUSD)),
          ("lambda_compute", .number(cost.lambdaComputeUSD)),
          ("sqs", .number(cost.estimate.sqs)),
          ("dynamodb", .number(cost.estimate.dynamodb)),
          ("total", .number(cost.estimate.total)),
        ])
      ),
      (
        "billing",
        .object([
          ("price_table", .string(cost.estimate.prices.label)),
          ("lambda_requests", .number(cost.estimate.lambdaRequests)),
          ("lambda_gb_s", .number(cost.estimate.lambdaGBSeconds)),
          ("sqs_requests", .number(cost.estimate.sqsRequests)),
          ("dynamodb_write_units", .number(cost.estimate.dynamoWriteUnits)),
          ("dynamodb_wcu_hours", .number(cost.estimate.dynamoWCUHours)),
        ])
      ),
      (
        "saturation",
        .array(
          r.saturation.ordered.map { entry in
            .object([
              ("limit", .string(entry.name)), ("first_at_s", .number(entry.seconds)),
              ("first_at_utc", .string(time.iso(entry.seconds))),
            ])
          })
      ),
      (
        "warnings",
        .array(
          report.warnings.map { w in
            .object([
              ("key", .string(w.keyPath)), ("message", .string(w.message)), ("at", .string(w.location.description)),
            ])
          })
      ),
      (
        "settings",
        .object(
          report.effectiveSettings.map { s in
            (s.keyPath, .object([("value", .string(s.value)), ("source", .string(s.origin.source))]))
          })
      ),
      (
        "ledger",
        .object(ledgerTerms)
      ),
    ])
  }
}

extension JSONValue {
  /// Adds every figure of the metric catalogue that has a `summary.json` key and is not in the
  /// document yet, at the end of its section (so a new counter appears with no code here).
  func addingCatalogue(_ result: RunResult) -> JSONValue {
    var document = self
    for descriptor in MetricDescriptor.catalogue {
      guard let key = descriptor.key else { continue }
      let value: JSONValue =
        descriptor.unit == .count ? .integer(result.count(descriptor.metric)) : .number(result[descriptor.metric])
      document.insertIfAbsent(value, at: key.split(separator: ".").map(String.init)[...])
    }
    return document
  }

  private mutating func insertIfAbsent(_ value: JSONValue, at path: ArraySlice<String>) {
    guard case .object(var members) = self, let head = path.first else { return }
    let rest = path.dropFirst()
    if let index = members.firstIndex(where: { $0.key == head }) {
      if !rest.isEmpty { members[index].value.insertIfAbsent(value, at: rest) }
    } else if rest.isEmpty {
      members.append((head, value))
    } else {
      var section = JSONValue.object([])
      section.insertIfAbsent(value, at: rest)
      members.append((head, section))
    }
    self = .object(members)
  }
}
