import PipelineModel
import SimulationKernel
import Testing

/// Event poller units (aws-behaviour.md §2 "Provisioned mode for SQS ESM": "Charged extra
/// (Event Poller Units)"): one EPU per event poller, billed per second of provisioned time at
/// the scenario's `cost.event_poller_unit_hour_usd` (AWS's price was not found).
@Suite struct ProvisionedPollerBillingTests {
  @Test func eventPollerUnitHoursArePricedAtTheScenariosPrice() {
    var c = TestConfigurations.base(rate: 0, duration: .hours(2))
    c.eventSource.provisionedMode = .init(minimumPollers: 4, maximumPollers: 8)
    c.cost.eventPollerUnitHourUSD = 0.25
    var result = RunResult(configuration: c)
    result.eventPollerSeconds = 4 * 7_200 + 3_600  // 4 pollers for 2 h, a fifth for 1 h
    let cost = result.cost
    #expect(abs(cost.eventPollerUnitHours - 9) < 1e-12)
    #expect(abs(cost.eventPollers - 2.25) < 1e-12)
    #expect(abs(cost.total - (cost.lambda + cost.sqs + cost.dynamodb + 2.25)) < 1e-12)
  }

  @Test func withoutAPriceTheHoursAreCountedButNotCharged() {
    var c = TestConfigurations.base(rate: 0, duration: .hours(1))
    c.eventSource.provisionedMode = .init()
    var result = RunResult(configuration: c)
    result.eventPollerSeconds = 7_200
    #expect(result.cost.eventPollerUnitHours == 2)
    #expect(result.cost.eventPollers == 0)
  }

  @Test func anIdleRunBillsItsMinimumPollersForTheWholeRun() throws {
    var c = TestConfigurations.base(rate: 0, duration: .hours(1))
    c.eventSource.provisionedMode = .init(minimumPollers: 5, maximumPollers: 100)
    c.cost.eventPollerUnitHourUSD = 0.1
    let result = try Simulation.run(c)
    // §2 "minimum pollers always ready": 5 EPUs for the hour, nothing more with nothing to do.
    #expect(abs(result.cost.eventPollerUnitHours - 5) < 0.01, "\(result.cost.eventPollerUnitHours) EPU-hours")
    #expect(abs(result.cost.eventPollers - 0.5) < 0.001)
  }
}
