import Testing

@testable import Scenario

/// What AWS rejects is an error; what AWS advises against is a warning. Each rule is checked on
/// both sides of its boundary.
@Suite struct ConsistencyRuleTests {
  func errorPaths(_ extra: String) -> [String?] { diagnostics(scenario(extra)).map(\.keyPath) }
  func warningPaths(_ extra: String) -> [String?] { warnings(scenario(extra)).map(\.keyPath) }

  /// Draws no warning: a visibility timeout of 6 × the function timeout. Ends inside `lambda:`,
  /// so more lambda keys can be appended.
  static let quiet = "queue:\n  visibility_timeout: 3m\nlambda:\n  timeout: 30s\n"

  @Test func theQuietBaseDrawsNoWarningAndNoError() {
    #expect(warningPaths(Self.quiet).isEmpty)
    #expect(errorPaths(Self.quiet).isEmpty)
  }

  @Test func functionTimeoutMayEqualButNotExceedTheVisibilityTimeout() {
    #expect(errorPaths("queue:\n  visibility_timeout: 30s\nlambda:\n  timeout: 30s\n").isEmpty)
    #expect(errorPaths("queue:\n  visibility_timeout: 30s\nlambda:\n  timeout: 31s\n") == ["lambda.timeout"])
  }

  @Test func visibilityTimeoutBelowSixFunctionTimeoutsIsAWarning() {
    let w = warnings(scenario("queue:\n  visibility_timeout: 179s\nlambda:\n  timeout: 30s\n"))
    #expect(w.map(\.keyPath) == ["queue.visibility_timeout"])
    #expect(
      w.first?.description
        == "test.yaml:6:23: warning: queue.visibility_timeout: 179s is less than 6 × the function timeout (3m), as AWS "
        + "recommends; a throttled batch may return to the queue before Lambda can retry it")
  }

  @Test func batchesAboveTenNeedABatchingWindowOfOneSecond() {
    let base = Self.quiet + "event_source:\n"
    #expect(errorPaths(base + "  batch_size: 10\n").isEmpty)
    #expect(errorPaths(base + "  batch_size: 11\n  batching_window: 999ms\n") == ["event_source.batch_size"])
    #expect(errorPaths(base + "  batch_size: 11\n  batching_window: 1s\n").isEmpty)
  }

  @Test func reservedConcurrencyMustLeaveOneHundredUnreserved() {
    #expect(errorPaths(Self.quiet + "  reserved_concurrency: 900\n").isEmpty)
    #expect(errorPaths(Self.quiet + "  reserved_concurrency: 901\n") == ["lambda.reserved_concurrency"])
    #expect(errorPaths(Self.quiet + "  reserved_concurrency: 1900\n  account_concurrency: 2000\n").isEmpty)
  }

  @Test func maxReceiveCountBelowFiveIsAWarning() {
    #expect(warningPaths("queue:\n  visibility_timeout: 3m\n  max_receive_count: 4\n") == ["queue.max_receive_count"])
    #expect(warningPaths("queue:\n  visibility_timeout: 3m\n  max_receive_count: 5\n").isEmpty)
  }

  @Test func dlqRetentionNotLongerThanTheSourceIsAWarningOnlyWithADLQ() {
    #expect(
      warningPaths("queue:\n  visibility_timeout: 3m\n  retention: 4d\n  dlq_retention: 4d\n") == [
        "queue.dlq_retention"
      ])
    #expect(warningPaths("queue:\n  visibility_timeout: 3m\n  retention: 4d\n  dlq_retention: 5d\n").isEmpty)
    #expect(warningPaths("queue:\n  visibility_timeout: 3m\n  max_receive_count: null\n  dlq_retention: 1d\n").isEmpty)
  }

  @Test func maximumConcurrencyAboveReservedIsAWarning() {
    #expect(
      warningPaths(Self.quiet + "  reserved_concurrency: 50\nevent_source:\n  maximum_concurrency: 51\n")
        == ["event_source.maximum_concurrency"])
    #expect(warningPaths(Self.quiet + "  reserved_concurrency: 50\nevent_source:\n  maximum_concurrency: 50\n").isEmpty)
  }

  @Test func reservedConcurrencyWithoutMaximumConcurrencyIsTheThrottleTrap() {
    let w = warnings(scenario(Self.quiet + "  reserved_concurrency: 50\n"))
    #expect(w.map(\.keyPath) == ["lambda.reserved_concurrency"])
    #expect(w.first?.message.contains("set maximum_concurrency to at most 50") == true)
  }

  @Test func theSynchronousArchitectureHasNoQueueRules() {
    let sync =
      "architecture: synchronous\nlambda:\n  timeout: 60s\nqueue:\n  max_receive_count: 1\nevent_source:\n  batch_size: 50\n"
    #expect(errorPaths(sync).isEmpty)
    #expect(warningPaths(sync).isEmpty)
  }

  @Test func otherFunctionsCannotUseMoreThanTheAccount() {
    #expect(errorPaths(Self.quiet + "  other_functions_concurrency: 1001\n") == ["lambda.other_functions_concurrency"])
    #expect(errorPaths(Self.quiet + "  other_functions_concurrency: 1000\n").isEmpty)
  }

  @Test func aTraceWithABaselineWarnsThatTheBaselineIsIgnored() throws {
    let dir = try temporaryDirectory()
    try write("time_s,orders\n0,1\n", to: dir + "/t.csv")
    let yaml = "name: t\nduration: 1h\ntraffic:\n  baseline: 5/s\n  trace: t.csv\n" + Self.quiet
    let s = try ScenarioLoader.parse(text: yaml, fileName: dir + "/s.yaml")
    #expect(s.warnings.map(\.keyPath) == ["traffic.baseline"])
    #expect(s.warnings.first?.location.line == 4)
  }
}
