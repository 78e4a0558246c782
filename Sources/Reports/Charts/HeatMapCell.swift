/// One cell of an ``SVGHeatMap``: a value coloured on the scale, an optional text, and an
/// optional pass/fail verdict drawn in its own style.
public struct HeatMapCell: Sendable, Equatable {
  /// Whether the configuration of the cell met its goal (an SLO).
  public enum Verdict: Sendable, Equatable {
    case passes
    case fails
  }

  /// The value coloured on the scale; `nil`, NaN or infinite: no value (grey, or the verdict's
  /// tint when there is a verdict).
  public var value: Double?
  /// The text in the cell; `nil`: the value with three significant digits (`1.2k`).
  public var text: String?
  public var verdict: Verdict?

  public init(value: Double?, text: String? = nil, verdict: Verdict? = nil) {
    self.value = value
    self.text = text
    self.verdict = verdict
  }

  /// A cell that only says whether it passed.
  public static func verdict(_ verdict: Verdict, text: String? = nil) -> HeatMapCell {
    HeatMapCell(value: nil, text: text, verdict: verdict)
  }

  var finiteValue: Double? {
    guard let value, value.isFinite else { return nil }
    return value
  }
}
