// The data side of a line chart's layout: colours, gaps and thinning, the x range, the value
// scales, and series and markers in pixels.

extension LineChartLayout {
  /// One series ready to lay out: colour resolved, cut at gaps, thinned.
  struct PreparedSeries {
    var source: ChartSeries
    var color: ChartColor
    var onSecondary: Bool
    var segments: [[ChartPoint]]
    var finiteCount: Int
  }

  static func prepare(_ chart: SVGLineChart) -> [PreparedSeries] {
    // Colours: explicit ones first, the palette fills the rest in order, skipping taken ones.
    let taken = chart.series.compactMap(\.color)
    var free = ChartColor.palette.filter { !taken.contains($0) }
    if free.isEmpty { free = ChartColor.palette }
    var nextFree = 0
    var prepared: [PreparedSeries] = []
    for series in chart.series {
      let color: ChartColor
      if let chosen = series.color {
        color = chosen
      } else {
        color = free[nextFree % free.count]
        nextFree += 1
      }
      let (segments, count) = Self.segments(of: series.points, maxPoints: chart.maximumPointsPerSeries)
      prepared.append(
        PreparedSeries(
          source: series, color: color, onSecondary: series.axis == .secondary && chart.secondaryAxis != nil,
          segments: segments, finiteCount: count))
    }
    return prepared
  }

  /// The x range: given, or that of all finite data; a single instant gets a small window.
  static func xRange(_ chart: SVGLineChart, _ prepared: [PreparedSeries]) -> (low: Double, high: Double, hasData: Bool)
  {
    var low = Double.infinity
    var high = -Double.infinity
    for series in prepared {
      for segment in series.segments {
        if let first = segment.first, let last = segment.last {
          low = min(low, first.x)
          high = max(high, last.x)
        }
      }
    }
    for markerSet in chart.markers {
      for point in markerSet.points where point.x.isFinite {
        low = min(low, point.x)
        high = max(high, point.x)
      }
    }
    let hasData = low <= high
    if let range = chart.xRange, range.lowerBound.isFinite, range.upperBound.isFinite {
      (low, high) = (range.lowerBound, range.upperBound)
    } else if !hasData {
      (low, high) = (0, 1)
    }
    if !(high > low) {
      let half: Double
      switch chart.xAxis {
      case .numeric: half = max(low.magnitude * 0.1, 0.5)
      case .elapsed, .calendar: half = 30
      }
      (low, high) = (low - half, high + half)
    }
    return (low, high, hasData)
  }

