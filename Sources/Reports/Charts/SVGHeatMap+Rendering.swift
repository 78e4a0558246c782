// The drawing of an SVGHeatMap: colour domain, layout, cells, labels and legend.

extension SVGHeatMap {
  /// The heat map as a standalone SVG document.
  public func render() -> String {
    HeatMapRenderer(map: self).render()
  }
}

private struct HeatMapRenderer {
  let map: SVGHeatMap
  /// The colour domain, in value units.
  let low: Double
  let high: Double
  let hasValues: Bool

  static let noValueFill = ChartColor(hex: "#EEEEEE")
  static let passesFill = ChartColor(hex: "#BFE3D4")
  static let failsFill = ChartColor(hex: "#F6CFB4")
  static let failsFrame = ChartColor.vermillion

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
    case .passes: return Self.passesFill
    case .fails: return Self.failsFill
    case nil: return Self.noValueFill
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

  // MARK: - Render

  func render() -> String {
    let n = SVGNumber.format
    let pad = ChartStyle.padding
    let width = Double(map.width)
    let rows = map.rowLabels.count
    let columns = map.columnLabels.count
    let titleBaseline = ChartStyle.titleBaseline
    let gridTop = titleBaseline + 26

    let widestRowLabel = map.rowLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0
    // Slanted column labels are cut at 130 px so that one long label cannot push the axis
    // title far below the grid; the full labels are in <desc>.
    let columnLabels = map.columnLabels.map { TextMetrics.truncated($0, toWidth: 130, fontSize: ChartStyle.tickSize) }
    let widestColumnLabel = columnLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0
    let ticks = legendTicks()
    let widestTick = ticks.map { TextMetrics.width($0.label, fontSize: ChartStyle.tickSize) }.max() ?? 0
    let verdicts = legendVerdicts()
    let legendWidth = min(
      max(
        120, TextMetrics.width(map.valueTitle, fontSize: ChartStyle.labelSize) + 4, 16 + 8 + widestTick,
        verdicts.map { 22 + TextMetrics.width($0.label, fontSize: ChartStyle.labelSize) }.max() ?? 0),
      260)

    let gridLeft = pad + ChartStyle.labelSize + 10 + widestRowLabel + 8
    let available = width - pad - legendWidth - 28 - gridLeft
    let cellWidth = max(min(140, available / Double(max(columns, 1))), 24)
    let cellHeight = rows > 15 ? 24.0 : 34.0
    let gridWidth = cellWidth * Double(columns)
    let gridHeight = cellHeight * Double(rows)
    let gridBottom = gridTop + gridHeight
    let slanted = widestColumnLabel > cellWidth - 6
    let columnLabelHeight = slanted ? widestColumnLabel * 0.574 + 22 : 20
    let columnTitleBaseline = gridBottom + columnLabelHeight + 16

    let legendLeft = gridLeft + gridWidth + 28
    let barTop = gridTop + 14
    let barHeight = min(160, max(90, gridHeight - 14))
    let barBottom = barTop + barHeight
    let verdictTop = barBottom + 24
    let legendBottom = hasValues ? verdictTop + Double(verdicts.count) * 20 : gridTop + Double(verdicts.count) * 20
    let height = Int((max(columnTitleBaseline, legendBottom) + pad).rounded(.up))

    var svg = SVGWriter(chartWidth: map.width, height: height, title: map.title, description: description()) { defs in
      let gradientStops = map.reversed ? Array(ViridisScale.anchors.reversed()) : ViridisScale.anchors
      defs.open("linearGradient", [("id", "heat-scale"), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
      for (index, color) in gradientStops.enumerated() {
        defs.element(
          "stop",
          [
            ("offset", SVGNumber.format(Double(index) * 100 / Double(gradientStops.count - 1)) + "%"),
            ("stop-color", color.hex),
          ])
      }
      defs.close("linearGradient")
      defs.open(
        "pattern",
        [
          ("id", "fails-hatch"), ("width", "7"), ("height", "7"), ("patternUnits", "userSpaceOnUse"),
          ("patternTransform", "rotate(45)"),
        ])
      // A light and a dark stripe, so the hatching shows on every colour of the scale.
      defs.element("rect", [("width", "1.5"), ("height", "7"), ("fill", "#FFFFFF"), ("fill-opacity", "0.5")])
      defs.element(
        "rect", [("x", "1.5"), ("width", "1.5"), ("height", "7"), ("fill", "#000000"), ("fill-opacity", "0.35")])
      defs.close("pattern")
    }

    // Cells.
    svg.open("g", [("font-size", n(ChartStyle.tickSize)), ("text-anchor", "middle")])
    for (rowIndex, row) in map.cells.enumerated() {
      for (columnIndex, cell) in row.enumerated() {
        let x = gridLeft + Double(columnIndex) * cellWidth
        let y = gridTop + Double(rowIndex) * cellHeight
        let color = fill(for: cell)
        svg.element(
          "rect",
          [
            ("x", n(x)), ("y", n(y)), ("width", n(cellWidth)), ("height", n(cellHeight)), ("fill", color.hex),
            ("stroke", "#FFFFFF"), ("stroke-width", "1"),
          ])
        if cell.verdict == .fails {
          svg.element(
            "rect",
            [
              ("x", n(x)), ("y", n(y)), ("width", n(cellWidth)), ("height", n(cellHeight)),
              ("fill", "url(#fails-hatch)"),
            ])
          svg.element(
            "rect",
            [
              ("x", n(x + 2)), ("y", n(y + 2)), ("width", n(cellWidth - 4)), ("height", n(cellHeight - 4)),
              ("fill", "none"), ("stroke", Self.failsFrame.hex), ("stroke-width", "2.5"),
            ])
        }
        var text = cell.text ?? cell.finiteValue.map { NumberFormat.abbreviated($0) } ?? ""
        if cell.verdict == .fails && !text.isEmpty { text = "✗ " + text }
        guard !text.isEmpty, TextMetrics.width(text, fontSize: ChartStyle.tickSize) <= cellWidth - 12 else { continue }
        let dark = color.luminance < 0.3
        let textWidth = TextMetrics.width(text, fontSize: ChartStyle.tickSize)
        if cell.verdict == .fails {
          // A plate in the cell's own colour keeps the text readable over the hatching.
          svg.element(
            "rect",
            [
              ("x", n(x + cellWidth / 2 - textWidth / 2 - 4)), ("y", n(y + cellHeight / 2 - 8)),
              ("width", n(textWidth + 8)), ("height", "16"), ("rx", "3"), ("fill", color.hex),
            ])
        }
        var attributes: [(String, String)] = [
          ("x", n(x + cellWidth / 2)), ("y", n(y + cellHeight / 2 + ChartStyle.tickSize * 0.35)),
          ("fill", dark ? "#FFFFFF" : "#111111"),
        ]
        if cell.verdict == .fails { attributes.append(("font-weight", "bold")) }
        svg.element("text", attributes, content: text)
      }
    }
    svg.close("g")

    // Row and column labels, axis titles.
    svg.open("g", [("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.mutedTextColor)])
    for (index, label) in map.rowLabels.enumerated() {
      let y = gridTop + (Double(index) + 0.5) * cellHeight + ChartStyle.tickSize * 0.35
      svg.element("text", [("x", n(gridLeft - 8)), ("y", n(y)), ("text-anchor", "end")], content: label)
    }
    for (index, label) in columnLabels.enumerated() {
      let x = gridLeft + (Double(index) + 0.5) * cellWidth
      if slanted {
        let y = gridBottom + 14
        svg.element(
          "text",
          [
            ("x", n(x + 4)), ("y", n(y)), ("text-anchor", "end"),
            ("transform", "rotate(-35 " + n(x + 4) + " " + n(y) + ")"),
          ], content: label)
      } else {
        svg.element("text", [("x", n(x)), ("y", n(gridBottom + 16)), ("text-anchor", "middle")], content: label)
      }
    }
    svg.close("g")
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor), ("text-anchor", "middle")])
    svg.element(
      "text", [("x", n(gridLeft + gridWidth / 2)), ("y", n(columnTitleBaseline))],
      content: TextMetrics.truncated(map.columnTitle, toWidth: max(gridWidth, 200), fontSize: ChartStyle.labelSize))
    let middle = gridTop + gridHeight / 2
    let rowTitleX = pad + ChartStyle.labelSize - 2
    if TextMetrics.width(map.rowTitle, fontSize: ChartStyle.labelSize) <= gridHeight + 20 {
      svg.element(
        "text",
        [("x", n(rowTitleX)), ("y", n(middle)), ("transform", "rotate(-90 " + n(rowTitleX) + " " + n(middle) + ")")],
        content: map.rowTitle)
    } else {
      // Too long to stand beside a short grid: written across, above the row labels.
      svg.element(
        "text", [("x", n(pad)), ("y", n(gridTop - 8)), ("text-anchor", "start")],
        content: TextMetrics.truncated(
          map.rowTitle, toWidth: gridLeft + gridWidth - pad, fontSize: ChartStyle.labelSize))
    }
    svg.close("g")

    // Legend: colour bar with ticks, then the verdict keys.
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor)])
    var keyTop = gridTop
    if hasValues {
      svg.element(
        "text", [("x", n(legendLeft)), ("y", n(gridTop + 2))],
        content: TextMetrics.truncated(
          map.valueTitle, toWidth: width - pad - legendLeft, fontSize: ChartStyle.labelSize))
      svg.element(
        "rect",
        [
          ("x", n(legendLeft)), ("y", n(barTop)), ("width", "16"), ("height", n(barHeight)),
          ("fill", "url(#heat-scale)"), ("stroke", ChartStyle.axisColor), ("stroke-width", "0.5"),
        ])
      for tick in ticks {
        guard let position = fraction(tick.value) else { continue }
        let y = barBottom - position * barHeight
        svg.element(
          "line",
          [
            ("x1", n(legendLeft + 16)), ("x2", n(legendLeft + 20)), ("y1", n(y)), ("y2", n(y)),
            ("stroke", ChartStyle.axisColor),
          ])
        svg.element(
          "text",
          [
            ("x", n(legendLeft + 24)), ("y", n(y + ChartStyle.tickSize * 0.35)), ("font-size", n(ChartStyle.tickSize)),
            ("fill", ChartStyle.mutedTextColor),
          ], content: tick.label)
      }
      keyTop = verdictTop
    }
    for (index, key) in verdicts.enumerated() {
      let y = keyTop + Double(index) * 20
      svg.element(
        "rect",
        [
          ("x", n(legendLeft)), ("y", n(y - 11)), ("width", "14"), ("height", "14"), ("fill", key.fill.hex),
          ("stroke", "#BBBBBB"), ("stroke-width", "0.5"),
        ])
      if key.fails {
        svg.element(
          "rect",
          [("x", n(legendLeft)), ("y", n(y - 11)), ("width", "14"), ("height", "14"), ("fill", "url(#fails-hatch)")])
        svg.element(
          "rect",
          [
            ("x", n(legendLeft + 1)), ("y", n(y - 10)), ("width", "12"), ("height", "12"), ("fill", "none"),
            ("stroke", Self.failsFrame.hex), ("stroke-width", "2"),
          ])
      }
      svg.element("text", [("x", n(legendLeft + 22)), ("y", n(y))], content: key.label)
    }
    svg.close("g")
    return svg.finish()
  }

  /// The verdict and no-value keys that the data needs, in a fixed order.
  private func legendVerdicts() -> [(label: String, fill: ChartColor, fails: Bool)] {
    let all = map.cells.joined()
    var keys: [(label: String, fill: ChartColor, fails: Bool)] = []
    let middle = hasValues ? ViridisScale.color(at: 0.5) : Self.passesFill
    if all.contains(where: { $0.verdict == .passes }) {
      let fill = all.contains { $0.verdict == .passes && $0.finiteValue != nil } ? middle : Self.passesFill
      keys.append((map.passesLabel, fill, false))
    }
    if all.contains(where: { $0.verdict == .fails }) {
      let fill = all.contains { $0.verdict == .fails && $0.finiteValue != nil } ? middle : Self.failsFill
      keys.append(("✗ " + map.failsLabel, fill, true))
    }
    if all.contains(where: { $0.finiteValue == nil && $0.verdict == nil }) {
      keys.append(("no result", Self.noValueFill, false))
    }
    return keys
  }

  private func description() -> String {
    var parts: [String] = []
    if let summary = map.summary, !summary.isEmpty { parts.append(summary) }
    parts.append(
      "Heat map of \(map.valueTitle) by \(map.rowTitle) (rows: \(map.rowLabels.joined(separator: ", "))) "
        + "and \(map.columnTitle) (columns: \(map.columnLabels.joined(separator: ", "))).")
    let all = map.cells.joined()
    let passes = all.filter { $0.verdict == .passes }.count
    let fails = all.filter { $0.verdict == .fails }.count
    if passes + fails > 0 { parts.append("Verdicts: \(passes) \(map.passesLabel), \(fails) \(map.failsLabel).") }
    var lowest: (value: Double, row: Int, column: Int)?
    var highest: (value: Double, row: Int, column: Int)?
    for (rowIndex, row) in map.cells.enumerated() {
      for (columnIndex, cell) in row.enumerated() {
        guard let value = cell.finiteValue else { continue }
        if lowest == nil || value < lowest?.value ?? 0 { lowest = (value, rowIndex, columnIndex) }
        if highest == nil || value > highest?.value ?? 0 { highest = (value, rowIndex, columnIndex) }
      }
    }
    if let lowest, let highest {
      parts.append(
        "Lowest \(NumberFormat.abbreviated(lowest.value)) at \(map.rowLabels[lowest.row]), "
          + "\(map.columnLabels[lowest.column]); highest \(NumberFormat.abbreviated(highest.value)) at "
          + "\(map.rowLabels[highest.row]), \(map.columnLabels[highest.column]).")
    }
    return parts.joined(separator: " ")
  }
}
