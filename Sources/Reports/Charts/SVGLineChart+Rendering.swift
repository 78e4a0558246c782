// The drawing of an SVGLineChart: data preparation, layout, then the SVG elements in paint
// order (gridlines, fills, lines, markers, axes, legend).

extension SVGLineChart {
  /// The chart as a standalone SVG document.
  public func render() -> String {
    LineChartRenderer(chart: self).render()
  }
}

/// One series ready to draw: colour resolved, cut at gaps, thinned.
private struct PreparedSeries {
  var source: ChartSeries
  var color: ChartColor
  var onSecondary: Bool
  var segments: [[ChartPoint]]
  var finiteCount: Int
}

private struct LineChartRenderer {
  let chart: SVGLineChart
  let prepared: [PreparedSeries]
  let hasSecondary: Bool
  let xLow: Double
  let xHigh: Double
  let hasData: Bool

  init(chart: SVGLineChart) {
    self.chart = chart
    hasSecondary = chart.secondaryAxis != nil
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
    self.prepared = prepared

    // The x range: given, or that of all finite data.
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
    hasData = low <= high
    if let range = chart.xRange, range.lowerBound.isFinite, range.upperBound.isFinite {
      (low, high) = (range.lowerBound, range.upperBound)
    } else if !hasData {
      (low, high) = (0, 1)
    }
    if !(high > low) {
      // A single instant: open a small window around it.
      let half: Double
      switch chart.xAxis {
      case .numeric: half = max(low.magnitude * 0.1, 0.5)
      case .elapsed, .calendar: half = 30
      }
      (low, high) = (low - half, high + half)
    }
    xLow = low
    xHigh = high
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

  // MARK: - Value ranges

  private func dataRange(secondary: Bool) -> (Double, Double)? {
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

  private func scale(for axis: ChartValueAxis, secondary: Bool, maxIntervals: Int) -> ValueScale {
    let range = dataRange(secondary: secondary)
    return ValueScale.nice(
      dataMin: range?.0, dataMax: range?.1, includesZero: axis.includesZero, minimum: axis.minimum,
      maximum: axis.maximum, maxIntervals: maxIntervals)
  }

  /// The right axis with its ticks on the left axis' gridlines when both start at zero.
  private func alignedSecondaryScale(_ axis: ChartValueAxis, primary: ValueScale, maxIntervals: Int)
    -> ValueScale
  {
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

  // MARK: - Legend

  private struct LegendEntry {
    enum Swatch {
      case series(Int)
      case markers(Int)
    }
    var swatch: Swatch
    var label: String
    var x: Double = 0
    var row: Int = 0
  }

  private func legendEntries() -> [LegendEntry] {
    var entries: [LegendEntry] = []
    let longest = Double(chart.width) - 2 * ChartStyle.padding - 30
    func fitted(_ label: String) -> String {
      TextMetrics.truncated(label, toWidth: longest, fontSize: ChartStyle.labelSize)
    }
    for (index, series) in prepared.enumerated() {
      var label = series.source.name
      if series.onSecondary { label += " (right axis)" }
      entries.append(LegendEntry(swatch: .series(index), label: fitted(label)))
    }
    for (index, markerSet) in chart.markers.enumerated() {
      entries.append(LegendEntry(swatch: .markers(index), label: fitted(markerSet.name)))
    }
    // Flow left to right, wrapping at the right margin.
    let left = ChartStyle.padding
    let right = Double(chart.width) - ChartStyle.padding
    var x = left
    var row = 0
    for index in entries.indices {
      let entryWidth = 24 + 6 + TextMetrics.width(entries[index].label, fontSize: ChartStyle.labelSize)
      if x > left && x + entryWidth > right {
        row += 1
        x = left
      }
      entries[index].x = x
      entries[index].row = row
      x += entryWidth + 20
    }
    return entries
  }

  // MARK: - Render

  func render() -> String {
    let width = Double(chart.width)
    let height = Double(chart.height)
    let pad = ChartStyle.padding
    let titleBaseline = ChartStyle.titleBaseline
    let legend = legendEntries()
    let legendRows = (legend.map(\.row).max() ?? -1) + 1
    let legendTop = titleBaseline + 18
    let rowHeight = 18.0
    let plotTop = legendTop + Double(legendRows) * rowHeight + 6

    var isCalendar = false
    if case .calendar = chart.xAxis { isCalendar = true }
    let xTitleBaseline = height - 10
    let tickLines = isCalendar ? 2.0 : 1.0
    let plotBottom = xTitleBaseline - 18 - tickLines * 14 - 4
    let plotHeight = max(plotBottom - plotTop, 20)
    let maxIntervals = max(1, Int(plotHeight / 42))

    let primary = scale(for: chart.primaryAxis, secondary: false, maxIntervals: maxIntervals)
    let secondary = chart.secondaryAxis.map {
      alignedSecondaryScale($0, primary: primary, maxIntervals: maxIntervals)
    }
    let primaryLabels = primary.ticks.map { primary.label($0) }
    let secondaryLabels = secondary.map { scale in scale.ticks.map { scale.label($0) } } ?? []
    let widestPrimary = primaryLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0
    let widestSecondary = secondaryLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0

    let plotLeft = pad + ChartStyle.labelSize + 8 + widestPrimary + 8
    let plotRight = width - (secondary == nil ? pad + 16 : pad + ChartStyle.labelSize + 8 + widestSecondary + 8)
    let plotWidth = max(plotRight - plotLeft, 20)

    // Without data and without a given range, the x range is a placeholder: no ticks.
    let xTicks =
      !hasData && chart.xRange == nil
      ? []
      : XAxisTicks.ticks(
        for: chart.xAxis, from: xLow, to: xHigh, plotWidth: plotWidth, fontSize: ChartStyle.tickSize)

    /// Where `value` lies between `low` and `high`, as a fraction; halved first when the span
    /// itself overflows (data near ±Double.greatestFiniteMagnitude).
    func position(_ value: Double, _ low: Double, _ high: Double) -> Double {
      let span = high - low
      if span.isFinite { return (value - low) / span }
      return (value * 0.5 - low * 0.5) / (high * 0.5 - low * 0.5)
    }
    func px(_ x: Double) -> Double { plotLeft + position(x, xLow, xHigh) * plotWidth }
    func py(_ y: Double, _ scale: ValueScale) -> Double {
      plotBottom - position(y, scale.lower, scale.upper) * plotHeight
    }
    let n = SVGNumber.format

    var svg = SVGWriter(
      chartWidth: chart.width, height: chart.height, title: chart.title,
      description: description(primary: primary, secondary: secondary)
    ) { defs in
      defs.open("clipPath", [("id", "plot-area")])
      defs.element(
        "rect",
        [("x", n(plotLeft - 4)), ("y", n(plotTop - 4)), ("width", n(plotWidth + 8)), ("height", n(plotHeight + 8))])
      defs.close("clipPath")
    }

    // Gridlines.
    svg.open("g", [("stroke-width", "1"), ("fill", "none")])
    for tick in primary.ticks {
      let y = py(tick, primary)
      svg.element(
        "line",
        [
          ("x1", n(plotLeft)), ("x2", n(plotRight)), ("y1", n(y)), ("y2", n(y)),
          ("stroke", tick == 0 && primary.lower < 0 ? ChartStyle.majorGridColor : ChartStyle.gridColor),
        ])
    }
    for tick in xTicks {
      let x = px(tick.position)
      svg.element(
        "line",
        [
          ("x1", n(x)), ("x2", n(x)), ("y1", n(plotTop)), ("y2", n(plotBottom)),
          ("stroke", tick.isMajor ? ChartStyle.majorGridColor : ChartStyle.gridColor),
        ])
    }
    svg.close("g")

    // Data: fills under everything, then lines, then markers.
    svg.open("g", [("clip-path", "url(#plot-area)")])
    for series in prepared where series.source.filled {
      let scale = series.onSecondary ? (secondary ?? primary) : primary
      let base = py(min(max(0, scale.lower), scale.upper), scale)
      for segment in series.segments where segment.count > 1 {
        var d = pathData(segment, interpolation: series.source.interpolation) { (px($0.x), py($0.y, scale)) }
        d += " L" + n(px(segment[segment.count - 1].x)) + " " + n(base)
        d += " L" + n(px(segment[0].x)) + " " + n(base) + " Z"
        svg.element(
          "path", [("d", d), ("fill", series.color.hex), ("fill-opacity", "0.18"), ("stroke", "none")])
      }
    }
    for series in prepared {
      let scale = series.onSecondary ? (secondary ?? primary) : primary
      var attributes: [(String, String)] = [
        ("fill", "none"), ("stroke", series.color.hex), ("stroke-linejoin", "round"),
        ("stroke-linecap", "round"),
      ]
      if series.source.stroke == .dashed {
        attributes += [("stroke-width", "1.75"), ("stroke-dasharray", "7 4")]
      } else {
        attributes += [("stroke-width", "2")]
      }
      svg.open("g", attributes)
      for segment in series.segments {
        if segment.count == 1 {
          svg.element(
            "circle",
            [
              ("cx", n(px(segment[0].x))), ("cy", n(py(segment[0].y, scale))), ("r", "2.5"),
              ("fill", series.color.hex), ("stroke", "none"),
            ])
        } else {
          let d = pathData(segment, interpolation: series.source.interpolation) { (px($0.x), py($0.y, scale)) }
          svg.element("path", [("d", d)])
        }
      }
      svg.close("g")
    }
    for markerSet in chart.markers {
      svg.open("g", [("fill", markerSet.color.hex), ("stroke", markerSet.color.hex)])
      // Markers on the same half pixel are drawn once. The set is only asked for membership,
      // never iterated, so drawing order stays that of the input.
      var drawn = Set<Int>()
      for point in markerSet.points where point.x.isFinite && point.x >= xLow && point.x <= xHigh {
        let x = px(point.x)
        switch markerSet.placement {
        case .timeline:
          guard drawn.insert((x * 2).clampedInteger(limit: 1e8)).inserted else { continue }
          svg.element(
            "line",
            [("x1", n(x)), ("x2", n(x)), ("y1", n(plotBottom)), ("y2", n(plotBottom - 9)), ("stroke-width", "1.5")])
        case .values(let axis):
          guard point.y.isFinite else { continue }
          let scale = axis == .secondary ? (secondary ?? primary) : primary
          let y = py(point.y, scale)
          let key = (x * 2).clampedInteger(limit: 1e8) * 1_000_000_000 + (y * 2).clampedInteger(limit: 1e8)
          guard drawn.insert(key).inserted else { continue }
          svg.element(
            "circle", [("cx", n(x)), ("cy", n(y)), ("r", "3"), ("stroke", "#FFFFFF"), ("stroke-width", "0.75")])
        }
      }
      svg.close("g")
    }
    svg.close("g")

    if !hasData {
      svg.element(
        "text",
        [
          ("x", n(plotLeft + plotWidth / 2)), ("y", n(plotTop + plotHeight / 2)), ("text-anchor", "middle"),
          ("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.mutedTextColor),
        ], content: "no data")
    }

    // Axes.
    svg.open("g", [("stroke", ChartStyle.axisColor), ("stroke-width", "1")])
    svg.element("line", [("x1", n(plotLeft)), ("x2", n(plotRight)), ("y1", n(plotBottom)), ("y2", n(plotBottom))])
    svg.element("line", [("x1", n(plotLeft)), ("x2", n(plotLeft)), ("y1", n(plotTop)), ("y2", n(plotBottom))])
    if secondary != nil {
      svg.element("line", [("x1", n(plotRight)), ("x2", n(plotRight)), ("y1", n(plotTop)), ("y2", n(plotBottom))])
    }
    for tick in xTicks {
      let x = px(tick.position)
      svg.element("line", [("x1", n(x)), ("x2", n(x)), ("y1", n(plotBottom)), ("y2", n(plotBottom + 4))])
    }
    svg.close("g")

    // Tick labels.
    svg.open("g", [("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.mutedTextColor)])
    for (tick, label) in zip(primary.ticks, primaryLabels) {
      svg.element(
        "text",
        [("x", n(plotLeft - 6)), ("y", n(py(tick, primary) + ChartStyle.tickSize * 0.35)), ("text-anchor", "end")],
        content: label)
    }
    if let secondary {
      for (tick, label) in zip(secondary.ticks, secondaryLabels) {
        svg.element(
          "text",
          [("x", n(plotRight + 6)), ("y", n(py(tick, secondary) + ChartStyle.tickSize * 0.35))],
          content: label)
      }
    }
    let firstLine = placeLabels(xTicks.map { (px($0.position), $0.label, $0.isMajor) }, width: width)
    let secondLine = placeLabels(
      xTicks.compactMap { tick in tick.secondLine.map { (px(tick.position), $0, tick.isMajor) } }, width: width)
    for (x, label) in firstLine {
      svg.element(
        "text", [("x", n(x)), ("y", n(plotBottom + 16)), ("text-anchor", "middle")], content: label)
    }
    for (x, label) in secondLine {
      svg.element(
        "text",
        [("x", n(x)), ("y", n(plotBottom + 30)), ("text-anchor", "middle"), ("fill", ChartStyle.textColor)],
        content: label)
    }
    svg.close("g")

    // Axis titles.
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor)])
    svg.element(
      "text", [("x", n(plotLeft + plotWidth / 2)), ("y", n(xTitleBaseline)), ("text-anchor", "middle")],
      content: TextMetrics.truncated(xAxisTitle, toWidth: plotWidth, fontSize: ChartStyle.labelSize))
    let middle = plotTop + plotHeight / 2
    let leftTitleX = pad + ChartStyle.labelSize - 2
    svg.element(
      "text",
      [
        ("x", n(leftTitleX)), ("y", n(middle)), ("text-anchor", "middle"),
        ("transform", "rotate(-90 " + n(leftTitleX) + " " + n(middle) + ")"),
      ],
      content: TextMetrics.truncated(chart.primaryAxis.label, toWidth: plotHeight + 20, fontSize: ChartStyle.labelSize))
    if let axis = chart.secondaryAxis {
      let rightTitleX = width - pad - 2
      svg.element(
        "text",
        [
          ("x", n(rightTitleX)), ("y", n(middle)), ("text-anchor", "middle"),
          ("transform", "rotate(90 " + n(rightTitleX) + " " + n(middle) + ")"),
        ], content: TextMetrics.truncated(axis.label, toWidth: plotHeight + 20, fontSize: ChartStyle.labelSize))
    }
    svg.close("g")

    // Legend.
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor)])
    for entry in legend {
      let centerY = legendTop + Double(entry.row) * rowHeight
      switch entry.swatch {
      case .series(let index):
        let series = prepared[index]
        if series.source.filled {
          svg.element(
            "rect",
            [
              ("x", n(entry.x)), ("y", n(centerY - 5)), ("width", "24"), ("height", "10"),
              ("fill", series.color.hex), ("fill-opacity", "0.18"),
            ])
        }
        var attributes: [(String, String)] = [
          ("x1", n(entry.x)), ("x2", n(entry.x + 24)), ("y1", n(centerY)), ("y2", n(centerY)),
          ("stroke", series.color.hex),
        ]
        attributes +=
          series.source.stroke == .dashed
          ? [("stroke-width", "1.75"), ("stroke-dasharray", "7 4")] : [("stroke-width", "2")]
        svg.element("line", attributes)
      case .markers(let index):
        let markerSet = chart.markers[index]
        switch markerSet.placement {
        case .timeline:
          for offset in [6.0, 12, 18] {
            svg.element(
              "line",
              [
                ("x1", n(entry.x + offset)), ("x2", n(entry.x + offset)), ("y1", n(centerY + 5)),
                ("y2", n(centerY - 4)), ("stroke", markerSet.color.hex), ("stroke-width", "1.5"),
              ])
          }
        case .values:
          svg.element(
            "circle", [("cx", n(entry.x + 12)), ("cy", n(centerY)), ("r", "3"), ("fill", markerSet.color.hex)])
        }
      }
      svg.element(
        "text", [("x", n(entry.x + 30)), ("y", n(centerY + ChartStyle.labelSize * 0.35))], content: entry.label)
    }
    svg.close("g")
    return svg.finish()
  }

  /// `M x y L x y …`, or with horizontal-then-vertical moves for a step line.
  private func pathData(
    _ points: [ChartPoint], interpolation: ChartSeries.Interpolation, map: (ChartPoint) -> (Double, Double)
  ) -> String {
    var d = ""
    d.reserveCapacity(points.count * 14)
    var previousY = 0.0
    for (index, point) in points.enumerated() {
      let (x, y) = map(point)
      if index == 0 {
        d += "M" + SVGNumber.format(x) + " " + SVGNumber.format(y)
      } else if interpolation == .step {
        d += " H" + SVGNumber.format(x)
        if y != previousY { d += " V" + SVGNumber.format(y) }
      } else {
        d += " L" + SVGNumber.format(x) + " " + SVGNumber.format(y)
      }
      previousY = y
    }
    return d
  }

  /// Keeps labels inside the document and drops any that would overlap the one before it
  /// (a major label, such as a day, displaces a minor one).
  private func placeLabels(_ labels: [(x: Double, text: String, isMajor: Bool)], width: Double)
    -> [(Double, String)]
  {
    var placed: [(x: Double, text: String, isMajor: Bool, left: Double, right: Double)] = []
    for label in labels {
      let labelWidth = TextMetrics.width(label.text, fontSize: ChartStyle.tickSize)
      var x = label.x
      x = max(x, 2 + labelWidth / 2)
      x = min(x, width - 2 - labelWidth / 2)
      let left = x - labelWidth / 2
      let right = x + labelWidth / 2
      if let last = placed.last, left < last.right + 6 {
        if label.isMajor && !last.isMajor {
          placed.removeLast()
          if let before = placed.last, left < before.right + 6 { continue }
        } else {
          continue
        }
      }
      placed.append((x, label.text, label.isMajor, left, right))
    }
    return placed.map { ($0.x, $0.text) }
  }

  // MARK: - Text

  private var xAxisTitle: String {
    if let title = chart.xAxisTitle { return title }
    switch chart.xAxis {
    case .elapsed: return "time since start"
    case .calendar(let start, let offset):
      let begin = CalendarDate(unixSeconds: start + Int64(offset) + Int64(xLow.rounded(.down).clampedInteger()))
      return "time (" + Self.zoneName(offset) + "), from " + begin.isoLabel
    case .numeric(let title): return title
    }
  }

  /// `UTC`, `UTC+01:00`, `UTC-05:00`.
  static func zoneName(_ offset: Int) -> String {
    guard offset != 0 else { return "UTC" }
    let minutes = abs(offset) / 60
    return "UTC" + (offset < 0 ? "-" : "+") + NumberFormat.twoDigits(minutes / 60) + ":"
      + NumberFormat.twoDigits(minutes % 60)
  }

  private func xLabel(_ x: Double) -> String {
    switch chart.xAxis {
    case .elapsed: return XAxisTicks.elapsedLabel(x)
    case .calendar(let start, let offset):
      return CalendarDate(unixSeconds: start + Int64(offset) + Int64(x.rounded(.down).clampedInteger())).isoLabel
    case .numeric: return NumberFormat.abbreviated(x)
    }
  }

  /// `<desc>`: the given summary, then what a sighted reader gets from the axes and lines.
  private func description(primary: ValueScale, secondary: ValueScale?) -> String {
    var parts: [String] = []
    if let summary = chart.summary, !summary.isEmpty { parts.append(summary) }
    var xName: String {
      switch chart.xAxis {
      case .elapsed: return "time since start"
      case .calendar(_, let offset): return "time (" + Self.zoneName(offset) + ")"
      case .numeric(let title): return title
      }
    }
    parts.append("Line chart. X axis: \(chart.xAxisTitle ?? xName), \(xLabel(xLow)) to \(xLabel(xHigh)).")
    var axes =
      "Left axis: \(chart.primaryAxis.label), \(primary.label(primary.lower)) to \(primary.label(primary.upper))."
    if let axis = chart.secondaryAxis, let secondary {
      axes += " Right axis: \(axis.label), \(secondary.label(secondary.lower)) to \(secondary.label(secondary.upper))."
    }
    parts.append(axes)
    for series in prepared {
      let unit = series.onSecondary ? (chart.secondaryAxis?.unit ?? "") : chart.primaryAxis.unit
      let values = series.segments.joined().map(\.y)
      if let low = values.min(), let high = values.max() {
        parts.append(
          "\(series.source.name): \(NumberFormat.grouped(series.finiteCount)) "
            + (series.finiteCount == 1 ? "point" : "points") + ", from \(NumberFormat.abbreviated(low)) "
            + "to \(NumberFormat.abbreviated(high)) \(unit).")
      } else {
        parts.append("\(series.source.name): no data.")
      }
    }
    for markerSet in chart.markers {
      let count = markerSet.points.filter { $0.x.isFinite }.count
      parts.append("\(markerSet.name): \(NumberFormat.grouped(count)) " + (count == 1 ? "event." : "events."))
    }
    return parts.joined(separator: " ")
  }
}
