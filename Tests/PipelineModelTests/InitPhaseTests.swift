import PipelineModel
import SimulationKernel
import Testing

/// aws-behaviour.md §3 "INIT phase limit": on-demand INIT has its own 10 s limit and runs
/// before the handler, outside the function timeout; an INIT that overruns 10 s is retried at
/// the first invocation, under the function timeout.
@Suite struct InitPhaseTests {
  static func coldStarts(initSeconds: Double, timeout: SimDuration) -> PipelineConfiguration {
    var c = TestConfigurations.base(rate: 20, duration: .minutes(3))
    c.eventSource.batchSize = 1
    c.lambda.perInvocation = .constant(0.8)
    c.lambda.perMessage = .constant(0)
    c.lambda.coldStart = .constant(initSeconds)
    c.lambda.timeout = timeout
    c.queue.visibilityTimeout = .seconds(60)
    c.interval = .minutes(1)
    return c
  }

  @Test func coldStartDoesNotCountAgainstTheFunctionTimeout() throws {
    // 2 s of INIT plus 0.8 s of handler would overrun a 1 s timeout if INIT counted.
    let result = try Simulation.run(Self.coldStarts(initSeconds: 2, timeout: .seconds(1)))
    #expect(result.count(.coldStarts) > 10)
    #expect(
      result.count(.functionErrors) == 0, "§3 INIT phase limit: \(result.count(.functionErrors)) cold batches timed out"
    )
    #expect(abs(result[.initMilliseconds] - Double(result.count(.coldStarts)) * 2_000) < 1e-6)
  }

  @Test func initOverTenSecondsIsRetriedUnderTheFunctionTimeout() throws {
    // 12 s of INIT is cut at 10 s and run again inside the invocation, where a 5 s timeout
    // kills it: every cold batch fails, every warm one succeeds.
    let result = try Simulation.run(Self.coldStarts(initSeconds: 12, timeout: .seconds(5)))
    #expect(result.count(.coldStarts) > 0)
    #expect(
      result.count(.functionErrors) == result.count(.coldStarts),
      "§3 INIT phase limit: \(result.count(.functionErrors)) errors, \(result.count(.coldStarts)) cold starts")
    #expect(result.ledger.persisted > 0)
  }
}
