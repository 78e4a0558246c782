import Randomness
import SimulationKernel

/// `lambda`: the order-processor function (aws-behaviour.md §3). Distributions are in seconds.
public struct LambdaConfiguration: Sendable {
  /// §3 "Memory and CPU": 128 – 10,240 MB.
  public var memoryMB: Int = 1_024
  /// §3 "Timeout": 1 – 900 s, default 3 s (`CreateFunction`'s `Timeout`).
  public var timeout: SimDuration = .seconds(3)
  /// §3 "Reserved concurrency": both floor and ceiling; `nil` = not set.
  public var reservedConcurrency: Int?
  /// §3 "Account concurrency quota": 1,000 per Region.
  public var accountConcurrency: Int = 1_000
  /// Concurrency the rest of the account uses.
  public var otherFunctionsConcurrency: Int = 0
  /// §3 "Cold-start duration": INIT of a new execution environment.
  public var coldStart: Distribution = .lognormal(median: 0.300, sigma: 0.5)
  /// Idle lifetime of a warm environment (not documented by AWS; §9).
  public var idleExpiry: SimDuration = .minutes(10)
  /// Handler time per invocation and per message in the batch.
  public var perInvocation: Distribution = .lognormal(median: 0.015, sigma: 0.4)
  public var perMessage: Distribution = .lognormal(median: 0.004, sigma: 0.3)
  /// §3 "Price – duration": x86_64 or arm64.
  public var cpu: CPUArchitecture = .x86
  /// SCENARIO.md `lambda.duration.measured_at`: the memory at which `perInvocation` and
  /// `perMessage` were measured; `nil` = at `memoryMB` (no scaling).
  public var measuredAtMB: Int?
  /// SCENARIO.md `lambda.duration.cpu_bound`: the share of the handler's time that scales with
  /// the CPU a memory size gets (§10 "Lambda memory and CPU"); 0 = none.
  public var cpuBound: Double = 0
  /// §3 "Provisioned concurrency": pre-initialised environments (SCENARIO.md
  /// `lambda.provisioned_concurrency`); 0 = none.
  public var provisionedConcurrency: Int = 0

  public init() {}

  /// Concurrency this function can use: its reservation, or what the account leaves over.
  public var concurrencyLimit: Int {
    reservedConcurrency ?? max(0, accountConcurrency - otherFunctionsConcurrency)
  }

  public enum CPUArchitecture: String, Sendable, CaseIterable {
    /// `x86_64` in AWS's API and in scenario files.
    case x86 = "x86_64"
    case arm64
  }
}
