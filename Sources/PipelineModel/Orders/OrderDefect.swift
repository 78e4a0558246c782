import OrderValidation

/// A producer defect from the scenario's mix (SCENARIO.md `orders.defects`).
public enum OrderDefect: String, CaseIterable, Sendable {
  case priceAsString = "price_as_string"
  case missingField = "missing_field"
  case negativeQuantity = "negative_quantity"
  case totalMismatch = "total_mismatch"
  case malformedJSON = "malformed_json"
  case oversized

  /// The reason the validation core gives a body carrying this defect (and no other), so the
  /// DLQ of a run can be checked against the defect mix that produced it.
  public var validationReason: ValidationReason {
    switch self {
    case .priceAsString: .wrongType
    case .missingField: .missingField
    case .negativeQuantity: .invalidValue
    case .totalMismatch: .totalMismatch
    case .malformedJSON: .malformedJSON
    case .oversized: .oversized
    }
  }
}
