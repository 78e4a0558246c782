/// A number as written in a scenario file (`1.5`, `-3`, `2_000`, `1e-3`), kept exact so that
/// `1.5s` is 1,500,000,000 ns and `1.5KiB` is 1,536 bytes with no binary rounding.
///
/// The grammar is YAML 1.2's decimal float with `_` allowed between digits (YAML 1.1):
/// `[+-]? digits [. digits] [(e|E) [+-]? digits]`, or `[+-]? . digits [exponent]`.
/// `.inf`, `.nan`, hexadecimal and octal forms are not numbers here.
struct DecimalNumber: Sendable, Equatable {
  var negative: Bool
  /// Significant digits as an integer (at most 36 digits are kept).
  var mantissa: Int128
  /// Power of ten applied to `mantissa`.
  var exponent: Int
  /// The text the number was parsed from, without `_`.
  var text: String
  /// True when written without a fraction or exponent (`10`, `-3`, `1_000`).
  var isIntegerLiteral: Bool

  /// Splits `text` into a leading number and the rest (the unit), or `nil` when it does not start
  /// with a number. Spaces between the number and the unit are dropped.
  static func parsePrefix(_ text: Substring) -> (number: DecimalNumber, rest: Substring)? {
    let scalars = Array(text.unicodeScalars)
    var i = 0
    var negative = false
    if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" {
      negative = scalars[i] == "-"
      i += 1
    }
    var digits: [UInt8] = []
    var exponent = 0
    var sawDigit = false
    var cleaned = negative ? "-" : ""
    var isInteger = true
    func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    // Integer part, `_` allowed between digits.
    while i < scalars.count, isDigit(scalars[i]) || (scalars[i] == "_" && sawDigit) {
      if scalars[i] != "_" {
        digits.append(UInt8(scalars[i].value - 48))
        cleaned.unicodeScalars.append(scalars[i])
        sawDigit = true
      }
      i += 1
    }
    if i < scalars.count, scalars[i] == ".", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
      isInteger = false
      cleaned += sawDigit ? "." : "0."
      i += 1
      while i < scalars.count, isDigit(scalars[i]) || (scalars[i] == "_" && i > 0 && isDigit(scalars[i - 1])) {
        if scalars[i] != "_" {
          digits.append(UInt8(scalars[i].value - 48))
          exponent -= 1
          cleaned.unicodeScalars.append(scalars[i])
        }
        i += 1
      }
      sawDigit = true
    }
    guard sawDigit else { return nil }
    // Exponent: only when followed by digits (so `5e` stays a number with unit "e").
    if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
      var j = i + 1
      var expNegative = false
      if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" {
        expNegative = scalars[j] == "-"
        j += 1
      }
      var expDigits = ""
      while j < scalars.count, isDigit(scalars[j]) {
        expDigits.unicodeScalars.append(scalars[j])
        j += 1
      }
      if !expDigits.isEmpty {
        guard expDigits.count <= 4, let e = Int(expDigits) else { return nil }
        exponent += expNegative ? -e : e
        cleaned += "e" + (expNegative ? "-" : "") + expDigits
        isInteger = false
        i = j
      }
    }
    // Keep at most 36 significant digits: drop leading zeros, then excess trailing digits.
    var significant = digits.drop { $0 == 0 }
    if significant.count > 36 {
      exponent += significant.count - 36
      significant = significant.prefix(36)
    }
    var mantissa: Int128 = 0
    for d in significant { mantissa = mantissa * 10 + Int128(d) }
    var rest = Substring(String(String.UnicodeScalarView(scalars[i...])))
    while rest.first == " " { rest = rest.dropFirst() }
    let number = DecimalNumber(
      negative: negative, mantissa: mantissa, exponent: exponent, text: cleaned, isIntegerLiteral: isInteger)
    return (number, rest)
  }

  /// The whole of `text` as a number, or `nil`.
  static func parse(_ text: String) -> DecimalNumber? {
    let trimmed = text.trimmingSpaces
    guard let (number, rest) = parsePrefix(Substring(trimmed)), rest.isEmpty else { return nil }
    return number
  }

  /// The nearest `Double` (correctly rounded by the standard library's C-locale parser).
  var double: Double { Double(text) ?? .nan }

  /// `self × multiplier` rounded to the nearest integer (halves away from zero), or `nil` when it
  /// does not fit in `Int64`. `exact` reports whether no rounding was needed.
  func scaled(by multiplier: Int64) -> (value: Int64, exact: Bool)? {
    if mantissa == 0 { return (0, true) }
    var value = mantissa
    let (product, overflow) = value.multipliedReportingOverflow(by: Int128(multiplier))
    guard !overflow else { return nil }
    value = product
    var exact = true
    if exponent > 0 {
      for _ in 0..<exponent {
        let (p, o) = value.multipliedReportingOverflow(by: 10)
        guard !o, p <= Int128(Int64.max) else { return nil }
        value = p
      }
    } else if exponent < 0 {
      if -exponent > 38 { return (0, false) }
      var divisor: Int128 = 1
      for _ in 0..<(-exponent) { divisor *= 10 }
      let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
      exact = r == 0
      value = r * 2 >= divisor ? q + 1 : q
    }
    guard value <= Int128(Int64.max) else { return nil }
    let signed = Int64(value)
    return (negative ? -signed : signed, exact)
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
    return String(s)
  }
}
