/// Where the parts of one JSON number lie in the body, as the scanner found them.
///
/// Keeping offsets instead of a `Double` lets money be read exactly (``DecimalCents``) and lets
/// the validator tell `2` from `2.0` and `1e2`.
struct JSONNumber {
  /// Offset of the first byte (`-` or a digit).
  var start: Int
  var isNegative: Bool
  /// The integer digits: `integerStart ..< integerEnd`, never empty, no leading zero unless it
  /// is the only digit.
  var integerStart: Int
  var integerEnd: Int
  /// The fraction digits after `.`, empty when there is no fraction.
  var fractionStart: Int
  var fractionEnd: Int
  var hasFraction: Bool
  var hasExponent: Bool
  /// The exponent's value, saturated at ±``JSONNumber/exponentLimit`` so that `1e99999999999`
  /// cannot overflow; any exponent that large already decides every rule.
  var exponent: Int

  static let exponentLimit = 1_000_000_000

  /// Written as an integer: no fraction and no exponent.
  var isIntegerForm: Bool { !hasFraction && !hasExponent }
}
