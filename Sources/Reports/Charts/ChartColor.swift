/// A colour for a chart element, written as `#RRGGBB`.
///
/// The named colours are the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008),
/// distinguishable with the common forms of colour blindness. ``palette`` lists them in the
/// order series receive them when they do not choose one; yellow comes last because it is faint
/// on white.
public struct ChartColor: Sendable, Hashable, CustomStringConvertible {
  /// `#RRGGBB`, upper-case hex digits.
  public let hex: String

  /// A colour from a `#RRGGBB` string (case-insensitive).
  public init(hex: String) {
    let digits = Array(hex.uppercased().utf8)
    precondition(
      digits.count == 7 && digits[0] == UInt8(ascii: "#")
        && digits[1...].allSatisfy { (48...57).contains($0) || (65...70).contains($0) },
      "a chart colour is written #RRGGBB, got \(hex)")
    self.hex = String(decoding: digits, as: UTF8.self)
  }

  public var description: String { hex }

  public static let black = ChartColor(hex: "#000000")
  public static let orange = ChartColor(hex: "#E69F00")
  public static let skyBlue = ChartColor(hex: "#56B4E9")
  public static let bluishGreen = ChartColor(hex: "#009E73")
  public static let yellow = ChartColor(hex: "#F0E442")
  public static let blue = ChartColor(hex: "#0072B2")
  public static let vermillion = ChartColor(hex: "#D55E00")
  public static let reddishPurple = ChartColor(hex: "#CC79A7")
  /// A neutral grey for limits and reference lines.
  public static let gray = ChartColor(hex: "#666666")

  /// The order in which series without a colour of their own are coloured.
  public static let palette: [ChartColor] = [
    .blue, .orange, .bluishGreen, .vermillion, .reddishPurple, .skyBlue, .black, .yellow,
  ]

  /// Red, green and blue in 0...255.
  var components: (red: Int, green: Int, blue: Int) {
    let digits = Array(hex.utf8.dropFirst()).map { byte -> Int in
      byte <= 57 ? Int(byte) - 48 : Int(byte) - 55
    }
    return (digits[0] * 16 + digits[1], digits[2] * 16 + digits[3], digits[4] * 16 + digits[5])
  }

  /// A colour from components in 0...255 (clamped).
  init(red: Int, green: Int, blue: Int) {
    let hexDigits = Array("0123456789ABCDEF")
    var text = "#"
    for component in [red, green, blue] {
      let value = min(max(component, 0), 255)
      text.append(hexDigits[value / 16])
      text.append(hexDigits[value % 16])
    }
    self.hex = text
  }

  /// Relative luminance in 0...1 (sRGB, WCAG 2), for choosing black or white text on a fill.
  var luminance: Double {
    func linear(_ component: Int) -> Double {
      let value = Double(component) / 255
      // The 2.4 gamma segment approximated by a square: exactness does not matter for a
      // black-or-white text decision, and the standard library has no `pow`.
      return value <= 0.040_45 ? value / 12.92 : ((value + 0.055) / 1.055) * ((value + 0.055) / 1.055)
    }
    let (red, green, blue) = components
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }
}
