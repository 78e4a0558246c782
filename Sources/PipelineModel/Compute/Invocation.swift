import SimulationKernel

/// One invocation of the function, in either architecture: when it started, when it times out,
/// whether it started cold, the messages it handles and their outcomes, its write attempts.
struct Invocation: Sendable {
  var generation: UInt32 = 0
  /// Who invoked: the event source mapping's poller, or the synchronous client's request slot.
  var caller: UInt32 = 0
  /// The execution environment it runs in.
  var environment: UInt32 = 0
  var deliveries: ContiguousArray<Delivery> = []
  var startedAt = SimTime.zero
  /// The function timeout (§3 "Timeout"), moved by INIT (§3 "INIT phase limit").
  var deadline = SimTime.zero
  var cold = false
  var writeAttempt = 0
  var timedOut = false
  /// A batch's visibility timeout, counted from its receive (§1); `distantFuture` for a request.
  var visibilityDeadline = SimTime.distantFuture
  /// The batch the invocation runs, for its visibility-expired event.
  var batch = BatchHandle(poller: 0, generation: 0)
  var visibilityEventScheduled = false
  /// The version it runs (the alias's slot, ``AliasRouting``).
  var version: UInt8 = 0
  /// The release threw (SCENARIO.md `deployments[].release.error_rate`): a function error.
  var threw = false
}
