/// Base-10 logarithms without Foundation or libm, for logarithmic colour scales.
///
/// The value is split into a binary exponent and a significand in [1, 2); the significand's
/// natural logarithm comes from the series 2·atanh(z) = 2(z + z³/3 + z⁵/5 + …) with
/// z = (m − 1)/(m + 1) ≤ 1/3, which converges to full precision in 30 terms. Pure arithmetic,
/// so every machine gets the same bits.
enum Logarithm {
  static let ln2 = 0.693_147_180_559_945_309_4
  static let ln10 = 2.302_585_092_994_045_684_0

  /// ln(x) for finite x > 0; NaN otherwise.
  static func natural(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return .nan }
    let exponent = Double(x.exponent)
    let significand = x.significand  // [1, 2) for normal and subnormal numbers alike
    let z = (significand - 1) / (significand + 1)
    let z2 = z * z
    var term = z
    var sum = 0.0
    var denominator = 1.0
    for _ in 0..<30 {
      sum += term / denominator
      term *= z2
      denominator += 2
    }
    return exponent * ln2 + 2 * sum
  }

  /// log₁₀(x) for finite x > 0; NaN otherwise.
  static func base10(_ x: Double) -> Double { natural(x) / ln10 }
}
