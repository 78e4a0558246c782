import Randomness

/// `deployments[].release`: how the new version behaves (SCENARIO.md "Additions"). By default
/// exactly like the original: a release with a defect throws in `errorRate` of its invocations,
/// a slower one multiplies the handler's durations by `durationFactor`, and a heavier package
/// has its own INIT (`coldStart`, §3 "Cold-start duration").
public struct ReleaseBehaviour: Sendable, Equatable {
  /// Probability that an invocation of the new version throws (a function error: the whole
  /// batch returns to the queue after its visibility timeout, §2 "Partial batch response").
  public var errorRate: Double = 0
  /// Multiplies the new version's `per_invocation` and `per_message` durations.
  public var durationFactor: Double = 1
  /// The new version's INIT; `nil` = `lambda.cold_start`.
  public var coldStart: Distribution?

  public init(errorRate: Double = 0, durationFactor: Double = 1, coldStart: Distribution? = nil) {
    self.errorRate = errorRate
    self.durationFactor = durationFactor
    self.coldStart = coldStart
  }
}
