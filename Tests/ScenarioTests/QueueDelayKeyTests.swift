import PipelineModel
import Testing

@testable import Scenario

/// `queue.delay` (aws-behaviour.md §1 "Delay") and `queue.receive_wait_time` (§1 "Long
/// polling"): their ranges, and that a scenario without them reports as before.
@Suite struct QueueDelayKeyTests {
  @Test func queueDelayReadsADurationUpToFifteenMinutes() throws {
    let s = try parse(scenario("queue:\n  delay: 15m\n  receive_wait_time: 20s\n")).get()
    #expect(s.configuration.queue.delay == .minutes(15))
    #expect(s.configuration.queue.receiveWaitTime == .seconds(20))
    let listed = s.effectiveSettings.filter { $0.keyPath.hasPrefix("queue.") && $0.origin == .file }
    #expect(listed.map(\.description) == ["queue.delay = 15m", "queue.receive_wait_time = 20s"])
  }

  /// §1 "Delay": DelaySeconds 0 – 900 s.
  @Test(arguments: ["16m", "-1s"]) func aDelayOutsideZeroToFifteenMinutesIsALocatedError(_ value: String) {
    let errors = diagnostics(scenario("queue:\n  delay: \(value)\n"))
    #expect(errors.count == 1)
    #expect(errors.first?.keyPath == "queue.delay")
    #expect(errors.first?.location.description == "test.yaml:6:10", "\(errors.map(\.description))")
  }

  /// §1 "Long polling": WaitTimeSeconds 0 – 20 s.
  @Test func aReceiveWaitTimeOverTwentySecondsIsALocatedError() {
    let errors = diagnostics(scenario("queue:\n  receive_wait_time: 21s\n"))
    #expect(errors.map(\.keyPath) == ["queue.receive_wait_time"])
  }

  @Test func aScenarioWithoutTheKeysDoesNotListThem() throws {
    let keys = try parse(minimalScenario).get().effectiveSettings.map(\.keyPath)
    #expect(!keys.contains("queue.delay") && !keys.contains("queue.receive_wait_time"))
  }
}
