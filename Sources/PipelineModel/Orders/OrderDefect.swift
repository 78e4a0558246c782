/// A producer defect from the scenario's mix (SCENARIO.md `orders.defects`).
public enum OrderDefect: String, CaseIterable, Sendable {
  case priceAsString = "price_as_string"
  case missingField = "missing_field"
  case negativeQuantity = "negative_quantity"
  case totalMismatch = "total_mismatch"
  case malformedJSON = "malformed_json"
  case oversized
}
