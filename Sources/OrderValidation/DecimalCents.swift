/// The exact value of a JSON number in hundredths (cents), read from its digits.
///
/// Money must never pass through `Double`: `0.1 + 0.2` is not `0.3` there, and a total that is
/// right to the cent would be reported as a mismatch. This reads the decimal digits and the
/// exponent as written and scales them by powers of ten in integers, so `19.990`, `1999e-2`
/// and `0.1999E+2` are all 1999 cents, `19.999` is ``tooPrecise``, and a 400-digit number is
/// ``tooLarge`` rather than a crash.
enum DecimalCents: Equatable {
  /// The value is an exact whole number of cents, below 10^18 in magnitude. `-0` is `0`.
  case exact(Int64)
  /// The value has a nonzero digit below the cent.
  case tooPrecise
  /// A whole number of cents, but 10^18 cents or more in magnitude.
  case tooLarge(isNegative: Bool)

  /// Reads `number`, whose digits lie in `base`.
  @inline(__always)
  static func read(_ number: JSONNumber, in base: UnsafePointer<UInt8>) -> DecimalCents {
    // Fast path: up to 18 digits are exact in the scanner's significand, and prices are
    // usually written with exactly two decimals (scale 0) or one (scale 1).
    let scale = Int(number.exponent) - Int(number.fractionCount) + 2
    if number.digitCount <= 18, scale >= 0, number.digitCount + scale <= 18 {
      var cents = Int64(number.significand)
      for _ in 0..<scale { cents &*= 10 }
      return .exact(number.isNegative ? -cents : cents)
    }
    return readDigits(number, in: base)
  }

  /// Reads `number` digit by digit: any length, any exponent.
  static func readDigits(_ number: JSONNumber, in base: UnsafePointer<UInt8>) -> DecimalCents {
    let integerCount = Int(number.integerCount)
    let fractionCount = Int(number.fractionCount)
    let digitCount = integerCount + fractionCount

    // The digits as one sequence: integer digits, then fraction digits.
    @inline(__always) func digit(_ index: Int) -> Int64 {
      let offset =
        index < integerCount
        ? number.integerStart + index : number.fractionStart + (index - integerCount)
      return Int64(base[offset] &- 0x30)
    }

    var first = 0
    while first < digitCount, digit(first) == 0 { first += 1 }
    if first == digitCount { return .exact(0) }
    var last = digitCount - 1
    while digit(last) == 0 { last -= 1 }

    // value = significand × 10^(exponent − fractionCount), significand = digits[first...last]
    // × 10^trailingZeros, so cents = digits[first...last] × 10^scale.
    let trailingZeros = digitCount - 1 - last
    let scale = Int(number.exponent) - fractionCount + 2 + trailingZeros
    if scale < 0 { return .tooPrecise }
    let significantCount = last - first + 1
    if significantCount + scale > 18 { return .tooLarge(isNegative: number.isNegative) }

    var cents: Int64 = 0
    for index in first...last { cents = cents * 10 + digit(index) }
    for _ in 0..<scale { cents *= 10 }
    return .exact(number.isNegative ? -cents : cents)
  }
}
