import PipelineModel
import Testing

@testable import Reports

/// Little's law and the table's margins on a run whose figures are set by hand, so every
/// number below follows from the figures with pencil and paper.
@Suite struct SizingAdviceTests {
  /// Two 10 s intervals, the busier with 600 arrivals (60 orders/s) and 800 write units
  /// (80 WCU/s); 100 invocations billed 5 s in all, 1 s of it INIT (40 ms each); 400 messages
  /// delivered (4 per batch); a function limit of 10 and a mapping maximum of 5.
  static func result(architecture: Architecture = .decoupled) -> RunResult {
    var c = PipelineConfiguration(name: "advice", duration: .seconds(20), traffic: TrafficConfiguration(baseline: 1))
    c.architecture = architecture
    c.eventSource.maximumConcurrency = 5
    c.table.autoscaling = .init(min: 10, max: 1_000, target: 0.5)
    var result = RunResult(configuration: c)
    var quiet = IntervalRow()
    quiet.timeSeconds = 10
    quiet[.arrivals] = 100
    quiet[.tableConsumedWCU] = 200
    var busy = IntervalRow()
    busy.timeSeconds = 20
    busy[.arrivals] = 600
    busy[.tableConsumedWCU] = 800
    result.rows = [quiet, busy]
    result[.invocations] = 100
    result[.billedMilliseconds] = 5_000
    result[.initMilliseconds] = 1_000
    result[.deliveries] = 400
    result.lambdaConcurrencyLimit = 10
    result.esmCeiling = 1_250
    result.tablePeakWriteRate = 100
    return result
  }

  @Test func concurrencyNeededIsPeakRateTimesDurationOverBatchSize() throws {
    let need = try #require(SizingAdvice(Self.result()).concurrency)
    #expect(need.peakArrivalRate == 60 && need.peakArrivalAt == 20)
    #expect(abs(need.meanDuration - 0.04) < 1e-12)
    #expect(need.messagesPerBatch == 4)
    #expect(abs(need.needed - 0.6) < 1e-12)  // 60/s × 0.04 s ÷ 4
    #expect(need.cap == 5 && need.capSource == .mappingMaximum)
    #expect(need.recommended == 2, "⌈0.6 × 1.25⌉ = 1, but at least 2")
    #expect(need.fits)
    #expect(abs(need.headroom - 0.88) < 1e-12)  // 1 − 0.6 / 5
  }

  /// Synchronous: one request per invocation and no mapping, so the function's limit is the cap.
  @Test func theSynchronousDesignHasNoMappingCap() throws {
    var result = Self.result(architecture: .synchronous)
    result[.deliveries] = 100
    result[.billedMilliseconds] = 301_000  // 3 s each after INIT
    let need = try #require(SizingAdvice(result).concurrency)
    #expect(need.messagesPerBatch == 1)
    #expect(abs(need.needed - 180) < 1e-9)  // 60/s × 3 s
    #expect(need.cap == 10 && need.capSource == .function)
    #expect(!need.fits)
    #expect(need.recommended == 225)  // ⌈180 × 1.25⌉
  }

  @Test func tableAdviceAddsAQuarterToTheBusiestSecondAndInterval() {
    let table = SizingAdvice(Self.result()).table
    #expect(table.peakSecond == 100 && table.peakInterval == 80)
    #expect(table.prewarm == 125 && table.provision == 100)
    #expect(table.neededAtTarget == 160)  // 80 WCU/s at 50 % utilisation
  }

  @Test func aRunWithoutInvocationsGivesNoConcurrencyAdvice() {
    var result = Self.result()
    result[.invocations] = 0
    #expect(SizingAdvice(result).concurrency == nil)
  }
}
