import SimulationKernel
import Testing

@testable import PipelineModel

/// Issue 12 item 7, aws-behaviour.md §3 "Memory and CPU", §10 "Lambda memory and CPU": the
/// CPU-bound share of the handler's time scales with the vCPU share of the memory size (one
/// vCPU at 1,769 MB); single-threaded work gains nothing past one vCPU.
@Suite struct MemoryScalingTests {
  static func lambda(memory: Int, measuredAt: Int?, cpuBound: Double) -> LambdaConfiguration {
    var l = LambdaConfiguration()
    l.memoryMB = memory
    l.measuredAtMB = measuredAt
    l.cpuBound = cpuBound
    return l
  }

  @Test func halfTheMemoryBelowOneVCPUDoublesTheCPUBoundShare() {
    let f = CPUScaling.durationFactor(Self.lambda(memory: 512, measuredAt: 1_024, cpuBound: 0.6))
    #expect(abs(f - (0.4 + 0.6 * 2)) < 1e-12)
  }

  @Test func singleThreadedWorkGainsNothingPastOneVCPU() {
    let at1769 = CPUScaling.durationFactor(Self.lambda(memory: 1_769, measuredAt: 1_024, cpuBound: 1))
    let at10240 = CPUScaling.durationFactor(Self.lambda(memory: 10_240, measuredAt: 1_024, cpuBound: 1))
    #expect(abs(at1769 - 1_024.0 / 1_769) < 1e-12)
    #expect(at10240 == at1769, "§10: single-threaded code gains nothing beyond one vCPU")
    #expect(abs(CPUScaling.vCPUs(memoryMB: 10_240) - 5.79) < 0.01, "§3: up to 6 vCPUs at 10,240 MB")
  }

  @Test func noCPUBoundShareOrNoMeasuredMemoryMeansNoScaling() {
    #expect(CPUScaling.durationFactor(Self.lambda(memory: 128, measuredAt: 1_024, cpuBound: 0)) == 1)
    #expect(CPUScaling.durationFactor(Self.lambda(memory: 128, measuredAt: nil, cpuBound: 1)) == 1)
  }

  /// A run at a quarter of the measured memory bills a CPU-bound handler four times as long.
  @Test func aCPUBoundHandlerRunsLongerWithLessMemory() throws {
    var c = TestConfigurations.base(rate: 2, duration: .minutes(5))
    c.traffic.arrivals = .uniform
    c.traffic.bursts = [.init(at: .minutes(4), length: .minutes(1), x: 0)]  // every invocation ends
    c.lambda.perInvocation = .constant(0.100)
    c.lambda.perMessage = .constant(0)
    c.lambda.measuredAtMB = 1_024
    c.lambda.cpuBound = 1
    c.lambda.memoryMB = 1_024
    let measured = try Simulation.run(c)
    c.lambda.memoryMB = 256
    let small = try Simulation.run(c)
    let perInvocation = { (r: RunResult) in r[.billedMilliseconds] / Double(r.count(.invocations)) }
    #expect(perInvocation(measured) == 100)
    #expect(perInvocation(small) == 400)
  }
}
