import PipelineModel
import Randomness
import SimulationKernel
import Testing

@testable import Scenario

/// SCENARIO.md's full example, and what a scenario gets for the keys it leaves out.
@Suite struct ScenarioFileTests {
  static func example() throws -> LoadedScenario {
    try ScenarioLoader.load(path: Fixtures.path("scenario-md-example.yaml"))
  }

  @Test func theSCENARIOmdExampleParsesTopLevelAndTraffic() throws {
    let c = try Self.example().configuration
    #expect(c.name == "thanksgiving-2026")
    #expect(c.description == "Thanksgiving to Cyber Monday, 5x on Black Friday")
    #expect(c.seed == 2026)
    #expect(c.duration == .days(5))
    #expect(c.interval == .minutes(1))
    #expect(c.startEpochSeconds == 1_795_651_200)
    #expect(c.architecture == .decoupled)
    #expect(c.traffic.baseline == 80)
    #expect(c.traffic.profile == [.init(at: .zero, x: 1), .init(at: .hours(24), x: 5)])
    #expect(c.traffic.diurnal == .init(amplitude: 0.4, peak: .hours(20)))
    #expect(c.traffic.bursts == [.init(at: .hours(24), length: .minutes(15), x: 2)])
    #expect(c.traffic.arrivals == .poisson)
    #expect(c.traffic.trace?.source == "traces/black-friday.csv")
    #expect(
      c.traffic.trace?.rows == [
        .init(time: .zero, orders: 4_800), .init(time: .seconds(60), orders: 5_100),
        .init(time: .seconds(120), orders: 5_400), .init(time: .seconds(180), orders: 9_000),
      ])
  }

  @Test func theSCENARIOmdExampleParsesOrdersQueueAndEventSource() throws {
    let c = try Self.example().configuration
    #expect(c.orders.items == .poisson(mean: 2.5))
    #expect(c.orders.defects.priceAsString == 0.003)
    #expect(c.orders.defects.malformedJSON == 0.0005)
    #expect(c.orders.defects.oversized == 0)
    #expect(c.orders.duplicates == 0.002)
    #expect(c.orders.clientRetries == 2)
    #expect(c.queue.visibilityTimeout == .seconds(30))
    #expect(c.queue.maxReceiveCount == 10)
    #expect(c.queue.retention == .days(4))
    #expect(c.queue.dlqRetention == .days(14))
    #expect(c.queue.maxMessageSize == 262_144)
    #expect(c.queue.inFlightLimit == 120_000)
    #expect(c.queue.duplicateDelivery == 0)
    #expect(c.eventSource.batchSize == 10)
    #expect(c.eventSource.batchingWindow == .zero)
    #expect(c.eventSource.maximumConcurrency == nil)
    #expect(c.eventSource.scaling == .aws2023)
    #expect(c.eventSource.reportBatchItemFailures)
  }

  @Test func theSCENARIOmdExampleParsesLambdaTableRetriesAndSLOs() throws {
    let c = try Self.example().configuration
    #expect(c.lambda.memoryMB == 1_024)
    #expect(c.lambda.timeout == .seconds(30))
    #expect(c.lambda.reservedConcurrency == nil)
    #expect(c.lambda.accountConcurrency == 1_000)
    #expect(c.lambda.otherFunctionsConcurrency == 0)
    #expect(c.lambda.coldStart == .lognormal(median: 0.3, sigma: 0.5))
    #expect(c.lambda.idleExpiry == .minutes(10))
    #expect(c.lambda.perInvocation == .lognormal(median: 0.015, sigma: 0.4))
    #expect(c.lambda.perMessage == .lognormal(median: 0.004, sigma: 0.3))
    #expect(c.table.mode == .onDemand)
    #expect(c.table.previousPeak == 2_000)
    #expect(c.table.maxWriteRate == 40_000)
    #expect(c.table.writeCapacity == 1_000)
    #expect(c.table.autoscaling == .init(min: 1_000, max: 20_000, target: 0.7))
    #expect(c.table.itemSize == .auto)
    #expect(c.table.partitions == nil)
    #expect(c.table.hotKeyShare == 0)
    #expect(c.table.latency == .lognormal(median: 0.006, sigma: 0.3))
    #expect(c.retries.mode == .legacy)
    #expect(c.retries.maxAttempts == nil)
    #expect(c.slo.p99EndToEnd == .minutes(5))
    #expect(c.slo.maxOldestAge == .minutes(15))
    #expect(c.slo.validOrdersInDLQ == 0)
    #expect(c.slo.lostOrders == 0)
  }

  @Test func theSCENARIOmdExampleHasItsVariantAndAWSWarnings() throws {
    let s = try Self.example()
    #expect(s.variants.map(\.name) == ["provisioned-3000"])
    let variant = try #require(s.variants.first)
    #expect(
      variant.overrides == [
        ScenarioOverride(keyPath: "table.mode", value: "provisioned"),
        ScenarioOverride(keyPath: "table.write_capacity", value: "3000"),
      ])
    #expect(variant.configuration.table.mode == .provisioned)
    #expect(variant.configuration.table.writeCapacity == 3_000)
    #expect(variant.configuration.seed == s.configuration.seed)
    // The example sets a 30 s visibility timeout for a 30 s function, and both a trace and a
    // baseline: AWS's advice and the trace's precedence are reported, nothing else.
    #expect(s.warnings.map(\.keyPath) == ["traffic.baseline", "queue.visibility_timeout"])
    #expect(s.warnings.allSatisfy { !$0.isError })
  }

  /// Every key of SCENARIO.md (the public contract) is a key of the format.
  static let contractKeys = [
    "name", "description", "seed", "duration", "interval", "start", "architecture", "traffic.baseline",
    "traffic.profile", "traffic.diurnal", "traffic.bursts", "traffic.trace", "traffic.arrivals", "orders.items",
    "orders.defects.price_as_string", "orders.defects.missing_field", "orders.defects.negative_quantity",
    "orders.defects.total_mismatch", "orders.defects.malformed_json", "orders.defects.oversized", "orders.duplicates",
    "orders.client_retries", "queue.visibility_timeout", "queue.max_receive_count", "queue.retention",
    "queue.dlq_retention", "queue.max_message_size", "queue.in_flight_limit", "queue.duplicate_delivery",
    "event_source.batch_size", "event_source.batching_window", "event_source.maximum_concurrency",
    "event_source.scaling", "event_source.report_batch_item_failures", "lambda.memory", "lambda.timeout",
    "lambda.reserved_concurrency", "lambda.account_concurrency", "lambda.other_functions_concurrency",
    "lambda.cold_start", "lambda.idle_expiry", "lambda.duration.per_invocation", "lambda.duration.per_message",
    "table.mode", "table.previous_peak", "table.max_write_rate", "table.write_capacity", "table.autoscaling",
    "table.item_size", "table.partitions", "table.hot_key_share", "table.latency", "retries.mode",
    "retries.max_attempts", "slo.p99_end_to_end", "slo.max_oldest_age", "slo.valid_orders_in_dlq", "slo.lost_orders",
  ]

  @Test func everySCENARIOmdKeyIsListedInSCENARIOmdOrder() throws {
    let listed = try Self.example().effectiveSettings.map(\.keyPath)
    let contractInListedOrder = listed.filter { Self.contractKeys.contains($0) }
    #expect(contractInListedOrder == Self.contractKeys)
  }

  @Test func omittedKeysTakeAWSDefaults() throws {
    let c = try #require(parse(minimalScenario).value).configuration
    #expect(c.seed == 1)
    #expect(c.interval == .minutes(1))
    #expect(c.startEpochSeconds == nil)
    #expect(c.queue.visibilityTimeout == .seconds(30))  // §1
    #expect(c.queue.retention == .days(4))  // §1
    #expect(c.queue.maxMessageSize == 1_048_576)  // §1: no start = today's limit
    #expect(c.lambda.timeout == .seconds(3))  // §3
    #expect(c.queue.inFlightLimit == 120_000)  // §1
    #expect(c.eventSource.batchSize == 10)  // §2
    #expect(c.eventSource.batchingWindow == .zero)  // §2
    #expect(c.lambda.accountConcurrency == 1_000)  // §3
    #expect(c.table.maxWriteRate == 40_000)  // §5
    #expect(c.retries.mode == .legacy)  // §4: boto3's default
  }

  @Test func omittedKeysMatchThePipelineModelDefaultsAndAreMarkedDefault() throws {
    let s = try #require(parse(minimalScenario).value)
    let reference = EffectiveSetting.list(
      PipelineConfiguration(name: "minimal", duration: .hours(1), traffic: TrafficConfiguration(baseline: 10))
    ) { _ in .default }
    #expect(s.effectiveSettings.map(\.value) == reference.map(\.value))
    let fromFile = s.effectiveSettings.filter { $0.origin == .file }.map(\.keyPath)
    #expect(fromFile == ["name", "duration", "traffic.baseline"])
  }

  @Test func loadingTwiceGivesTheSameEffectiveSettings() throws {
    #expect(try Self.example().effectiveSettingsText == Self.example().effectiveSettingsText)
  }

  @Test func effectiveSettingsReadBackAsSetArguments() throws {
    let example = try Self.example()
    // Every line, given as --set to the smallest scenario, reproduces the example exactly
    // (but the trace: a --set trace path is relative to the current folder, not the file's).
    let arguments = example.effectiveSettings.filter { $0.keyPath != "traffic.trace" }.map {
      "\($0.keyPath)=\($0.value)"
    }
    let rebuilt = try #require(parse(minimalScenario, overrides: arguments).value)
    let lines = { (s: LoadedScenario) in s.effectiveSettings.filter { $0.keyPath != "traffic.trace" }.map(\.description)
    }
    #expect(lines(rebuilt) == lines(example))
  }

  @Test func distributionsAcceptEveryFamilyAndBareConstants() throws {
    let s = try #require(
      parse(
        scenario(
          """
          lambda:
            cold_start: 250ms
            duration:
              per_invocation: {dist: gamma, mean: 10ms, cv: 0.5}
              per_message: {dist: uniform, min: 1ms, max: 5ms}
          table:
            latency: {dist: normal, mean: 10ms, sd: 2ms}
          orders:
            items: 3

          """)
      ).value)
    #expect(s.configuration.lambda.coldStart == .constant(0.25))
    #expect(s.configuration.lambda.perInvocation == .gamma(mean: 0.01, cv: 0.5))
    #expect(s.configuration.lambda.perMessage == .uniform(min: 0.001, max: 0.005))
    #expect(s.configuration.table.latency == .normal(mean: 0.01, sd: 0.002))
    #expect(s.configuration.orders.items == .constant(3))
    let more = try #require(
      parse(
        scenario(
          """
          lambda:
            cold_start: {dist: exponential, mean: 1s}
          orders:
            items: {dist: binomial, trials: 10, p: 0.3}

          """)
      ).value)
    #expect(more.configuration.lambda.coldStart == .exponential(mean: 1))
    #expect(more.configuration.orders.items == .binomial(trials: 10, p: 0.3))
  }

  @Test func optionalKeysAcceptNullAndSpecialWords() throws {
    let s = try #require(
      parse(
        scenario(
          """
          queue:
            max_receive_count: null
          event_source:
            maximum_concurrency: 50
          lambda:
            reserved_concurrency: 200
            architecture: arm64
          table:
            item_size: 1KB
            partitions: 4
          slo:
            p99_end_to_end: ~
          cost:
            free_tier: true

          """)
      ).value)
    #expect(s.configuration.queue.maxReceiveCount == nil)
    #expect(s.configuration.eventSource.maximumConcurrency == 50)
    #expect(s.configuration.lambda.reservedConcurrency == 200)
    #expect(s.configuration.lambda.cpu == .arm64)
    #expect(s.configuration.table.itemSize == .bytes(1_000))
    #expect(s.configuration.table.partitions == 4)
    #expect(s.configuration.slo.p99EndToEnd == nil)
    #expect(s.configuration.cost.freeTier)
  }

  @Test func aTraceIsReadRelativeToTheScenarioFolder() throws {
    let dir = try temporaryDirectory()
    try write("time_s,orders\r\n0,10\r\n30.5,20\r\n", to: dir + "/trace.csv")
    try write("name: t\nduration: 1h\ntraffic:\n  trace: trace.csv\n", to: dir + "/s.yaml")
    let s = try ScenarioLoader.load(path: dir + "/s.yaml")
    #expect(
      s.configuration.traffic.trace?.rows == [
        .init(time: .zero, orders: 10), .init(time: .milliseconds(30_500), orders: 20),
      ])
    #expect(s.configuration.traffic.baseline == 0)
    #expect(!s.warnings.contains { $0.keyPath?.hasPrefix("traffic") == true })
  }

  @Test func scenarioNamesMustBeFolderSafe() {
    #expect(ScenarioName.isValid("black-friday_2026.v2"))
    #expect(!ScenarioName.isValid("black friday"))
    #expect(!ScenarioName.isValid("../etc"))
    #expect(!ScenarioName.isValid(""))
  }
}
