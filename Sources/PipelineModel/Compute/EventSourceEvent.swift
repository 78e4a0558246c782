/// The events of the SQS event source mapping (aws-behaviour.md §2).
enum EventSourceEvent: Sendable {
  /// A gathering batch's batching window closed (§2 "MaximumBatchingWindowInSeconds").
  case windowClosed(BatchHandle)
  /// A throttled batch tries to invoke again, or is dropped at its visibility timeout (§2
  /// "Behaviour when the function is throttled").
  case invokeRetry(BatchHandle)
  /// The batch's visibility timeout ran out while its invocation still runs (§7.5).
  case visibilityExpired(BatchHandle)
  /// A poller that waited for the provisioned pollers' read throughput receives again (§2
  /// "Provisioned mode for SQS ESM": about 1 MB/s per event poller).
  case throughputWaitEnded(BatchHandle)
  /// Once a second: the poller fleet's scaling decision (§2 "Scale-up rate").
  case scalingTick

  /// The batch the event is about, if any.
  var batch: BatchHandle? {
    switch self {
    case .windowClosed(let b), .invokeRetry(let b), .visibilityExpired(let b), .throughputWaitEnded(let b): b
    case .scalingTick: nil
    }
  }
}
