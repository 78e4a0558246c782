import PipelineModel
import Randomness
import Testing

@testable import Scenario

/// `--set PATH=VALUE`: VALUE is YAML; paths are checked; problems name `--set`.
@Suite struct OverrideTests {
  static let base = scenario(
    """
    lambda:
      cold_start: {dist: lognormal, median: 300ms, sigma: 0.5}
    table:
      mode: on_demand
      write_capacity: 2000

    """)

  @Test func aScalarOverrideReplacesTheFileValue() throws {
    let s = try #require(parse(Self.base, overrides: ["event_source.batch_size=5"]).value)
    #expect(s.configuration.eventSource.batchSize == 5)
    #expect(s.effectiveSettings.first { $0.keyPath == "event_source.batch_size" }?.origin == .commandLine)
    #expect(s.overrides == [ScenarioOverride(keyPath: "event_source.batch_size", value: "5")])
  }

  @Test func aFlowMappingOverrideReplacesADistribution() throws {
    let s = try #require(parse(Self.base, overrides: ["lambda.cold_start={dist: constant, value: 0s}"]).value)
    #expect(s.configuration.lambda.coldStart == .constant(0))
  }

  @Test func nullRemovesTheRedrivePolicy() throws {
    let s = try #require(parse(Self.base, overrides: ["queue.max_receive_count=null"]).value)
    #expect(s.configuration.queue.maxReceiveCount == nil)
  }

  @Test func anOverrideCanReachIntoADistribution() throws {
    let s = try #require(parse(Self.base, overrides: ["lambda.cold_start.median=200ms"]).value)
    #expect(s.configuration.lambda.coldStart == .lognormal(median: 0.2, sigma: 0.5))
  }

  @Test func aSectionMappingMergesIntoTheFileSection() throws {
    let s = try #require(parse(Self.base, overrides: ["table={mode: provisioned}"]).value)
    #expect(s.configuration.table.mode == .provisioned)
    #expect(s.configuration.table.writeCapacity == 2_000)
  }

  @Test func laterOverridesWinAndMissingSectionsAreCreated() throws {
    let s = try #require(
      parse(
        minimalScenario, overrides: ["slo.lost_orders=5", "event_source.batch_size=3", "event_source.batch_size=7"]
      ).value)
    #expect(s.configuration.slo.lostOrders == 5)
    #expect(s.configuration.eventSource.batchSize == 7)
  }

  @Test func aTraceGivenWithSetIsReadFromThatPath() throws {
    let path = Fixtures.path("traces/black-friday.csv")
    let s = try #require(
      parse(minimalScenario, overrides: ["traffic.trace=\(path)"], fileName: "elsewhere/s.yaml").value)
    #expect(s.configuration.traffic.trace?.rows.count == 4)
    #expect(s.configuration.traffic.trace?.source == path)
  }

  @Test func theSeedOverrideReplacesTheFileSeed() throws {
    let s = try #require(parse(scenario("seed: 7\n"), seed: 99).value)
    #expect(s.configuration.seed == 99)
    #expect(s.effectiveSettings.first { $0.keyPath == "seed" }?.origin == .commandLine)
  }

  @Test func anUnknownPathIsAnErrorWithDidYouMeanNamingSet() throws {
    let errors = diagnostics(Self.base, overrides: ["event_source.batchsize=3"])
    let d = try #require(errors.first)
    #expect(errors.count == 1)
    #expect(d.location.source == .commandLine("event_source.batchsize=3"))
    #expect(d.location.line == nil)
    #expect(d.message.contains("did you mean 'event_source.batch_size'?"))
    #expect(d.description.hasPrefix("--set event_source.batchsize=3: error: event_source.batchsize: unknown key"))
  }

  @Test func aKeyInTheWrongSectionSuggestsItsSection() throws {
    let d = try #require(diagnostics(Self.base, overrides: ["queue.batch_size=3"]).first)
    #expect(d.message.contains("did you mean 'event_source.batch_size'?"))
  }

  @Test func aBadValueIsReportedAgainstSetNotTheFile() throws {
    let errors = diagnostics(Self.base, overrides: ["event_source.batch_size=0"])
    #expect(
      errors.map(\.description) == [
        "--set event_source.batch_size=0: error: event_source.batch_size: must be an integer from 1 to 10000, found 0"
      ])
  }

  @Test func anArgumentWithoutEqualsOrWithBrokenYAMLIsAnError() {
    let errors = diagnostics(Self.base, overrides: ["event_source.batch_size", "lambda.cold_start={dist: constant"])
    #expect(errors.count == 2)
    #expect(errors[0].message.contains("expected PATH=VALUE"))
    #expect(errors[1].keyPath == "lambda.cold_start")
    #expect(errors[1].message.hasPrefix("YAML syntax"))
  }

  @Test func innerKeysOfSingleValuesAreRejected() {
    let errors = diagnostics(Self.base, overrides: ["event_source.batch_size.max=3", "lambda.cold_start.mediam=1s"])
    #expect(errors.map(\.keyPath) == ["event_source.batch_size.max", "lambda.cold_start.mediam"])
    #expect(errors[1].message.contains("did you mean 'lambda.cold_start.median'?"))
  }
}

