import Foundation
import PipelineModel
import Reports
import Scenario
import Testing

/// `summary.json` holds every key of the contract (SCENARIO.md, "Outputs"), parses as JSON,
/// and writes its numbers and strings deterministically.
@Suite struct SummaryJSONTests {
  /// SCENARIO.md's keys, dot = nesting.
  static let contractKeys = [
    "scenario", "seed", "simulated_s", "events", "wall_s",
    "orders.arrived", "orders.lost",
    "messages.sent", "messages.persisted", "messages.duplicates_suppressed", "messages.dlq", "messages.expired",
    "messages.rejected_at_send", "messages.queued_at_end", "messages.in_flight_at_end",
    "dlq.valid", "dlq.by_reason",
    "latency.queue_wait_s.mean", "latency.queue_wait_s.p50", "latency.queue_wait_s.p95", "latency.queue_wait_s.p99",
    "latency.queue_wait_s.max", "latency.end_to_end_s.mean", "latency.end_to_end_s.p50", "latency.end_to_end_s.p95",
    "latency.end_to_end_s.p99", "latency.end_to_end_s.max",
    "queue.max_visible", "queue.max_oldest_age_s",
    "lambda.peak_concurrency", "lambda.invocations", "lambda.cold_starts", "lambda.throttles", "lambda.gb_s",
    "table.consumed_wcu", "table.throttled_writes", "table.peak_write_rate",
    "cost_usd.lambda", "cost_usd.sqs", "cost_usd.dynamodb", "cost_usd.total",
    "slo", "ledger.balanced",
  ]

  /// Keys beyond the contract that the README documents.
  static let documentedExtras = [
    "orders.valid", "lambda.function_errors", "lambda.concurrency_limit", "lambda.billed_ms",
    "table.throttles_by_reason.partition", "table.throttles_by_reason.table_capacity",
    "table.throttles_by_reason.quota",
    "table.duplicate_writes", "sqs.requests.send", "sqs.requests.receive", "sqs.requests.delete",
    "sqs.requests.empty_receives", "sqs.requests.total", "saturation", "warnings", "ledger.sent",
    "ledger.persisted", "ledger.duplicates_suppressed", "ledger.dlq", "ledger.expired", "ledger.rejected_at_send",
    "ledger.queued", "ledger.in_flight", "billing.price_table",
  ]

  static func parse(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
    return try #require(object as? [String: Any])
  }

  static func value(_ object: [String: Any], _ path: String) -> Any? {
    var current: Any? = object
    for component in path.split(separator: ".") {
      current = (current as? [String: Any])?[String(component)]
    }
    return current
  }

  @Test(arguments: RunSamples.Kind.allCases)
  func everyContractKeyIsPresent(kind: RunSamples.Kind) throws {
    let result = kind.result
    let json = try Self.parse(SummaryJSON.render(RunSamples.report(result)))
    for key in Self.contractKeys + Self.documentedExtras {
      #expect(Self.value(json, key) != nil, "missing \(key)")
    }
    let byReason = try #require(Self.value(json, "dlq.by_reason") as? [String: Any])
    // `function_error` (a deployed release threw) is listed only in runs with deployments.
    for reason in FailureReason.allCases where reason != .none && reason != .functionError {
      #expect(byReason[reason.name] is NSNumber, "dlq.by_reason.\(reason.name)")
    }
    #expect(byReason[FailureReason.functionError.name] == nil)
    let slo = try #require(json["slo"] as? [[String: Any]])
    #expect(slo.count == 4)
    for entry in slo {
      for key in ["name", "target", "actual", "met"] { #expect(entry[key] != nil, "slo[].\(key)") }
    }
    #expect(Self.value(json, "ledger.balanced") as? Bool == true)
  }

  @Test func figuresMatchTheRun() throws {
    let result = RunSamples.decoupled
    let json = try Self.parse(SummaryJSON.render(RunSamples.report(result, wallSeconds: 2.25)))
    #expect(json["scenario"] as? String == "sample")
    #expect(json["description"] as? String == "A \"sample\" run,\nfor the tests\t(with escapes)")
    #expect(json["start"] as? String == "2026-11-26T00:00:00Z")
    #expect((json["wall_s"] as? NSNumber)?.doubleValue == 2.25)
    #expect((Self.value(json, "orders.arrived") as? NSNumber)?.intValue == result.count(.arrivals))
    #expect((Self.value(json, "messages.persisted") as? NSNumber)?.intValue == result.ledger.persisted)
    #expect((Self.value(json, "dlq.valid") as? NSNumber)?.intValue == result.dlqValid)
    let byReason = try #require(Self.value(json, "dlq.by_reason") as? [String: NSNumber])
    #expect(byReason.values.map(\.intValue).reduce(0, +) == result.ledger.dlq)
    #expect(result.ledger.dlq > 0, "the sample should put invalid orders in the DLQ")
    let warnings = try #require(json["warnings"] as? [[String: String]])
    #expect(
      warnings == [
        [
          "key": "queue.max_receive_count", "message": "2 is below the 5 AWS recommends with Lambda",
          "at": "sample.yaml:12:3",
        ]
      ])
  }

