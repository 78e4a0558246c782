import SimulationKernel

/// One concurrent batch of the event source mapping: the messages it received, and where its
/// invocation stands. Its delivery buffer is reused from batch to batch.
struct Poller: Sendable {
  enum State: UInt8 { case retired, idle, gathering, throttled, invoking }

  var state: State = .retired
  /// Bumped whenever the batch ends, so that events of an earlier batch are ignored.
  var generation: UInt32 = 0
  var deliveries: ContiguousArray<Delivery> = []
  var receivedAt: Int64 = 0
  /// When its last receive found the queue empty.
  var idleSince: Int64 = 0
  var invokeAttempts = 0
  var startedAt: Int64 = 0
  var deadline: Int64 = 0
  var writeAttempt = 0
  var pendingWrites = 0
  var timedOut = false
  var visibilityEventScheduled = false
  var coldStart = false
  var retryTokens = 500.0
}

/// One message as handed to one invocation.
struct Delivery: Sendable {
  enum Outcome: UInt8 { case pending, needsWrite, written, duplicate, failed }
  var slot: UInt32
  var order: UInt32
  var receiveCount: UInt16
  /// An extra copy from at-least-once delivery (§1 "Delivery semantics"): not its own message.
  var isExtraCopy: Bool
  var outcome: Outcome = .pending
  var failure: FailureReason = .none
  var units: UInt16 = 1
}
