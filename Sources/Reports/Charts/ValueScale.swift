/// A numeric axis range rounded out to a "nice" step of 1, 2 or 5 × 10^k, with its ticks and
/// their labels.
///
/// Labels share one format across the axis: one scale suffix chosen from the largest tick
/// (`k`, `M`, `G`, …) and as many decimals as the step needs, so ticks read `0`, `0.5k`,
/// `1.0k`, `1.5k` rather than a mix of forms.
struct ValueScale: Equatable {
  var lower: Double
  var upper: Double
  var step: Double
  /// `step` = 1, 2 or 5 × 10^`stepExponent`.
  var stepExponent: Int
  var ticks: [Double]

  /// The smallest nice scale with at most `maxIntervals` steps that covers the data.
  ///
  /// - Parameters:
  ///   - dataMin, dataMax: the finite data range, or `nil` when there is no data (0...1).
  ///   - includesZero: widen the range to contain 0.
  ///   - minimum, maximum: fixed ends that replace the automatic ones.
  ///   - maxIntervals: the most steps that fit (at least 1).
  static func nice(
    dataMin: Double?, dataMax: Double?, includesZero: Bool, minimum: Double? = nil,
    maximum: Double? = nil, maxIntervals: Int
  ) -> ValueScale {
    var low = dataMin ?? 0
    var high = dataMax ?? (dataMin ?? 1)
    if dataMin == nil && dataMax == nil { (low, high) = (0, 1) }
    if includesZero {
      low = Swift.min(low, 0)
      high = Swift.max(high, 0)
    }
    if let minimum, minimum.isFinite { low = minimum }
    if let maximum, maximum.isFinite { high = maximum }
    if !(high > low) {
      if low == 0 && high == 0 {
        high = 1
      } else if minimum != nil || maximum != nil {
        // A fixed end crosses the data: keep the fixed end, open the other one.
        let pad = Swift.max(low.magnitude * 0.1, 1)
        if maximum != nil { low = high - pad } else { high = low + pad }
      } else {
        let pad = low.magnitude * 0.1
        (low, high) = (low - pad, high + pad)
      }
    }
    let intervals = Swift.max(maxIntervals, 1)
    // Divided first, so that a span wider than the largest Double stays finite.
    let raw = high / Double(intervals) - low / Double(intervals)
    var exponent = 0
    while powerOfTen(exponent) > raw && exponent > -320 { exponent -= 1 }
    while powerOfTen(exponent + 1) <= raw && exponent < 307 { exponent += 1 }

    // 1, 2, 5 × 10^exponent, then the next decade, until the data fits in `intervals` steps.
    for candidate in 0..<9 {
      let mantissa = [1.0, 2, 5][candidate % 3]
      let stepExponent = exponent + candidate / 3
      let step = mantissa * powerOfTen(stepExponent)
      guard step > 0 else { continue }
      guard step.isFinite else { break }
      // The tolerance lets a bound that is a multiple of the step up to rounding stay one.
      let first = (low / step + 1e-9).rounded(.down)
      let last = (high / step - 1e-9).rounded(.up)
      guard last - first <= Double(intervals) else { continue }
      let lower = (minimum?.isFinite == true) ? low : first * step
      let upper = (maximum?.isFinite == true) ? high : last * step
      var ticks: [Double] = []
      var index = (lower / step - 1e-9).rounded(.up)
      while index * step <= upper + step * 1e-9 {
        ticks.append(index * step)
        index += 1
      }
      return ValueScale(lower: lower, upper: upper, step: step, stepExponent: stepExponent, ticks: ticks)
    }
    // Only near the ends of the Double range: no nice step fits, so the data's own ends are
    // the only ticks.
    return ValueScale(lower: low, upper: high, step: high - low, stepExponent: exponent, ticks: [low, high])
  }

  /// `10^exponent` as the `Double` nearest to it (parsed, so exact to the last bit).
  static func powerOfTen(_ exponent: Int) -> Double {
    Double("1e\(exponent)") ?? 1
  }

  /// The label of a tick; `unitSuffix` is appended to non-zero labels (`s` for seconds).
  func label(_ value: Double, unitSuffix: String = "") -> String {
    let largest = Swift.max(lower.magnitude, upper.magnitude)
    var group = 0
    if let digits = DecimalDigits(largest), digits.pointPosition - 1 >= 3 {
      group = Swift.min((digits.pointPosition - 1) / 3, NumberFormat.siSuffixes.count - 1)
    }
    let decimals = Swift.max(0, 3 * group - stepExponent)
    guard let digits = DecimalDigits(value) else { return NumberFormat.nonFinite(value) }
    let scaled = digits.shifted(by: -3 * group).rounded(decimals: decimals)
    if scaled.isZero { return "0" }
    return NumberFormat.write(scaled, decimals: decimals, grouped: true)
      + NumberFormat.siSuffixes[group] + unitSuffix
  }
}
