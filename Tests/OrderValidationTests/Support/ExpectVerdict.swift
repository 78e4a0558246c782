import OrderValidation
import Testing

/// Checks one table row against the validator's three APIs (the simulator judges bodies with
/// `firstFailure(in:memo:)`) and against the reference rules, so every hand-written expectation
/// also tests the oracle the fuzz tests rely on.
func expectVerdict(_ row: Case, sourceLocation: SourceLocation = #_sourceLocation) {
  let validator = OrderValidator(maxMessageSize: row.maxMessageSize)
  let expected = row.expected.map(\.description) ?? "valid"
  let checked = validator.check(row.body).failure.map(\.description) ?? "valid"
  let validated = validator.validate(row.body).failure.map(\.description) ?? "valid"
  var memo = RFC3339.MinuteMemo()
  let judged =
    row.body.withUnsafeBytes { validator.firstFailure(in: $0, memo: &memo) }.map(\.description) ?? "valid"
  let reference =
    ReferenceOrderRules.firstFailure(row.body, maxMessageSize: row.maxMessageSize)
    .map(\.description) ?? "valid"
  #expect(checked == expected, "check(_:)", sourceLocation: sourceLocation)
  #expect(validated == expected, "validate(_:)", sourceLocation: sourceLocation)
  #expect(judged == expected, "firstFailure(in:memo:)", sourceLocation: sourceLocation)
  #expect(reference == expected, "reference rules", sourceLocation: sourceLocation)
}
