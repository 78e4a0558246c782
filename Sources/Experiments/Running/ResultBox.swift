import Synchronization

/// A result handed from a detached task to the thread waiting for it.
final class ResultBox<Value: Sendable>: Sendable {
  private let value = Mutex<Result<Value, any Error>?>(nil)

  func set(_ result: Result<Value, any Error>) { value.withLock { $0 = result } }

  func get() throws -> Value {
    guard let result = value.withLock({ $0 }) else { preconditionFailure("the task ended without a result") }
    return try result.get()
  }
}
