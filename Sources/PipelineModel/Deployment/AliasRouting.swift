import Randomness
import SimulationKernel

/// The function's alias as CodeDeploy shifts it (aws-behaviour.md §10 "Weighted alias routing"):
/// one primary version and, during a deployment, the new version with a weight. Lambda picks the
/// version per invocation "with a simple probabilistic model"; an SQS event source mapping on
/// the alias invokes once per batch, so the split is per batch (§10 "ESM on an alias").
///
/// The two versions live in two slots, 0 and 1: a deployment puts its new version in the slot
/// that is not primary, and a successful one makes it primary. The routing draw comes from its
/// own stream (`deployment.routing`), so a scenario without deployments draws nothing from it
/// and runs exactly as before.
struct AliasRouting: ~Copyable {
  private(set) var primary: UInt8 = 0
  /// The new version's weight, 0 … 1.
  private(set) var weight: Double = 0
  var stream: RandomStream
  /// The share `new_version_share` reports: the weight while a deployment shifts, 1 after one
  /// succeeded (the alias serves only its version), 0 after a rollback.
  private(set) var share: Double = 0
  /// ∫ share dt since the last report interval closed.
  private var shareSeconds = 0.0
  private var changedAt = SimTime.zero
  private var intervalStart = SimTime.zero

  init(seed: UInt64) {
    stream = RandomStream(seed: seed, name: "deployment.routing")
  }

  /// The slot of the version being deployed.
  var candidate: UInt8 { 1 - primary }

  /// The version one invocation runs.
  @inline(__always)
  mutating func route() -> UInt8 {
    if weight <= 0 { return primary }
    if weight >= 1 { return candidate }
    return stream.uniform() < weight ? candidate : primary
  }

  mutating func setWeight(_ newWeight: Double, now: SimTime) {
    setShare(newWeight, now: now)
    weight = newWeight
  }

  private mutating func setShare(_ newShare: Double, now: SimTime) {
    shareSeconds += share * (now - changedAt).seconds
    changedAt = now
    share = newShare
  }

  /// The deployment succeeded: the new version is the alias's only version.
  mutating func promote(now: SimTime) {
    setWeight(0, now: now)
    setShare(1, now: now)
    primary = candidate
  }

  /// The mean of ``share`` since the previous call (a report interval closes).
  mutating func intervalShare(now: SimTime) -> Double {
    setShare(share, now: now)
    let length = (now - intervalStart).seconds
    let mean = length > 0 ? shareSeconds / length : share
    shareSeconds = 0
    intervalStart = now
    return mean
  }
}
