/// The events of the synchronous client (the checkout calling the function directly).
enum ClientEvent: Sendable {
  /// The client tries request `request` again after a backoff (its `attempt`-th retry).
  case retry(request: UInt32, attempt: UInt32)
}
