/// Why an order body was rejected.
///
/// The raw values are the public names: the CLI prints them, reports group the dead-letter
/// queue by them, and scenario files and `summary.json` keys use them. Keep them stable.
public enum ValidationReason: String, CaseIterable, Sendable, Hashable {
  /// The body is longer than the maximum message size; checked before parsing.
  case oversized
  /// The body is not valid UTF-8, not valid JSON, has more than whitespace after the value, or
  /// nests deeper than ``OrderValidator/maximumDepth`` levels.
  case malformedJSON = "malformed_json"
  /// The body is valid JSON but its top-level value is not an object.
  case notAnObject = "not_an_object"
  /// A key is repeated in one object (keys compare after unescaping), at any depth.
  case duplicateKey = "duplicate_key"
  /// A required order or item field is absent.
  case missingField = "missing_field"
  /// A field holds the wrong JSON type, such as the price `"19.99"` written as a string.
  case wrongType = "wrong_type"
  /// A field has the right type but a value outside its rule.
  case invalidValue = "invalid_value"
  /// The order has more than ``OrderValidator/maximumItemCount`` items.
  case tooManyItems = "too_many_items"
  /// `total` differs from the sum of quantity × price over the items, compared in cents.
  case totalMismatch = "total_mismatch"
}