/// `variants:`: each applies its keys to the scenario (after `--set`), keeping the seed.
@Suite struct VariantTests {
  static let file = scenario(
    """
    seed: 42
    table:
      mode: on_demand
    variants:
      - name: provisioned-3000
        description: fixed capacity
        set: {table.mode: provisioned, table.write_capacity: 3000}
      - name: small-batches
        set:
          event_source.batch_size: 2
          lambda.cold_start: {dist: constant, value: 0s}

    """)

  @Test func eachVariantAppliesItsKeysOnTheSameBase() throws {
    let s = try #require(parse(Self.file).value)
    #expect(s.variants.map(\.name) == ["provisioned-3000", "small-batches"])
    let provisioned = try #require(s.variant(named: "provisioned-3000"))
    #expect(provisioned.description == "fixed capacity")
    #expect(s.configuration(for: provisioned).table.mode == .provisioned)
    #expect(s.configuration(for: provisioned).table.writeCapacity == 3_000)
    #expect(s.configuration(for: provisioned).eventSource.batchSize == 10)
    let small = try #require(s.variant(named: "small-batches"))
    #expect(small.configuration.eventSource.batchSize == 2)
    #expect(small.configuration.lambda.coldStart == .constant(0))
    #expect(small.configuration.table.mode == .onDemand)
    #expect(s.configuration.table.mode == .onDemand)
    #expect(s.variants.allSatisfy { $0.configuration.seed == 42 })
  }

  @Test func variantsInheritSetArgumentsButTheirOwnKeysWin() throws {
    let s = try #require(
      parse(
        Self.file, overrides: ["traffic.baseline=500/s", "table.mode=provisioned", "table.write_capacity=10"], seed: 5
      ).value)
    let provisioned = try #require(s.variant(named: "provisioned-3000"))
    #expect(provisioned.configuration.traffic.baseline == 500)
    #expect(provisioned.configuration.table.writeCapacity == 3_000)
    #expect(provisioned.configuration.seed == 5)
    #expect(provisioned.effectiveSettings.first { $0.keyPath == "table.write_capacity" }?.origin == .variant)
    #expect(provisioned.effectiveSettings.first { $0.keyPath == "traffic.baseline" }?.origin == .commandLine)
  }

  @Test func variantProblemsNameTheVariantAndPointIntoTheFile() throws {
    let errors = diagnostics(
      scenario(
        """
        variants:
          - name: bad
            set: {table.write_capacity: 0, table.wcu: 5}
          - name: bad
            set: {}

        """))
    // In reading order: the bad value (column 33), the unknown key (column 36), the repeated name.
    #expect(errors.map(\.keyPath) == ["table.write_capacity", "variants[0].set.table.wcu", "variants[1].name"])
    #expect(errors[0].variant == "bad")
    #expect(
      errors[0].description
        == "test.yaml:7:33: error: variant 'bad': table.write_capacity: must be an integer from 1 to 10000000, found 0")
    #expect(errors[1].location.line == 7 && errors[1].location.column == 36)
    #expect(errors[2].message.contains("used twice (first on line 6)"))
  }

  @Test func aVariantCannotRenameTheScenario() {
    let errors = diagnostics(scenario("variants:\n  - {name: x, set: {name: y}}\n"))
    #expect(errors.map(\.keyPath) == ["variants[0].set.name"])
  }

  @Test func variantsReportOnlyTheWarningsTheyAdd() throws {
    let s = try #require(
      parse(
        scenario(
          """
          queue:
            max_receive_count: 3
          variants:
            - name: fewer-receives
              set: {queue.max_receive_count: 2}
            - name: same
              set: {}

          """)
      ).value)
    #expect(s.warnings.contains { $0.keyPath == "queue.max_receive_count" })
    #expect(s.variant(named: "fewer-receives")?.warnings.map(\.keyPath) == ["queue.max_receive_count"])
    #expect(s.variant(named: "same")?.warnings.isEmpty == true)
  }
}
