/// The events of the Lambda function: the steps of one invocation (aws-behaviour.md §3).
enum FunctionEvent: Sendable {
  /// INIT (on a cold start) and the handler's per-invocation and per-message work are done: the
  /// handler writes to the table.
  case handlerWrites(InvocationHandle)
  /// The SDK retries the throttled writes after its backoff (§4).
  case writeRetry(InvocationHandle)
  /// A round of writes goes on into the next second of the table's accounting.
  case writesContinue(InvocationHandle)
  /// The invocation returns, or is killed at its timeout (§3 "Timeout").
  case invocationEnds(InvocationHandle)

  var invocation: InvocationHandle {
    switch self {
    case .handlerWrites(let i), .writeRetry(let i), .writesContinue(let i), .invocationEnds(let i): i
    }
  }
}
