import BasicContainers
import DequeModule
import SimulationKernel

/// The function's concurrency and its execution environments (aws-behaviour.md §3).
///
/// An invocation needs a concurrency slot under the function's limit (its reserved concurrency,
/// or the account's less what other functions use: §3 "Account concurrency quota", "Reserved
/// concurrency"), and an execution environment: a warm idle one if there is one (most recently
/// used first), otherwise a new one that pays a cold start. New environments are limited to
/// 1,000 every 10 s per function (§3 "Scaling rate – since 26/27 Nov 2023"); a request beyond
/// either limit is throttled (429); before Nov 2023 the rule was a burst of 3,000 then +500 per
/// minute (§3 "Scaling rate – before Nov 2023", chosen by ``DateRules/lambdaScaling(at:)``).
/// Idle environments are reclaimed after `idleExpiry`.
///
/// Provisioned concurrency (§3 "Provisioned concurrency"): the first `provisioned` environments
/// are initialised before the run, are never reclaimed and never pay a cold start; an
/// invocation takes one of them when one is free and spills over to on-demand environments
/// (warm or cold, under the scaling rate) beyond them. They count against the same concurrency
/// limit.
///
/// Each environment has an identity: what lives in it (the SDK client's retry quota, §4) lasts
/// as long as it does.
/// Noncopyable: its slot arrays are `UniqueArray`s, written without copy-on-write's uniqueness
/// check (``LambdaFunction``).
struct ExecutionEnvironments: ~Copyable, Sendable {
  /// One execution environment.
  struct Environment: Sendable {
    var lastUsed = SimTime.zero
    /// The SDK client's retry quota in standard mode (§4 "Standard mode"): one client per
    /// environment, created at INIT.
    var retryTokens = SDKRetryPolicy.quotaCapacity
    /// The version it was created for (``AliasRouting``'s slot): a new version gets new
    /// environments (§10 "Provisioned concurrency during a shift": it starts cold).
    var version: UInt8 = 0
  }

  let limit: Int
  private(set) var inUse = 0
  var environments = UniqueArray<Environment>()
  var freeEnvironments = UniqueArray<UInt32>()
  /// Idle warm environments of version slot 0, least recently used first.
  var idle = Deque<UInt32>()
  /// Idle warm environments of version slot 1 (a deployment's other version).
  var idleOtherVersion = Deque<UInt32>()
  let idleExpiry: SimDuration
  /// Token bucket of new environments: 1,000 per 10 s, refilled continuously.
  var newEnvironmentTokens: Double
  var tokensUpdatedAt = SimTime.zero
  let scalingBurst: Double
  let scalingRefillPerSecond: Double
  /// Environments `0 ..< provisioned` are the provisioned ones.
  let provisioned: Int
  /// Free provisioned environments.
  var provisionedIdle = UniqueArray<UInt32>()

  enum Acquisition {
    case warm(UInt32)
    case cold(UInt32)
    case throttled
  }

  init(
    limit: Int, idleExpiry: SimDuration, provisioned: Int = 0, scaling: DateRules.LambdaScaling = .perFunction
  ) {
    self.limit = limit
    self.idleExpiry = idleExpiry
    self.provisioned = provisioned
    scalingBurst = scaling.burst
    scalingRefillPerSecond = scaling.refillPerSecond
    newEnvironmentTokens = scaling.burst
    for index in 0..<provisioned {
      environments.append(Environment())
      provisionedIdle.append(UInt32(provisioned - 1 - index))
    }
  }

  /// Whether `environment` is one of the provisioned ones.
  @inline(__always)
  func isProvisioned(_ environment: UInt32) -> Bool { Int(environment) < provisioned }

  @inline(__always)
  mutating func reclaimIdle(now: SimTime) {
    let cutoff = now - idleExpiry
    while let oldest = idle.first, environments[Int(oldest)].lastUsed <= cutoff {
      idle.removeFirst()
      freeEnvironments.append(oldest)
    }
    while let oldest = idleOtherVersion.first, environments[Int(oldest)].lastUsed <= cutoff {
      idleOtherVersion.removeFirst()
      freeEnvironments.append(oldest)
    }
  }

  /// Takes a concurrency slot and an environment of `version`, or reports a throttle.
  mutating func acquire(now: SimTime, version: UInt8 = 0) -> Acquisition {
    guard inUse < limit else { return .throttled }
    if let ready = provisionedIdle.popLast() {
      inUse += 1
      return .warm(ready)
    }
    reclaimIdle(now: now)
    if let warm = version == 0 ? idle.popLast() : idleOtherVersion.popLast() {
      inUse += 1
      return .warm(warm)
    }
    let elapsed = (now - tokensUpdatedAt).seconds
    newEnvironmentTokens = min(scalingBurst, newEnvironmentTokens + elapsed * scalingRefillPerSecond)
    tokensUpdatedAt = now
    guard newEnvironmentTokens >= 1 else { return .throttled }
    newEnvironmentTokens -= 1
    inUse += 1
    if let reused = freeEnvironments.popLast() {
      environments[Int(reused)] = Environment(version: version)
      return .cold(reused)
    }
    environments.append(Environment(version: version))
    return .cold(UInt32(environments.count - 1))
  }

  /// Returns the slot; the environment stays warm for `idleExpiry`.
  mutating func release(_ environment: UInt32, now: SimTime) {
    inUse -= 1
    environments[Int(environment)].lastUsed = now
    if isProvisioned(environment) {
      provisionedIdle.append(environment)
    } else if environments[Int(environment)].version == 0 {
      idle.append(environment)
    } else {
      idleOtherVersion.append(environment)
    }
  }

  /// A new version takes slot `version`: the idle environments of the version it replaces are
  /// gone (busy ones are reclaimed when their invocation ends and they idle out). Provisioned
  /// environments stay: they belong to the alias (a simplification: AWS splits them between
  /// the versions by weight during a shift).
  mutating func retire(version: UInt8) {
    if version == 0 {
      for environment in idle { freeEnvironments.append(environment) }
      idle.removeAll()
    } else {
      for environment in idleOtherVersion { freeEnvironments.append(environment) }
      idleOtherVersion.removeAll()
    }
  }
}
