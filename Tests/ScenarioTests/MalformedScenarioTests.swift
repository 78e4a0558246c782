import Testing

@testable import Scenario

/// Malformed scenarios: each gets an error naming the key path, line and column, what was found
/// and what is allowed; all errors of a file are reported together.
@Suite struct MalformedScenarioTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var yaml: String
    var keyPath: String?
    var line: Int?
    var column: Int?
    var message: String
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "YAML syntax error", yaml: "name: x\nduration: 1h\ntraffic:\n  baseline: 10/s\n arrivals: poisson\n",
      keyPath: nil, line: 5, column: 2, message: "YAML syntax: did not find expected key"),
    Case(
      name: "unclosed flow list", yaml: "name: x\nduration: 1h\ntraffic:\n  baseline: [10/s\n",
      keyPath: nil, line: 5, column: 1, message: "flow sequence that started at line 4, column 13"),
    Case(
      name: "tab indentation", yaml: "name: x\n\tduration: 1h\n",
      keyPath: nil, line: 2, column: 1, message: "indent with spaces, not tabs"),
    Case(
      name: "two documents", yaml: "name: x\n---\nname: y\n",
      keyPath: nil, line: 2, column: 1, message: "a single YAML document"),
    Case(name: "empty file", yaml: "", keyPath: nil, line: nil, column: nil, message: "the scenario is empty"),
    Case(
      name: "only comments", yaml: "# to do\n", keyPath: nil, line: nil, column: nil, message: "the scenario is empty"),
    Case(
      name: "top level is a list", yaml: "- name: x\n", keyPath: nil, line: 1, column: 1,
      message: "the top level must be a mapping of keys such as name, duration and traffic, found a list"),
    Case(
      name: "unknown key with suggestion", yaml: scenario("queue:\n  visiblity_timeout: 30s\n"),
      keyPath: "queue.visiblity_timeout", line: 6, column: 3,
      message: "unknown key 'visiblity_timeout'; did you mean 'visibility_timeout'? (allowed here: visibility_timeout,"),
    Case(
      name: "unknown top-level key", yaml: scenario("lamda:\n  memory: 512MB\n"),
      keyPath: "lamda", line: 5, column: 1, message: "did you mean 'lambda'?"),
    Case(
      name: "key in the wrong section", yaml: scenario("queue:\n  batch_size: 5\n"),
      keyPath: "queue.batch_size", line: 6, column: 3, message: "did you mean 'event_source.batch_size'?"),
    Case(
      name: "key given twice", yaml: "name: x\nduration: 1h\nduration: 2h\ntraffic:\n  baseline: 1/s\n",
      keyPath: "duration", line: 3, column: 1, message: "key given twice in one mapping (first given on line 2)"),
    Case(
      name: "text for an integer", yaml: scenario("event_source:\n  batch_size: ten\n"),
      keyPath: "event_source.batch_size", line: 6, column: 15,
      message: "must be an integer from 1 to 10000, found ten"),
    Case(
      name: "fraction for an integer", yaml: scenario("event_source:\n  batch_size: 2.5\n"),
      keyPath: "event_source.batch_size", line: 6, column: 15, message: "must be an integer from 1 to 10000, found 2.5"),
    Case(
      name: "scalar for a section", yaml: scenario("lambda: 5\n"),
      keyPath: "lambda", line: 5, column: 9, message: "must be a mapping with keys memory, timeout,"),
    Case(
      name: "list for a duration", yaml: scenario("lambda:\n  timeout: [30s]\n"),
      keyPath: "lambda.timeout", line: 6, column: 12, message: "must be a duration such as 30s or 250ms, found a list"),
    Case(
      name: "yes for a boolean", yaml: scenario("event_source:\n  report_batch_item_failures: yes\n"),
      keyPath: "event_source.report_batch_item_failures", line: 6, column: 31,
      message: "must be true or false, found yes"),
    Case(
      name: "misspelt choice", yaml: scenario("table:\n  mode: ondemand\n"),
      keyPath: "table.mode", line: 6, column: 9,
      message: "must be on_demand or provisioned, found ondemand (did you mean 'on_demand'?)"),
    Case(
      name: "bad unit", yaml: scenario("lambda:\n  timeout: 30 secs\n"),
      keyPath: "lambda.timeout", line: 6, column: 12,
      message: "must be a duration with a unit, found '30 secs': unknown unit 'secs' (did you mean 's'?"),
    Case(
      name: "bare number for a duration", yaml: "name: x\nduration: 5\ntraffic:\n  baseline: 1/s\n",
      keyPath: "duration", line: 2, column: 11, message: "must be a duration with a unit, found 5: add a unit, e.g. 5s"),
    Case(
      name: "bare number for a rate", yaml: "name: x\nduration: 1h\ntraffic:\n  baseline: 80\n",
      keyPath: "traffic.baseline", line: 4, column: 13,
      message: "must be a rate with a unit, found 80: add a unit, e.g. 80/s"),
    Case(
      name: "bare number for memory", yaml: scenario("lambda:\n  memory: 1024\n"),
      keyPath: "lambda.memory", line: 6, column: 11, message: "add a unit, e.g. 1024MB"),
    Case(
      name: "visibility timeout above 12 hours", yaml: scenario("queue:\n  visibility_timeout: 13h\n"),
      keyPath: "queue.visibility_timeout", line: 6, column: 23, message: "must be a duration from 0s to 12h, found 13h"),
    Case(
      name: "retention below 60 seconds", yaml: scenario("queue:\n  retention: 30s\n"),
      keyPath: "queue.retention", line: 6, column: 14, message: "must be a duration from 1m to 14d, found 30s"),
    Case(
      name: "message above 1 MiB", yaml: scenario("queue:\n  max_message_size: 2MiB\n"),
      keyPath: "queue.max_message_size", line: 6, column: 21, message: "must be a size from 1KiB to 1MiB, found 2MiB"),
    Case(
      name: "max receive count 0", yaml: scenario("queue:\n  max_receive_count: 0\n"),
      keyPath: "queue.max_receive_count", line: 6, column: 22, message: "must be an integer from 1 to 1000, found 0"),
    Case(
      name: "batching window above 300 s", yaml: scenario("event_source:\n  batching_window: 6m\n"),
      keyPath: "event_source.batching_window", line: 6, column: 20, message: "from 0s to 5m, found 6m"),
    Case(
      name: "maximum concurrency 1", yaml: scenario("event_source:\n  maximum_concurrency: 1\n"),
      keyPath: "event_source.maximum_concurrency", line: 6, column: 24,
      message: "must be an integer from 2 to 1000, found 1"),
    Case(
      name: "memory below 128 MB", yaml: scenario("lambda:\n  memory: 64MB\n"),
      keyPath: "lambda.memory", line: 6, column: 11, message: "from 128MB to 10240MB in 1 MB steps, found 64MB"),
    Case(
      name: "timeout above 900 s", yaml: scenario("lambda:\n  timeout: 16m\n"),
      keyPath: "lambda.timeout", line: 6, column: 12, message: "must be a duration from 1s to 15m, found 16m"),
    Case(
      name: "fraction above 1", yaml: scenario("orders:\n  duplicates: 1.5\n"),
      keyPath: "orders.duplicates", line: 6, column: 15, message: "must be a fraction from 0 to 1, found 1.5"),
    Case(
      name: "autoscaling target above 0.9", yaml: scenario("table:\n  autoscaling: {min: 5, max: 50, target: 0.95}\n"),
      keyPath: "table.autoscaling.target", line: 6, column: 42, message: "must be a utilisation from 0.2 to 0.9"),
    Case(
      name: "distribution without a parameter",
      yaml: scenario("lambda:\n  cold_start: {dist: lognormal, median: 300ms}\n"),
      keyPath: "lambda.cold_start", line: 6, column: 15, message: "missing 'sigma' (needs median and sigma)"),
    Case(
      name: "distribution with impossible parameters",
      yaml: scenario("table:\n  latency: {dist: uniform, min: 5ms, max: 1ms}\n"),
      keyPath: "table.latency", line: 6, column: 12, message: "invalid distribution: uniform needs 0 ≤ min ≤ max"),
    Case(
      name: "count distribution for a duration", yaml: scenario("lambda:\n  cold_start: {dist: poisson, mean: 3}\n"),
      keyPath: "lambda.cold_start.dist", line: 6, column: 22, message: "(poisson is for counts, not durations)"),
    Case(
      name: "profile going back in time",
      yaml:
        "name: x\nduration: 1h\ntraffic:\n  baseline: 1/s\n  profile:\n    - {at: 2h, x: 1}\n    - {at: 1h, x: 2}\n",
      keyPath: "traffic.profile[1].at", line: 7, column: 12,
      message: "must be later than the previous point's 2h, found 1h"),
    Case(
      name: "burst without its length",
      yaml: "name: x\nduration: 1h\ntraffic:\n  baseline: 1/s\n  bursts:\n    - {at: 1h, x: 2}\n",
      keyPath: "traffic.bursts[0]", line: 6, column: 7, message: "missing 'for'"),
    Case(
      name: "bad timestamp", yaml: scenario("start: 2026-11-31T00:00:00Z\n"),
      keyPath: "start", line: 5, column: 8, message: "(day 31 of month 11 does not exist)"),
    Case(
      name: "name with spaces", yaml: "name: black friday\nduration: 1h\ntraffic:\n  baseline: 1/s\n",
      keyPath: "name", line: 1, column: 7, message: "found 'black friday'"),
    Case(
      name: "missing name", yaml: "duration: 1h\ntraffic:\n  baseline: 1/s\n",
      keyPath: "name", line: nil, column: nil, message: "missing: every scenario needs a name"),
    Case(
      name: "missing traffic", yaml: "name: x\nduration: 1h\ntraffic:\n  arrivals: poisson\n",
      keyPath: "traffic.baseline", line: 3, column: 1, message: "missing: set traffic.baseline"),
    Case(
      name: "missing trace file", yaml: "name: x\nduration: 1h\ntraffic:\n  trace: traces/nope.csv\n",
      keyPath: "traffic.trace", line: 4, column: 10,
      message: "cannot read the trace file scenarios/traces/nope.csv (relative to the scenario's folder): no such file"),
    Case(
      name: "function timeout above visibility timeout", yaml: scenario("lambda:\n  timeout: 60s\n"),
      keyPath: "lambda.timeout", line: 6, column: 12,
      message:
        "the function timeout (1m) exceeds queue.visibility_timeout (30s); AWS rejects such an event source mapping"),
    Case(
      name: "big batch without a batching window", yaml: scenario("event_source:\n  batch_size: 100\n"),
      keyPath: "event_source.batch_size", line: 6, column: 15,
      message: "a batch size above 10 (found 100) needs event_source.batching_window of at least 1s (found 0s)"),
    Case(
      name: "reserved concurrency leaving less than 100", yaml: scenario("lambda:\n  reserved_concurrency: 901\n"),
      keyPath: "lambda.reserved_concurrency", line: 6, column: 25,
      message: "must be at most the account concurrency less the 100 AWS keeps unreserved (1000 − 100 = 900), found 901"
    ),
    Case(
      name: "defects adding up to more than 1",
      yaml: scenario("orders:\n  defects: {price_as_string: 0.6, missing_field: 0.5}\n"),
      keyPath: "orders.defects", line: 6, column: 3, message: "the defect fractions add up to 1.1"),
    Case(
      name: "interval longer than the run", yaml: "name: x\nduration: 1h\ninterval: 2h\ntraffic:\n  baseline: 1/s\n",
      keyPath: "interval", line: 3, column: 11, message: "must be at most the duration (1h), found 2h"),
  ]

  @Test(arguments: cases)
  func malformedInputGetsAnErrorAtItsKeyLineAndColumn(_ c: Case) throws {
    let errors = diagnostics(c.yaml, fileName: "scenarios/x.yaml")
    #expect(errors.count == 1, "\(errors)")
    let d = try #require(errors.first)
    #expect(d.severity == .error)
    #expect(d.location.source == .file("scenarios/x.yaml"))
    #expect(d.keyPath == c.keyPath)
    #expect(d.location.line == c.line)
    #expect(d.location.column == c.column)
    #expect(d.message.contains(c.message), "\(d.message)")
  }

  @Test func theRenderedErrorNamesFileLineColumnKeyFoundAndAllowed() throws {
    let d = try #require(diagnostics(scenario("event_source:\n  batch_size: 0\n"), fileName: "scenarios/x.yaml").first)
    #expect(
      d.description
        == "scenarios/x.yaml:6:15: error: event_source.batch_size: must be an integer from 1 to 10000, found 0")
    #expect(d.found == "0")
    #expect(d.allowed == "an integer from 1 to 10000")
  }

  @Test func everyErrorOfAFileIsReportedInReadingOrder() {
    let yaml = """
      name: x
      duration: 5
      traffic:
        baseline: 10/s
        arrivals: random
      queue:
        visiblity_timeout: 30s
      event_source:
        batch_size: 0
      lambda:
        memory: 64MB
        timeout: 1h

      """
    let errors = diagnostics(yaml)
    #expect(
      errors.map(\.keyPath) == [
        "duration", "traffic.arrivals", "queue.visiblity_timeout", "event_source.batch_size", "lambda.memory",
        "lambda.timeout",
      ])
    #expect(errors.map { $0.location.line ?? 0 } == [2, 5, 7, 9, 11, 12])
  }

  @Test func aRuleAboutAKeyWithABadValueIsNotReported() {
    // The bad visibility timeout is reported; the comparison with the function timeout, which
    // would use the default, is not.
    let errors = diagnostics(scenario("queue:\n  visibility_timeout: 30 parsecs\nlambda:\n  timeout: 60s\n"))
    #expect(errors.map(\.keyPath) == ["queue.visibility_timeout"])
  }
}
