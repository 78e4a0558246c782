import SimulationKernel

/// Chooses the ticks of an x axis: the smallest step whose labels do not collide.
enum XAxisTicks {
  /// Steps a time axis may use, in seconds: 1s … 30s, 1m, 5m, 15m, 30m, 1h, 2h, 3h, 6h, 12h,
  /// 1d, 2d, 7d. Every step up to a day divides a day, so midnights are always ticks.
  static let timeSteps: [Double] = [
    1, 5, 15, 30, 60, 300, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
    604_800,
  ]

  /// The space kept free between two labels, in pixels.
  static let labelGap = 14.0

  static func ticks(
    for axis: ChartXAxis, from low: Double, to high: Double, plotWidth: Double, fontSize: Double
  ) -> [AxisTick] {
    guard high > low, plotWidth > 0 else { return [] }
    switch axis {
    case .elapsed:
      if high - low < 60 {
        return numericTicks(from: low, to: high, plotWidth: plotWidth, fontSize: fontSize, unitSuffix: "s")
      }
      return timeTicks(from: low, to: high, plotWidth: plotWidth, fontSize: fontSize, steps: timeSteps) {
        position, _ in AxisTick(position: position, label: elapsedLabel(position))
      }
    case .calendar(let start, let offset):
      let origin = Double(start) + Double(offset)
      let steps = high - low < 300 ? timeSteps : timeSteps.filter { $0 >= 60 }
      var ticks = timeTicks(
        from: low, to: high, plotWidth: plotWidth, fontSize: fontSize, steps: steps, origin: origin
      ) { position, step in
        let date = UTCDateTime(unixSeconds: Int64((origin + position).clampedInteger()))
        let isMidnight = date.hour == 0 && date.minute == 0 && date.second == 0
        if step >= 86_400 { return AxisTick(position: position, label: date.dayLabel, isMajor: false) }
        return AxisTick(
          position: position, label: date.timeLabel(withSeconds: step < 60),
          secondLine: isMidnight ? date.dayLabel : nil, isMajor: isMidnight)
      }
      // The first tick always says which day it is.
      if let first = ticks.first, first.secondLine == nil, first.label.contains(":") {
        ticks[0].secondLine = UTCDateTime(unixSeconds: Int64((origin + first.position).clampedInteger())).dayLabel
      }
      return ticks
    case .numeric:
      return numericTicks(from: low, to: high, plotWidth: plotWidth, fontSize: fontSize, unitSuffix: "")
    }
  }

  /// The widest first-line label of a set of ticks. Second lines (days) are at least a day
  /// apart, wider apart than the ticks; where the first tick's day would touch the next one,
  /// the chart drops the first.
  static func widestLabel(_ ticks: [AxisTick], fontSize: Double) -> Double {
    ticks.reduce(0) { widest, tick in max(widest, TextMetrics.width(tick.label, fontSize: fontSize)) }
  }

  /// Ticks at whole multiples of a step counted from `origin` (x = 0 is `origin` seconds).
  private static func timeTicks(
    from low: Double, to high: Double, plotWidth: Double, fontSize: Double, steps: [Double],
    origin: Double = 0, make: (Double, Double) -> AxisTick
  ) -> [AxisTick] {
    var best: [AxisTick] = []
    for step in steps {
      let first = ((origin + low) / step - 1e-9).rounded(.up)
      let last = ((origin + high) / step + 1e-9).rounded(.down)
      guard last - first <= 60 else { continue }
      var ticks: [AxisTick] = []
      var index = first
      while index <= last {
        ticks.append(make(index * step - origin, step))
        index += 1
      }
      best = ticks
      let spacing = step / (high - low) * plotWidth
      if spacing >= widestLabel(ticks, fontSize: fontSize) + labelGap { return ticks }
    }
    return best
  }

  private static func numericTicks(
    from low: Double, to high: Double, plotWidth: Double, fontSize: Double, unitSuffix: String
  ) -> [AxisTick] {
    var intervals = max(1, Int(plotWidth / 40))
    while true {
      let scale = ValueScale.nice(
        dataMin: low, dataMax: high, includesZero: false, minimum: low, maximum: high,
        maxIntervals: intervals)
      let ticks = scale.ticks.map { AxisTick(position: $0, label: scale.label($0, unitSuffix: unitSuffix)) }
      let spacing = scale.step / (high - low) * plotWidth
      if spacing >= widestLabel(ticks, fontSize: fontSize) + labelGap || intervals == 1 { return ticks }
      intervals -= 1
    }
  }

  /// `0`, `45s`, `30m`, `1h30m`, `2d6h` (whole seconds; components that are zero are left out).
  static func elapsedLabel(_ seconds: Double) -> String {
    let total = seconds.magnitude.clampedInteger()
    guard total != 0 else { return "0" }
    let parts: [(Int, String)] = [
      (total / 86_400, "d"), (total / 3600 % 24, "h"), (total / 60 % 60, "m"), (total % 60, "s"),
    ]
    let text = parts.filter { $0.0 != 0 }.map { "\($0.0)\($0.1)" }.joined()
    return seconds < 0 ? "-" + text : text
  }
}
