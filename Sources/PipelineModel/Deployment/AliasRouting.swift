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
  /// ∫ weight dt since the last report interval closed, for `new_version_share`.
  private var weightSeconds = 0.0
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
    weightSeconds += weight * (now - changedAt).seconds
    changedAt = now
    weight = newWeight
  }

  /// The deployment succeeded: the new version is the alias's only version.
  mutating func promote(now: SimTime) {
    setWeight(0, now: now)
    primary = candidate
    // The interval's share so far was the new version's, which is now the primary: keep it.
  }

  /// The new version's mean weight since the previous call (a report interval closes).
  mutating func intervalShare(now: SimTime) -> Double {
    setWeight(weight, now: now)
    let length = (now - intervalStart).seconds
    let share = length > 0 ? weightSeconds / length : weight
    weightSeconds = 0
    intervalStart = now
    return share
  }
}
