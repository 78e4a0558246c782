import SimulationKernel
import Testing

@testable import PipelineModel

/// Issue 12 item 6: rules AWS changed on a date follow the scenario's `start`; items over
/// DynamoDB's limit are refused; synchronous clients do not retry a 4xx.
@Suite struct DateRuleTests {
  static let october2023: Int64 = 1_696_118_400  // 2023-10-01
  static let december2023: Int64 = 1_701_388_800  // 2023-12-01
  static let july2025: Int64 = 1_751_328_000  // 2025-07-01
  static let september2025: Int64 = 1_756_684_800  // 2025-09-01

  /// §2 "Scale-up rate": +60/min (`aws2019`) before the Nov 2023 change, +300/min after.
  @Test func eventSourceScalingBeforeNovember2023IsAws2019() {
    #expect(DateRules.eventSourceScaling(at: Self.october2023) == .aws2019)
    #expect(DateRules.eventSourceScaling(at: Self.december2023) == .aws2023)
    #expect(DateRules.eventSourceScaling(at: nil) == .aws2023)
  }

  /// §1 "Maximum message size": 256 KiB before AWS raised it in August 2025, 1 MiB after.
  @Test func maxMessageSizeIs256KiBBeforeAugust2025And1MiBAfter() {
    #expect(DateRules.maxMessageSize(at: Self.july2025) == 262_144)
    #expect(DateRules.maxMessageSize(at: Self.september2025) == 1_048_576)
    #expect(DateRules.maxMessageSize(at: nil) == 1_048_576)
  }

  /// §3 "Scaling rate – before Nov 2023": a burst of 3,000 new environments, then +500/min;
  /// since then 1,000 per 10 s per function.
  @Test func lambdaBurstBeforeNovember2023Is3000ThenFiveHundredAMinute() {
    func coldStartsAtOnce(_ scaling: DateRules.LambdaScaling, after seconds: Int64 = 0) -> Int {
      var envs = ExecutionEnvironments(limit: 10_000, idleExpiry: .minutes(10), scaling: scaling)
      var n = 0
      while case .cold = envs.acquire(now: .zero) { n += 1 }
      var more = 0
      while case .cold = envs.acquire(now: .zero + .seconds(seconds)) { more += 1 }
      return seconds == 0 ? n : more
    }
    #expect(coldStartsAtOnce(DateRules.lambdaScaling(at: Self.october2023)) == 3_000)
    #expect(coldStartsAtOnce(DateRules.lambdaScaling(at: Self.october2023), after: 60) == 500)
    #expect(coldStartsAtOnce(DateRules.lambdaScaling(at: Self.december2023)) == 1_000)
    #expect(coldStartsAtOnce(DateRules.lambdaScaling(at: Self.december2023), after: 10) == 1_000)
  }

  /// §3 "Timeout": AWS's default is 3 s.
  @Test func lambdaTimeoutDefaultsToThreeSeconds() {
    #expect(LambdaConfiguration().timeout == .seconds(3))
  }

  /// §5 "Capacity units": "Max item size 400 KB". An item over it is refused with a
  /// ValidationException — a function error for that message — not capped at 400 units.
  @Test func itemsOverFourHundredKilobytesAreRejectedNotCapped() throws {
    var c = TestConfigurations.base(rate: 1, duration: .minutes(3))
    c.table.itemSize = .bytes(409_601)
    c.queue.visibilityTimeout = .seconds(5)
    c.queue.maxReceiveCount = 2
    c.traffic.bursts = [.init(at: .minutes(1), length: .minutes(2), x: 0)]
    let r = try Simulation.run(c)
    #expect(r.count(.validOrders) > 0)
    #expect(r.ledger.persisted == 0, "§5: an item over 400 KB is never written")
    #expect(r.tableConsumedWCU == 0)
    let tooLarge = r.dlqByReason.first { $0.reason == .itemTooLarge }?.count ?? 0
    #expect(tooLarge > 0, "§5: the refused orders reach the DLQ as item_too_large")

    var atLimit = c
    atLimit.table.itemSize = .bytes(409_600)
    let ok = try Simulation.run(atLimit)
    #expect(ok.ledger.persisted == ok.count(.validOrders))
    #expect(ok.tableConsumedWCU == 400 * Double(ok.ledger.persisted))
  }

  /// §4 "Conditional-check failures" and HTTP semantics: a 4xx (an invalid order) fails the
  /// same way every time; the synchronous client gives up on it at once instead of retrying.
  @Test func synchronousClientsDoNotRetryInvalidOrders() throws {
    var c = TestConfigurations.base(rate: 5, duration: .minutes(2))
    c.architecture = .synchronous
    c.orders.defects.missingField = 1
    c.orders.clientRetries = 3
    let r = try Simulation.run(c)
    #expect(r.count(.arrivals) > 0)
    #expect(r.count(.validOrders) == 0)
    #expect(r.count(.clientRequests) == r.ledger.sent, "a 4xx is not retried: one request per order copy")
    #expect(r.count(.lost) == 0)
  }
}
