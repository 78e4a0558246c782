/// Coordinates and sizes in an SVG, written with at most one decimal.
///
/// Pixels do not need more precision, and a fixed rule keeps the files byte-stable. Values are
/// rounded half away from zero and clamped to ±10,000,000 (far outside any drawing) so that an
/// off-chart value cannot produce an absurd number; `-0` is never written.
enum SVGNumber {
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let clamped = min(max(value, -1e7), 1e7)
    let tenths = Int((clamped * 10).rounded())
    let magnitude = tenths.magnitude
    let sign = tenths < 0 ? "-" : ""
    let fraction = magnitude % 10
    return fraction == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(fraction)"
  }
}
