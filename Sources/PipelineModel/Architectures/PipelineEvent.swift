/// The events of the pipeline models: a small enum with indices into component storage, so the
/// event queue holds plain values (no closures, no existentials, no allocation per event).
public enum PipelineEvent: Sendable {
  /// A gathering poller's batching window closed (§2 "MaximumBatchingWindowInSeconds").
  case windowClosed(poller: UInt32, generation: UInt32)
  /// A throttled batch tries to invoke again, or is dropped at its visibility timeout.
  case invokeRetry(poller: UInt32, generation: UInt32)
  /// The handler has done its per-invocation and per-message work and writes to the table.
  case writePhase(poller: UInt32, generation: UInt32)
  /// The SDK retries throttled writes after its backoff (§4).
  case writeRetry(poller: UInt32, generation: UInt32)
  /// The invocation returns (or is killed at its timeout).
  case invocationEnd(poller: UInt32, generation: UInt32)
  /// The batch's visibility timeout ran out while it was still being processed.
  case visibilityExpired(poller: UInt32, generation: UInt32)
  /// Synchronous architecture: a client retries a failed order.
  case clientRetry(order: UInt32, attempt: UInt32)
  /// Synchronous architecture: a request's handler writes to the table (or retries a write).
  case requestWrite(slot: UInt32, generation: UInt32)
  /// Synchronous architecture: a request's invocation ends.
  case requestEnd(slot: UInt32, generation: UInt32)
  /// Once a second: the poller fleet's scaling decision.
  case scalingTick
  /// End of a report interval.
  case reportTick
}
