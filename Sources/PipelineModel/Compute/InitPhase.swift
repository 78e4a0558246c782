import SimulationKernel

/// The INIT phase of a cold start and what it does to an invocation's clock (aws-behaviour.md
/// §3 "INIT phase limit").
///
/// On-demand INIT runs before the handler, under its own 10 s limit, not the function timeout:
/// a cold start delays the batch but cannot time it out. An INIT that overruns 10 s is cut off
/// and retried at the first invocation, this time under the function timeout.
struct InitPhase {
  static let limit = SimDuration.seconds(10)

  /// Time before the handler starts.
  let delay: SimDuration
  /// How far the timeout deadline moves past the invocation's start.
  let deadlineShift: SimDuration
  /// INIT time billed, in ms (both attempts when it was retried).
  let billedMilliseconds: Double

  init(seconds: Double) {
    let initNanos = SimDuration(seconds: seconds)
    if initNanos <= Self.limit {
      delay = initNanos
      deadlineShift = initNanos
      billedMilliseconds = seconds * 1_000
    } else {
      delay = Self.limit + initNanos
      deadlineShift = Self.limit
      billedMilliseconds = 10_000 + seconds * 1_000
    }
  }
}
