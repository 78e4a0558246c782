/// One invocation of the function: its slot in the function's invocation storage and its
/// generation, which changes when the invocation ends (so later events of it are stale).
struct InvocationHandle: Sendable, Equatable {
  var slot: UInt32
  var generation: UInt32
}
