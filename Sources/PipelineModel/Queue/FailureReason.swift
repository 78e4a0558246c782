import OrderValidation

/// Why a delivery of a message failed: the validation core's reason for an invalid order, or
/// what the pipeline did to a valid one. A message that reaches the DLQ carries the reason of
/// its last failed delivery (SCENARIO.md `dlq.by_reason.<reason>`).
public enum FailureReason: UInt8, CaseIterable, Sendable {
  case none = 0
  // The validation core's reasons (invalid orders).
  case oversized, malformedJSON, notAnObject, duplicateKey, missingField, wrongType, invalidValue
  case tooManyItems, totalMismatch
  // What happened to valid orders.
  /// The invocation was throttled until the visibility timeout ran out (aws-behaviour.md §2
  /// "Behaviour when the function is throttled").
  case lambdaThrottled
  /// The SDK's retries of a throttled `PutItem` were exhausted (§4).
  case tableThrottled
  /// The function timed out (§3 "Timeout").
  case functionTimeout
  /// Another message failed and the batch had no partial batch response (§2).
  case batchFailed
  /// The deployed release threw (SCENARIO.md `deployments[].release.error_rate`).
  case functionError

  public var name: String {
    switch self {
    case .none: "none"
    case .oversized: "oversized"
    case .malformedJSON: "malformed_json"
    case .notAnObject: "not_an_object"
    case .duplicateKey: "duplicate_key"
    case .missingField: "missing_field"
    case .wrongType: "wrong_type"
    case .invalidValue: "invalid_value"
    case .tooManyItems: "too_many_items"
    case .totalMismatch: "total_mismatch"
    case .lambdaThrottled: "lambda_throttled"
    case .tableThrottled: "table_throttled"
    case .functionTimeout: "function_timeout"
    case .batchFailed: "batch_failed"
    case .functionError: "function_error"
    }
  }

  /// True for the reasons an invalid order fails with.
  public var isValidationFailure: Bool { rawValue >= 1 && rawValue <= 9 }

  public init(_ reason: ValidationReason) {
    switch reason {
    case .oversized: self = .oversized
    case .malformedJSON: self = .malformedJSON
    case .notAnObject: self = .notAnObject
    case .duplicateKey: self = .duplicateKey
    case .missingField: self = .missingField
    case .wrongType: self = .wrongType
    case .invalidValue: self = .invalidValue
    case .tooManyItems: self = .tooManyItems
    case .totalMismatch: self = .totalMismatch
    }
  }
}
