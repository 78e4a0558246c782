import SimulationKernel

// The text side of a line chart's layout: the legend's flow, the x labels that fit, the x
// axis title and the `<desc>` for screen readers.

extension LineChartLayout {
  /// Legend entries flowed left to right above the plot, wrapping at the right margin.
  static func legendFlow(_ chart: SVGLineChart, _ prepared: [PreparedSeries])
    -> [(swatch: LegendEntry.Swatch, label: String, x: Double, row: Int)]
  {
    var entries: [(swatch: LegendEntry.Swatch, label: String, x: Double, row: Int)] = []
    let longest = Double(chart.width) - 2 * ChartStyle.padding - 30
    func fitted(_ label: String) -> String {
      TextMetrics.truncated(label, toWidth: longest, fontSize: ChartStyle.labelSize)
    }
    for (index, series) in prepared.enumerated() {
      var label = series.source.name
      if series.onSecondary { label += " (right axis)" }
      entries.append((.series(index), fitted(label), 0, 0))
    }
    for (index, markerSet) in chart.markers.enumerated() {
      entries.append((.markers(index), fitted(markerSet.name), 0, 0))
    }
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

  /// Keeps labels inside the document and drops any that would overlap the one before it
  /// (a major label, such as a day, displaces a minor one).
  static func placeLabels(_ labels: [(x: Double, text: String, isMajor: Bool)], width: Double)
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

  static func xAxisTitle(_ chart: SVGLineChart, xLow: Double) -> String {
    if let title = chart.xAxisTitle { return title }
    switch chart.xAxis {
    case .elapsed: return "time since start"
    case .calendar(let start, let offset):
      let begin = UTCDateTime(unixSeconds: start + Int64(offset) + Int64(xLow.rounded(.down).clampedInteger()))
      return "time (" + zoneName(offset) + "), from " + begin.isoLabel
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

  static func xLabel(_ chart: SVGLineChart, _ x: Double) -> String {
    switch chart.xAxis {
    case .elapsed: return XAxisTicks.elapsedLabel(x)
    case .calendar(let start, let offset):
      return UTCDateTime(unixSeconds: start + Int64(offset) + Int64(x.rounded(.down).clampedInteger())).isoLabel
    case .numeric: return NumberFormat.abbreviated(x)
    }
  }

  /// `<desc>`: the given summary, then what a sighted reader gets from the axes and lines.
  static func description(
    _ chart: SVGLineChart, prepared: [PreparedSeries], xLow: Double, xHigh: Double, primary: ValueScale,
    secondary: ValueScale?
  ) -> String {
    var parts: [String] = []
    if let summary = chart.summary, !summary.isEmpty { parts.append(summary) }
    var xName: String {
      switch chart.xAxis {
      case .elapsed: return "time since start"
      case .calendar(_, let offset): return "time (" + zoneName(offset) + ")"
      case .numeric(let title): return title
      }
    }
    parts.append(
      "Line chart. X axis: \(chart.xAxisTitle ?? xName), \(xLabel(chart, xLow)) to \(xLabel(chart, xHigh)).")
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
