import Reports

/// How experiment reports write a figure or an SLO value for people (Markdown, console).
/// Data files (CSV, JSON) write numbers in full instead.
enum FigureText {
  /// A figure's value: counts grouped (`12,345`, a mean of counts with one decimal), seconds as
  /// durations (`612 ms`, `4 min 10 s`), dollars with cents (or 4 decimals below $1), other
  /// quantities with 4 significant digits.
  static func value(_ value: Double, _ unit: Figure.Unit) -> String {
    guard value.isFinite else { return NumberFormat.fixed(value, decimals: 0) }
    switch unit {
    case .count:
      return value == value.rounded() && abs(value) < 9e15
        ? NumberFormat.grouped(Int(value)) : NumberFormat.fixed(value, decimals: 1, grouped: true)
    case .seconds: return NumberFormat.duration(seconds: value)
    case .usd: return NumberFormat.usd(value, decimals: abs(value) < 1 ? 4 : 2)
    case .quantity: return NumberFormat.significant(value, digits: 4, grouped: true, trimmingZeros: true)
    }
  }

  /// The unit of an SLO (`s` or `orders`) as a figure unit.
  static func unit(ofSLO unit: String) -> Figure.Unit { unit == "s" ? .seconds : .count }

  /// An SLO value in its unit.
  static func slo(_ value: Double, unit: String) -> String { self.value(value, self.unit(ofSLO: unit)) }

  /// `✓` or `✗`.
  static func mark(_ met: Bool) -> String { met ? "✓" : "✗" }

  /// `true` / `false` for CSV.
  static func bool(_ value: Bool) -> String { value ? "true" : "false" }

  /// The scenario and command-line settings an experiment ran, as Markdown: `` `path` `` with
  /// `` `--set a=b` `` arguments.
  static func scenarioLine(path: String, overrides: [String]) -> String {
    var text = "`\(path)`"
    if !overrides.isEmpty { text += " with " + overrides.map { "`--set \($0)`" }.joined(separator: " ") }
    return text
  }
}