  /// Finite runs of points in x order, each thinned to its share of the point budget.
  static func segments(of points: [ChartPoint], maxPoints: Int) -> ([[ChartPoint]], Int) {
    var ordered = points.filter { !$0.x.isNaN }
    var sorted = true
    var previous = -Double.infinity
    for point in ordered where point.x.isFinite {
      if point.x < previous { sorted = false; break }
      previous = point.x
    }
    if !sorted {
      ordered = ordered.enumerated()
        .sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }
        .map(\.element)
    }
    var runs: [ArraySlice<ChartPoint>] = []
    var runStart: Int?
    for (index, point) in ordered.enumerated() {
      if point.isFinite {
        if runStart == nil { runStart = index }
      } else if let start = runStart {
        runs.append(ordered[start..<index])
        runStart = nil
      }
    }
    if let start = runStart { runs.append(ordered[start..<ordered.count]) }
    let total = runs.reduce(0) { $0 + $1.count }
    let segments = runs.map { run in
      let share = max(4, maxPoints * run.count / max(total, 1))
      return MinMaxDownsampler.downsample(run, maxPoints: share)
    }
    return (segments, total)
  }

  static func drawn(_ series: PreparedSeries, mapping: PixelMapping, primary: ValueScale, secondary: ValueScale?)
    -> Series
  {
    let scale = series.onSecondary ? (secondary ?? primary) : primary
    return Series(
      name: series.source.name, color: series.color, filled: series.source.filled,
      dashed: series.source.stroke == .dashed, step: series.source.interpolation == .step,
      segments: series.segments.map { segment in segment.map { Pixel(x: mapping.x($0.x), y: mapping.y($0.y, scale)) } },
      baseY: mapping.y(min(max(0, scale.lower), scale.upper), scale))
  }

  /// Markers in the x range, each half pixel drawn once. The set is only asked for membership,
  /// never iterated, so the order stays that of the input.
  static func drawn(
    _ markerSet: ChartMarkers, mapping: PixelMapping, xLow: Double, xHigh: Double, primary: ValueScale,
    secondary: ValueScale?
  ) -> MarkerLayer {
    var layer = MarkerLayer(color: markerSet.color, timeline: markerSet.placement == .timeline, points: [])
    var drawn = Set<Int>()
    for point in markerSet.points where point.x.isFinite && point.x >= xLow && point.x <= xHigh {
      let x = mapping.x(point.x)
      switch markerSet.placement {
      case .timeline:
        guard drawn.insert((x * 2).clampedInteger(limit: 1e8)).inserted else { continue }
        layer.points.append(Pixel(x: x, y: mapping.plot.bottom))
      case .values(let axis):
        guard point.y.isFinite else { continue }
        let scale = axis == .secondary ? (secondary ?? primary) : primary
        let y = mapping.y(point.y, scale)
        let key = (x * 2).clampedInteger(limit: 1e8) * 1_000_000_000 + (y * 2).clampedInteger(limit: 1e8)
        guard drawn.insert(key).inserted else { continue }
        layer.points.append(Pixel(x: x, y: y))
      }
    }
    return layer
  }
}

/// The value ranges of the data shown, and the scales made from them.
struct ValueRanges {
  var chart: SVGLineChart
  var prepared: [LineChartLayout.PreparedSeries]
  var xLow: Double
  var xHigh: Double

  func dataRange(secondary: Bool) -> (Double, Double)? {
    let hasSecondary = chart.secondaryAxis != nil
    var low = Double.infinity
    var high = -Double.infinity
    for series in prepared where series.onSecondary == secondary {
      for segment in series.segments {
        for point in segment where point.x >= xLow && point.x <= xHigh {
          low = min(low, point.y)
          high = max(high, point.y)
        }
      }
    }
    for markerSet in chart.markers {
      guard case .values(let axis) = markerSet.placement,
        (axis == .secondary && hasSecondary) == secondary
      else { continue }
      for point in markerSet.points where point.isFinite && point.x >= xLow && point.x <= xHigh {
        low = min(low, point.y)
        high = max(high, point.y)
      }
    }
    return low <= high ? (low, high) : nil
  }

  func scale(for axis: ChartValueAxis, secondary: Bool, maxIntervals: Int) -> ValueScale {
    let range = dataRange(secondary: secondary)
    return ValueScale.nice(
      dataMin: range?.0, dataMax: range?.1, includesZero: axis.includesZero, minimum: axis.minimum,
      maximum: axis.maximum, maxIntervals: maxIntervals)
  }

  /// The right axis with its ticks on the left axis' gridlines when both start at zero.
  func alignedSecondaryScale(_ axis: ChartValueAxis, primary: ValueScale, maxIntervals: Int) -> ValueScale {
    let independent = scale(for: axis, secondary: true, maxIntervals: maxIntervals)
    let intervals = primary.ticks.count - 1
    guard primary.lower == 0, primary.ticks.first == 0, intervals >= 1, axis.minimum == nil,
      axis.maximum == nil, independent.lower == 0
    else { return independent }
    let top = dataRange(secondary: true)?.1 ?? 1
    let fitting = ValueScale.nice(
      dataMin: 0, dataMax: max(top, 0), includesZero: true, maxIntervals: intervals)
    let step = fitting.step
    let ticks = (0...intervals).map { Double($0) * step }
    return ValueScale(
      lower: 0, upper: Double(intervals) * step, step: step, stepExponent: fitting.stepExponent,
      ticks: ticks)
  }
}