  @Test func keysAreWrittenInTheDocumentedOrderWithWallSecondsOnItsOwnLine() {
    let text = SummaryJSON.render(RunSamples.report(RunSamples.decoupled, wallSeconds: 0.1234))
    let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { line in
      String(line.dropFirst(3).prefix { $0 != "\"" })
    }
    #expect(
      topLevel == [
        "scenario", "description", "architecture", "seed", "start", "simulated_s", "interval_s", "events", "wall_s",
        "slo_met", "slo", "orders", "messages", "dlq", "latency", "queue", "lambda", "table", "sqs", "client",
        "cost_usd", "billing", "saturation", "warnings", "settings", "ledger",
      ])
    #expect(text.contains("\n  \"wall_s\": 0.123,\n"))
    #expect(text.hasSuffix("}\n"))
  }

  /// SCENARIO.md "Additions": `settings` maps every effective key path, in the format's order,
  /// to its value as a file writes it and its source.
  @Test func settingsGiveEachKeyItsValueAndSourceInOrder() throws {
    var report = RunSamples.report(RunSamples.decoupled)
    report.effectiveSettings.append(
      EffectiveSetting(
        keyPath: "lambda.timeout", value: "3m",
        origin: .terraform(address: "module.orders.aws_lambda_function.processor", attribute: "timeout")))
    let text = SummaryJSON.render(report)
    let json = try Self.parse(text)
    let settings = try #require(json["settings"] as? [String: [String: String]])
    #expect(settings["name"] == ["value": "sample", "source": "file"])
    #expect(settings["seed"] == ["value": "3", "source": "set"])
    #expect(settings["queue.retention"] == ["value": "4d", "source": "default"])
    #expect(
      settings["lambda.timeout"]
        == ["value": "3m", "source": "terraform:module.orders.aws_lambda_function.processor.timeout"])
    let order = ["\"name\": {", "\"seed\": {", "\"queue.retention\": {", "\"lambda.timeout\": {"].map {
      text.range(of: $0)?.lowerBound
    }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "in the effective settings' order")
  }

  @Test func numbersAndStringsAreWrittenDeterministically() {
    #expect(JSONValue.number(0.1 + 0.2) == "0.3")
    #expect(JSONValue.number(432_000) == "432000")
    #expect(JSONValue.number(.infinity) == "null")
    #expect(JSONValue.number(.nan) == "null")
    #expect(JSONValue.number(-0.0) == "0")
    #expect(JSONValue.quoted("a\"b\\c\n\u{01}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
    let document = JSONValue.object([("b", .integer(1)), ("a", .array([])), ("c", .object([]))])
    #expect(document.render() == "{\n  \"b\": 1,\n  \"a\": [],\n  \"c\": {}\n}\n")
    let lists = JSONValue.array([.array([.integer(1), .string("a"), .null]), .array([.object([])])])
    #expect(lists.render() == "[\n  [1, \"a\", null],\n  [\n    {}\n  ]\n]\n")
  }

  @Test func anUnboundedLatencyIsNullAndTheSLOIsMissed() throws {
    var result = RunSamples.decoupled
    result.endToEnd = LatencySummary()  // nothing persisted
    let json = try Self.parse(SummaryJSON.render(RunSamples.report(result)))
    let slo = try #require(json["slo"] as? [[String: Any]])
    let p99 = try #require(slo.first { $0["name"] as? String == "p99_end_to_end" })
    #expect(p99["actual"] is NSNull)
    #expect(p99["met"] as? Bool == false)
    #expect(json["slo_met"] as? Bool == false)
  }
}
