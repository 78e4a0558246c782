/// One batch of one poller of the event source mapping: the poller's index and the batch's
/// generation. The generation changes when the batch ends, so an event of an earlier batch is
/// recognised as stale by one comparison.
struct BatchHandle: Sendable, Equatable {
  var poller: UInt32
  var generation: UInt32
}
