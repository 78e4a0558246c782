import DequeModule
import SimulationKernel

/// The function's concurrency and its execution environments (aws-behaviour.md §3).
///
/// An invocation needs a concurrency slot under the function's limit (its reserved concurrency,
/// or the account's less what other functions use: §3 "Account concurrency quota", "Reserved
/// concurrency"), and an execution environment: a warm idle one if there is one (most recently
/// used first), otherwise a new one that pays a cold start. New environments are limited to
/// 1,000 every 10 s per function (§3 "Scaling rate – since 26/27 Nov 2023"); a request beyond
/// either limit is throttled (429). Idle environments are reclaimed after `idleExpiry`.
public struct LambdaService: Sendable {
  public let limit: Int
  public private(set) var inUse = 0
  /// Last-use times of idle warm environments, oldest first.
  var idle = Deque<Int64>()
  let idleExpiry: Int64
  /// Token bucket of new environments: 1,000 per 10 s, refilled continuously.
  var newEnvironmentTokens: Double
  var tokensUpdatedAt: Int64 = 0
  static let scalingBurst = 1_000.0
  static let scalingRefillPerSecond = 100.0

  public enum Acquisition { case warm, cold, throttled }

  public init(configuration: LambdaConfiguration) {
    limit = configuration.concurrencyLimit
    idleExpiry = configuration.idleExpiry.nanoseconds
    newEnvironmentTokens = Self.scalingBurst
  }

  /// Environments alive (busy or idle) after reclaiming expired idle ones.
  public mutating func environments(now: SimTime) -> Int {
    reclaimIdle(now: now)
    return inUse + idle.count
  }

  @inline(__always)
  mutating func reclaimIdle(now: SimTime) {
    let cutoff = now.nanoseconds - idleExpiry
    while let oldest = idle.first, oldest <= cutoff { idle.removeFirst() }
  }

  /// Takes a concurrency slot and an environment, or reports a throttle.
  public mutating func acquire(now: SimTime) -> Acquisition {
    guard inUse < limit else { return .throttled }
    reclaimIdle(now: now)
    if idle.popLast() != nil {
      inUse += 1
      return .warm
    }
    let elapsed = Double(now.nanoseconds - tokensUpdatedAt) / 1e9
    newEnvironmentTokens = min(Self.scalingBurst, newEnvironmentTokens + elapsed * Self.scalingRefillPerSecond)
    tokensUpdatedAt = now.nanoseconds
    guard newEnvironmentTokens >= 1 else { return .throttled }
    newEnvironmentTokens -= 1
    inUse += 1
    return .cold
  }

  /// Returns the slot; the environment stays warm for `idleExpiry`.
  public mutating func release(now: SimTime) {
    inUse -= 1
    idle.append(now.nanoseconds)
  }
}
