import SimulationKernel

/// One concurrent batch of the event source mapping: the messages it received, and where its
/// invocation stands. Its delivery buffer is reused from batch to batch.
struct Poller: Sendable {
  /// `paced`: provisioned mode's pollers are over their read throughput and wait before
  /// receiving (``PollerThroughput``).
  enum State: UInt8 { case retired, idle, gathering, throttled, invoking, paced }

  var state: State = .retired
  /// Bumped whenever the batch ends, so that events of an earlier batch are ignored.
  var generation: UInt32 = 0
  var deliveries: ContiguousArray<Delivery> = []
  /// When the batch's first message was received: its visibility timeout counts from here.
  var receivedAt = SimTime.zero
  /// When its last receive found the queue empty.
  var idleSince = SimTime.zero
  var invokeAttempts = 0
  /// The batch's invocation while it runs.
  var invocation = InvocationHandle(slot: 0, generation: 0)
}
