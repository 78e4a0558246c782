import Testing

@testable import Scenario

/// `event_source.provisioned_mode` (SCENARIO.md "Additions"; aws-behaviour.md §2 "Provisioned
/// mode for SQS ESM"): AWS's ranges for SQS, its defaults, and the rule that AWS rejects
/// provisioned mode together with maximum concurrency.
@Suite struct ProvisionedModeSettingTests {
  static let base = ConsistencyRuleTests.quiet + "event_source:\n"

  @Test func anEmptyMappingTakesAWSsDefaults() throws {
    let s = try parse(scenario(Self.base + "  provisioned_mode: {}\n")).get()
    #expect(s.configuration.eventSource.provisionedMode == .init(minimumPollers: 2, maximumPollers: 200))
    let plain = try parse(scenario(Self.base + "  batch_size: 10\n")).get()
    #expect(plain.configuration.eventSource.provisionedMode == nil, "null by default: standard scaling")
  }

  @Test func provisionedModeWithMaximumConcurrencyIsAnError() {
    let errors = diagnostics(
      scenario(Self.base + "  maximum_concurrency: 50\n  provisioned_mode: {minimum_pollers: 5}\n"))
    // §2: mutually exclusive with MaximumConcurrency; AWS rejects both.
    #expect(errors.map(\.keyPath) == ["event_source.provisioned_mode"])
    #expect(
      errors.first?.description
        == "test.yaml:11:21: error: event_source.provisioned_mode: provisioned mode and "
        + "event_source.maximum_concurrency (found 50) are mutually exclusive; AWS rejects an event source mapping "
        + "with both: remove one (set maximum_concurrency to null)")
    #expect(diagnostics(scenario(Self.base + "  maximum_concurrency: null\n  provisioned_mode: {}\n")).isEmpty)
  }

  @Test func theMutualExclusionAlsoHoldsForSetAndVariants() {
    let errors = diagnostics(
      scenario(Self.base + "  provisioned_mode: {}\n"), overrides: ["event_source.maximum_concurrency=20"])
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("mutually exclusive") == true)
  }

  @Test func pollerCountsFollowAWSsRangesForSQS() {
    func errors(_ mode: String) -> [String?] {
      diagnostics(scenario(Self.base + "  provisioned_mode: \(mode)\n")).map(\.keyPath)
    }
    #expect(errors("{minimum_pollers: 2, maximum_pollers: 2}").isEmpty)
    #expect(errors("{minimum_pollers: 200, maximum_pollers: 10000}").isEmpty)
    #expect(errors("{minimum_pollers: 1}") == ["event_source.provisioned_mode.minimum_pollers"])
    #expect(errors("{minimum_pollers: 201}") == ["event_source.provisioned_mode.minimum_pollers"])
    #expect(errors("{maximum_pollers: 10001}") == ["event_source.provisioned_mode.maximum_pollers"])
    #expect(errors("{minimum_pollers: 50, maximum_pollers: 20}") == ["event_source.provisioned_mode"])
    #expect(errors("{minimum: 5}") == ["event_source.provisioned_mode.minimum"])
  }

  @Test func theEPUPriceIsASetting() throws {
    let s = try parse(scenario("cost:\n  event_poller_unit_hour_usd: 0.125\n")).get()
    #expect(s.configuration.cost.eventPollerUnitHourUSD == 0.125)
    #expect(try parse(scenario("")).get().configuration.cost.eventPollerUnitHourUSD == nil)
  }
}
