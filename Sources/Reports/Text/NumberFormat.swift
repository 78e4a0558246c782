/// The one number formatter of every report: same value, same text, on every machine.
///
/// No Foundation and no locale: the decimal point is always `.`, the thousands separator always
/// `,`, and a minus sign is the ASCII `-`. Rounding is decimal and half away from zero, applied
/// to the shortest decimal string that identifies the `Double` (see ``DecimalDigits``), so
/// `fixed(1.005, decimals: 2)` is `1.01` and `fixed(-0.005, decimals: 2)` is `-0.01`. A value
/// that rounds to zero is written without a sign: `-0` is never printed.
///
/// Values that are not finite are written `nan`, `inf` and `-inf` by every function here, so a
/// broken figure is visible in a report instead of looking like a zero. (``CSVWriter`` writes NaN
/// as an empty field instead, the CSV convention for a missing value.)
public enum NumberFormat {
  // MARK: - Plain numbers

  /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
  ///
  /// `fixed(2.5, decimals: 0)` is `3`, `fixed(0.005, decimals: 2)` is `0.01`,
  /// `fixed(1234.5, decimals: 1, grouped: true)` is `1,234.5`.
  public static func fixed(_ value: Double, decimals: Int, grouped: Bool = false) -> String {
    guard let digits = DecimalDigits(value) else { return nonFinite(value) }
    return write(digits.rounded(decimals: decimals), decimals: decimals, grouped: grouped)
  }

  /// An integer with thousands separators: `12,345,678`, `-1,000`.
  public static func grouped(_ value: Int) -> String {
    let magnitude = String(value.magnitude)
    return (value < 0 ? "-" : "") + groupThousands(magnitude)
  }

  /// `value` rounded half away from zero to `digits` significant digits and written without an
  /// exponent: `significant(0.012345, digits: 3)` is `0.0123`, `significant(123456, digits: 3)`
  /// is `123,000` when grouped, `123000` otherwise. Trailing zeros after the point are kept
  /// (`significant(1.5, digits: 3)` is `1.50`) unless `trimmingZeros` is set.
  public static func significant(
    _ value: Double, digits: Int, grouped: Bool = false, trimmingZeros: Bool = false
  ) -> String {
    precondition(digits >= 1, "significant digits must be at least 1, got \(digits)")
    guard let decimal = DecimalDigits(value) else { return nonFinite(value) }
    if decimal.isZero { return "0" }
    let rounded = decimal.rounded(significantDigits: digits)
    let places = trimmingZeros ? rounded.fractionDigitCount : max(0, digits - rounded.pointPosition)
    return write(rounded, decimals: places, grouped: grouped)
  }

  /// The shortest faithful text for a data file: at most `significantDigits` significant digits,
  /// but never fewer than the digits before the point (so `123456789.4` stays `123456789`),
  /// trailing zeros dropped (`60.0` is `60`), and no exponent for magnitudes from 1e-9 up to
  /// (not including) 1e21. Outside that range it falls back to `1.23457e-12` / `1.5e+21`.
  public static func compact(_ value: Double, significantDigits: Int = 6) -> String {
    precondition(significantDigits >= 1, "significant digits must be at least 1, got \(significantDigits)")
    guard let decimal = DecimalDigits(value) else { return nonFinite(value) }
    if decimal.isZero { return "0" }
    let rounded = decimal.rounded(significantDigits: max(significantDigits, decimal.pointPosition))
    if rounded.isZero { return "0" }
    if rounded.pointPosition > 21 || rounded.pointPosition < -8 {
      return exponential(rounded)
    }
    return write(rounded, decimals: rounded.fractionDigitCount, grouped: false)
  }

  /// A short form for chart ticks and tight table cells: `950`, `1.2k`, `3.5M`, `12G`, `-4.1k`,
  /// with `significantDigits` significant digits (trailing zeros dropped). Values below 1,000 in
  /// magnitude are written like ``significant(_:digits:grouped:trimmingZeros:)`` with zeros
  /// trimmed: `0.25`, `12.5`.
  public static func abbreviated(_ value: Double, significantDigits: Int = 3) -> String {
    guard let decimal = DecimalDigits(value) else { return nonFinite(value) }
    if decimal.isZero { return "0" }
    let rounded = decimal.rounded(significantDigits: significantDigits)
    let exponent = rounded.pointPosition - 1  // 10^exponent ≤ |value| < 10^(exponent+1)
    guard exponent >= 3 else {
      return write(rounded, decimals: rounded.fractionDigitCount, grouped: false)
    }
    let group = min(exponent / 3, siSuffixes.count - 1)
    let scaled = rounded.shifted(by: -3 * group)
    return write(scaled, decimals: scaled.fractionDigitCount, grouped: true) + siSuffixes[group]
  }

  /// `""`, `k`, `M`, `G`, `T`, `P`, `E` for 10^0, 10^3, … 10^18.
  static let siSuffixes = ["", "k", "M", "G", "T", "P", "E"]

  // MARK: - Money, shares, durations

