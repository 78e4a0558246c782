/// How a memory size changes the handler's time (aws-behaviour.md §3 "Memory and CPU", §10
/// "Lambda memory and CPU"): Lambda gives CPU in proportion to memory, one vCPU at 1,769 MB, up
/// to six at 10,240 MB. The handler is single-threaded (one Python or Node.js thread), so it
/// gains nothing past one vCPU: its speed is `min(memory, 1,769) / 1,769` of one vCPU.
///
/// Only the CPU-bound share (`cpu_bound`) of a duration measured at `measured_at` scales:
/// `time(memory) = time × ((1 − cpu_bound) + cpu_bound × speed(measured_at) / speed(memory))`.
/// The rest (waiting on the network) does not depend on memory. INIT and DynamoDB latency are
/// not scaled.
public enum CPUScaling {
  /// §3 "Memory and CPU": 1,769 MB = one vCPU.
  public static let oneVCPUMegabytes = 1_769.0

  /// vCPUs a memory size gets: proportional to memory (≈ 5.8 at 10,240 MB).
  public static func vCPUs(memoryMB: Int) -> Double { Double(memoryMB) / oneVCPUMegabytes }

  /// The speed of single-threaded work: the vCPU share, at most one vCPU.
  public static func singleThreadSpeed(memoryMB: Int) -> Double { min(1, vCPUs(memoryMB: memoryMB)) }

  /// The factor on handler time at `configuration.memoryMB` for durations measured at
  /// `measuredAtMB` (exactly 1 when nothing scales, so runs without these keys are unchanged).
  public static func durationFactor(_ configuration: LambdaConfiguration) -> Double {
    guard configuration.cpuBound > 0, let measured = configuration.measuredAtMB, measured != configuration.memoryMB
    else { return 1 }
    let ratio = singleThreadSpeed(memoryMB: measured) / singleThreadSpeed(memoryMB: configuration.memoryMB)
    return (1 - configuration.cpuBound) + configuration.cpuBound * ratio
  }
}
