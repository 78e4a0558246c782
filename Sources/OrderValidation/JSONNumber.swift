/// Where the parts of one JSON number lie in the body, as the scanner found them.
///
/// Keeping offsets and digits instead of a `Double` lets money be read exactly
/// (``DecimalCents``) and lets the validator tell `2` from `2.0` and `1e2`. The stored fields
/// are kept to four words so the scanner returns a number in registers.
struct JSONNumber {
  /// Offset of the first byte (`-` or a digit).
  var start: Int
  /// The integer and fraction digits read as one integer, exact when ``digitCount`` ≤ 19.
  var significand: UInt64
  /// How many integer digits (at least 1; no leading zero unless it is the only one).
  var integerCount: Int32
  /// How many fraction digits after the `.` (0 without a fraction).
  var fractionCount: Int32
  /// The exponent's value, saturated at ±``JSONNumber/exponentLimit`` so that `1e99999999999`
  /// cannot overflow; any exponent that large already decides every rule.
  var exponent: Int32
  var isNegative: Bool
  var hasFraction: Bool
  var hasExponent: Bool

  static let exponentLimit = 1_000_000_000

  var integerStart: Int { start + (isNegative ? 1 : 0) }
  var integerEnd: Int { integerStart + Int(integerCount) }
  var fractionStart: Int { integerEnd + 1 }
  var fractionEnd: Int { fractionStart + Int(fractionCount) }

  /// How many integer and fraction digits the number has.
  var digitCount: Int { Int(integerCount) + Int(fractionCount) }

  /// Written as an integer: no fraction and no exponent.
  var isIntegerForm: Bool { !hasFraction && !hasExponent }
}