  /// US dollars with a thousands separator: `$1,234.56`, `-$0.50`, `$0.00`.
  public static func usd(_ amount: Double, decimals: Int = 2) -> String {
    guard let digits = DecimalDigits(amount) else { return nonFinite(amount) }
    let rounded = digits.rounded(decimals: decimals)
    let sign = rounded.isNegative && !rounded.isZero ? "-" : ""
    var positive = rounded
    positive.isNegative = false
    return sign + "$" + write(positive, decimals: decimals, grouped: true)
  }

  /// A fraction written as a percentage: `percent(0.1234)` is `12.3%`, `percent(1)` is `100.0%`.
  /// The shift by 100 is exact (decimal), so `percent(0.0105, decimals: 1)` is `1.1%`.
  public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
    guard let digits = DecimalDigits(fraction) else { return nonFinite(fraction) }
    return write(digits.shifted(by: 2).rounded(decimals: decimals), decimals: decimals, grouped: true)
      + "%"
  }

  /// A duration in seconds, in the largest unit that reads well:
  /// `250 ns`, `4.2 µs`, `850 ms`, `12.3 s`, `4 min 10 s`, `2 h 05 min`, `3 d 07 h`.
  ///
  /// Below a minute the value has three significant digits with trailing zeros dropped
  /// (`5 s`, `1.5 s`); from a minute on it has two whole units, the second zero-padded.
  /// A value that rounds up to the next unit moves to it: `59.96` s is `1 min 00 s`.
  public static func duration(seconds: Double) -> String {
    guard seconds.isFinite else { return nonFinite(seconds) }
    if seconds == 0 { return "0 s" }
    let sign = seconds < 0 ? "-" : ""
    let magnitude = seconds.magnitude
    // Sub-minute units: (power of ten that converts seconds to the unit, name, first value
    // that belongs to the next unit). The shift is decimal, so no binary error creeps in.
    let units: [(shift: Int, name: String, limit: Double)] = [
      (9, "ns", 1000), (6, "µs", 1000), (3, "ms", 1000), (0, "s", 60),
    ]
    var unit = magnitude < 1e-6 ? 0 : magnitude < 1e-3 ? 1 : magnitude < 1 ? 2 : magnitude < 60 ? 3 : 4
    while unit < units.count, let decimal = DecimalDigits(magnitude) {
      let rounded = decimal.shifted(by: units[unit].shift).rounded(significantDigits: 3)
      if roundedValue(rounded) < units[unit].limit {
        let text = write(rounded, decimals: rounded.fractionDigitCount, grouped: false)
        return sign + text + " " + units[unit].name
      }
      unit += 1
    }
    // Beyond a million years, days in the short form (no integer conversion can trap).
    guard magnitude < 3e13 else { return sign + abbreviated(magnitude / 86_400) + " d" }
    let wholeSeconds = Int(magnitude.rounded())
    if wholeSeconds < 3600 {
      return sign + "\(wholeSeconds / 60) min " + twoDigits(wholeSeconds % 60) + " s"
    }
    let wholeMinutes = Int((magnitude / 60).rounded())
    if wholeMinutes < 24 * 60 {
      return sign + "\(wholeMinutes / 60) h " + twoDigits(wholeMinutes % 60) + " min"
    }
    let wholeHours = Int((magnitude / 3600).rounded())
    return sign + "\(wholeHours / 24) d " + twoDigits(wholeHours % 24) + " h"
  }

  // MARK: - Implementation

  static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
  }

  static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }

  /// The value of already-rounded digits as a `Double` (only compared against small limits).
  private static func roundedValue(_ digits: DecimalDigits) -> Double {
    var value = 0.0
    for digit in digits.digits { value = value * 10 + Double(digit) }
    var power = digits.pointPosition - digits.digits.count
    while power > 0 { value *= 10; power -= 1 }
    while power < 0 { value /= 10; power += 1 }
    return value
  }

  /// Writes rounded digits with `decimals` places; drops the sign of a zero.
  static func write(_ digits: DecimalDigits, decimals: Int, grouped: Bool) -> String {
    var integer = digits.integerPart
    if grouped { integer = groupThousands(integer) }
    let sign = digits.isNegative && !digits.isZero ? "-" : ""
    guard decimals > 0 else { return sign + integer }
    return sign + integer + "." + digits.fractionPart(places: decimals)
  }

  /// `d.ddde±XX` for magnitudes outside the plain range of ``compact(_:significantDigits:)``.
  private static func exponential(_ digits: DecimalDigits) -> String {
    var text = digits.isNegative ? "-" : ""
    text += String(digits.digits[0])
    if digits.digits.count > 1 {
      text += "." + digits.digits[1...].map { String($0) }.joined()
    }
    let exponent = digits.pointPosition - 1
    text += exponent < 0 ? "e-" : "e+"
    text += twoDigits(abs(exponent))
    return text
  }

  /// Inserts `,` every three digits from the right of a string of digits.
  static func groupThousands(_ integerDigits: String) -> String {
    let characters = Array(integerDigits)
    guard characters.count > 3 else { return integerDigits }
    var text = ""
    text.reserveCapacity(characters.count + characters.count / 3)
    for (index, character) in characters.enumerated() {
      if index > 0 && (characters.count - index) % 3 == 0 { text.append(",") }
      text.append(character)
    }
    return text
  }
}
