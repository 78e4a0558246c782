import Testing

@testable import OrderValidation

@Suite struct DecimalCentsTests {
  /// Scans `text` as one JSON number and reads it in cents.
  static func cents(_ text: String) -> DecimalCents? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> DecimalCents? in
      guard let base = buffer.baseAddress else { return nil }
      var scanner = JSONScanner(base: base, count: buffer.count)
      guard let number = try? scanner.scanNumber(), scanner.isAtEnd else { return nil }
      return DecimalCents.read(number, in: base)
    }
  }

  static let rows: [(String, DecimalCents)] = [
    ("0", .exact(0)), ("-0", .exact(0)), ("0.00", .exact(0)), ("-0.0e-7", .exact(0)),
    ("0e999999999999999999", .exact(0)),
    ("19.99", .exact(1999)), ("19.990", .exact(1999)), ("1999e-2", .exact(1999)), ("1999E-2", .exact(1999)),
    ("0.1999E+2", .exact(1999)), ("0.01999e3", .exact(1999)), ("199900e-4", .exact(1999)),
    ("5.5", .exact(550)), ("0.10", .exact(10)), ("1e-2", .exact(1)), ("1E+2", .exact(10_000)), ("1e2", .exact(10_000)),
    ("-19.99", .exact(-1999)), ("100", .exact(10_000)), ("1000000", .exact(100_000_000)),
    ("19.999", .tooPrecise), ("1e-3", .tooPrecise), ("0.001", .tooPrecise), ("-0.001", .tooPrecise),
    ("1e-999999999999999999", .tooPrecise), ("123456789012345678901.001", .tooPrecise),
    ("9999999999999999.99", .exact(999_999_999_999_999_999)),
    ("99999999999999999.99", .tooLarge(isNegative: false)),
    ("10000000000000000", .tooLarge(isNegative: false)),
    ("-10000000000000000", .tooLarge(isNegative: true)),
    ("1e16", .tooLarge(isNegative: false)), ("1e15", .exact(100_000_000_000_000_000)),
    ("1e999999999999999999", .tooLarge(isNegative: false)),
    ("0." + String(repeating: "0", count: 400) + "1e402", .exact(1000)),
    ("1" + String(repeating: "0", count: 400) + "e-400", .exact(100)),
  ]

  @Test(arguments: rows.indices)
  func readsTheExactValueInCents(_ row: Int) {
    let (text, expected) = Self.rows[row]
    #expect(Self.cents(text) == expected, "\(text)")
  }

  @Test func agreesWithTheReferenceOnEveryTwoDecimalAmountUpToAHundred() {
    // Written as plain decimals and as exponent forms; the reference works on the text.
    var mismatches: [String] = []
    for cents in 0...10_000 {
      let text = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
      var forms = [text, "\(cents)e-2", "0.\(cents)e\(String(cents).count - 2)"]
      if cents > 0 { forms.append("\(cents)0e-3") }  // "00e-3" would have a leading zero
      for form in forms {
        if Self.cents(form) != .exact(Int64(cents)) || Decimal2(form).cents != cents { mismatches.append(form) }
      }
    }
    #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
  }

  /// The inline fast path of `scanNumber()` must describe every number exactly as the complete
  /// scanner does, and fall back to it for everything else.
  @Test func theFastNumberPathAgreesWithTheCompleteScanner() {
    var forms: [String] = []
    for integer in ["0", "1", "7", "19", "100", "1000", "123456789", "99999999999999999999"] {
      for fraction in ["", ".0", ".5", ".99", ".990", ".1234567", "."] {
        for exponent in ["", "e2", "E-2", "e+0"] {
          for sign in ["", "-"] { forms.append(sign + integer + fraction + exponent) }
        }
      }
    }
    var mismatches: [String] = []
    for form in forms {
      for tail in ["", ",", "}", " ", "x", ".", "e"] {
        let bytes = Array((form + tail).utf8)
        bytes.withUnsafeBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return }
          var fast = JSONScanner(base: base, count: buffer.count)
          var full = fast
          let a = Result { () throws(JSONSyntaxError) in try fast.scanNumber() }
          let b = Result { () throws(JSONSyntaxError) in try full.scanNumberInFull() }
          let same: Bool
          switch (a, b) {
          case (.success(let x), .success(let y)):
            same =
              fast.position == full.position && x.start == y.start && x.integerCount == y.integerCount
              && x.fractionCount == y.fractionCount && x.exponent == y.exponent && x.isNegative == y.isNegative
              && x.hasFraction == y.hasFraction && x.hasExponent == y.hasExponent
              && (x.digitCount > 19 || x.significand == y.significand)
          case (.failure(let x), .failure(let y)): same = x.offset == y.offset
          default: same = false
          }
          if !same { mismatches.append(form + tail) }
        }
      }
    }
    #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
  }
}
