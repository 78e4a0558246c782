/// The colour side of an ``SVGHeatMap``: its value domain, where a value sits on the viridis
/// scale, each cell's fill and the colour bar's ticks.
struct HeatMapColours {
  let map: SVGHeatMap
  /// The colour domain, in value units.
  let low: Double
  let high: Double
  let hasValues: Bool

  init(map: SVGHeatMap) {
    self.map = map
    var values: [Double] = []
    for row in map.cells {
      for cell in row {
        guard let value = cell.finiteValue else { continue }
        if map.scale == .logarithmic && value <= 0 { continue }
        values.append(value)
      }
    }
    hasValues = !values.isEmpty
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if let domain = map.domain, domain.lowerBound.isFinite, domain.upperBound.isFinite {
      (low, high) = (domain.lowerBound, domain.upperBound)
    }
    if map.scale == .logarithmic {
      if !(low > 0) { low = high > 0 ? high / 10 : 1 }
      if !(high > low) { (low, high) = (low / 2, low * 2) }
    } else if !(high > low) {
      (low, high) = low == 0 ? (0, 1) : (low - low.magnitude * 0.1, low + low.magnitude * 0.1)
    }
    self.low = low
    self.high = high
  }

  /// Where a value sits on the colour scale, 0...1 (not reversed); `nil`: not colourable.
  func fraction(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    switch map.scale {
    case .linear:
      return min(max((value - low) / (high - low), 0), 1)
    case .logarithmic:
      guard value > 0 else { return nil }
      let position =
        (Logarithm.base10(value) - Logarithm.base10(low))
        / (Logarithm.base10(high) - Logarithm.base10(low))
      return min(max(position, 0), 1)
    }
  }

  func fill(for cell: HeatMapCell) -> ChartColor {
    if let value = cell.finiteValue, let position = fraction(value) {
      return ViridisScale.color(at: map.reversed ? 1 - position : position)
    }
    switch cell.verdict {
    case .passes: return HeatMapLayout.passesFill
    case .fails: return HeatMapLayout.failsFill
    case nil: return HeatMapLayout.noValueFill
    }
  }

  /// The colour bar's ticks: nice linear steps, or powers of ten (with 2× and 5× when the
  /// range covers less than a decade) on a logarithmic scale.
  func legendTicks() -> [(value: Double, label: String)] {
    switch map.scale {
    case .linear:
      let scale = ValueScale.nice(
        dataMin: low, dataMax: high, includesZero: false, minimum: low, maximum: high, maxIntervals: 4)
      return scale.ticks.map { ($0, scale.label($0)) }
    case .logarithmic:
      var exponent = Int(Logarithm.base10(low).rounded(.down)) - 1
      var decades: [Double] = []
      var withSteps: [Double] = []
      while ValueScale.powerOfTen(exponent) <= high * (1 + 1e-12) && exponent < 400 {
        for mantissa in [1.0, 2, 5] {
          let value = mantissa * ValueScale.powerOfTen(exponent)
          guard value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12) else { continue }
          withSteps.append(value)
          if mantissa == 1 { decades.append(value) }
        }
        exponent += 1
      }
      let chosen = decades.count >= 2 ? decades : (withSteps.count >= 2 ? withSteps : [low, high])
      return chosen.map { ($0, NumberFormat.abbreviated($0)) }
    }
  }
}
