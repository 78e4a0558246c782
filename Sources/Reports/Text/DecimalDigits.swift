/// A finite `Double` as a sign, a string of decimal digits and the position of the decimal point,
/// so that rounding happens in decimal, the way a reader checks it by hand.
///
/// The digits come from `Double.description`, which the standard library writes as the shortest
/// decimal string that reads back to the same `Double` and never depends on the locale. Rounding
/// that string, rather than `x * 10^n`, makes `1.005` round to `1.01` as a person expects
/// (`1.005 * 100` is `100.49999999999999` in binary), and it works for any magnitude without
/// overflowing an integer.
///
/// The value is `0.d₁d₂d₃… × 10^pointPosition`, so `pointPosition` is the number of digits before
/// the decimal point: `123.4` is digits `[1, 2, 3, 4]`, point `3`; `0.005` is `[5]`, point `-2`.
/// Zero has no digits.
struct DecimalDigits: Equatable {
  var isNegative: Bool
  var digits: [UInt8]
  var pointPosition: Int

  var isZero: Bool { digits.isEmpty }

  /// The digits of a finite value; `nil` for NaN and infinities.
  init?(_ value: Double) {
    guard value.isFinite else { return nil }
    isNegative = value.sign == .minus
    digits = []
    pointPosition = 0
    var integerDigits = 0
    var sawPoint = false
    var exponent = 0
    var exponentSign = 1
    var inExponent = false
    for byte in value.magnitude.description.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = byte - UInt8(ascii: "0")
        if inExponent {
          exponent = exponent * 10 + Int(digit)
        } else {
          digits.append(digit)
          if !sawPoint { integerDigits += 1 }
        }
      case UInt8(ascii: "."): sawPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      case UInt8(ascii: "-"): exponentSign = -1
      default: break  // "+" of the exponent
      }
    }
    pointPosition = integerDigits + exponentSign * exponent
    normalize()
  }

  /// Drops leading zeros (moving the point) and trailing zeros.
  private mutating func normalize() {
    var leading = 0
    while leading < digits.count && digits[leading] == 0 { leading += 1 }
    if leading > 0 {
      digits.removeFirst(leading)
      pointPosition -= leading
    }
    while let last = digits.last, last == 0 { digits.removeLast() }
    if digits.isEmpty { pointPosition = 0 }
  }

  /// The value times `10^places` (exact: only the point moves).
  func shifted(by places: Int) -> DecimalDigits {
    var copy = self
    if !copy.isZero { copy.pointPosition += places }
    return copy
  }

  /// Keeps the first `count` digits, rounding half away from zero; `count` may be zero or
  /// negative (the value then rounds to zero or to one unit of the first kept position).
  private func keepingDigits(_ count: Int) -> DecimalDigits {
    guard count < digits.count else { return self }
    var copy = self
    guard count >= 0 else {
      copy.digits = []
      copy.normalize()
      return copy
    }
    let roundsUp = digits[count] >= 5
    copy.digits = Array(digits[0..<count])
    if roundsUp {
      var index = count - 1
      while index >= 0 && copy.digits[index] == 9 {
        copy.digits[index] = 0
        index -= 1
      }
      if index >= 0 {
        copy.digits[index] += 1
      } else {
        copy.digits.insert(1, at: 0)
        copy.pointPosition += 1
      }
    }
    copy.normalize()
    return copy
  }

  /// Rounded to `places` digits after the decimal point, half away from zero.
  func rounded(decimals places: Int) -> DecimalDigits {
    keepingDigits(pointPosition + places)
  }

  /// Rounded to `count` significant digits, half away from zero.
  func rounded(significantDigits count: Int) -> DecimalDigits {
    keepingDigits(count)
  }

  /// The digits before the point, without sign or grouping (`"0"` when there are none).
  var integerPart: String {
    guard pointPosition > 0 else { return "0" }
    var text = ""
    text.reserveCapacity(pointPosition)
    for index in 0..<pointPosition {
      text.append(index < digits.count ? Character(String(digits[index])) : "0")
    }
    return text
  }

  /// Exactly `places` digits after the point (zeros where the value has none).
  func fractionPart(places: Int) -> String {
    var text = ""
    text.reserveCapacity(max(places, 0))
    for offset in 0..<max(places, 0) {
      let index = pointPosition + offset
      text.append(index >= 0 && index < digits.count ? Character(String(digits[index])) : "0")
    }
    return text
  }

  /// The number of digits after the point needed to write the value exactly.
  var fractionDigitCount: Int { max(0, digits.count - pointPosition) }
}
