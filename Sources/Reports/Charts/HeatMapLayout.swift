/// Where everything of an ``SVGHeatMap`` goes, in pixels, computed from the map alone: the
/// colour domain, the grid and every cell's colour and text, the row and column labels, the
/// axis titles and the legend (colour bar, its ticks, the verdict keys).
///
/// ``SVGHeatMap/render()`` only writes this value as SVG (`SVGHeatMap+Rendering.swift`).
struct HeatMapLayout {
  struct Cell: Equatable {
    var x: Double
    var y: Double
    var fill: ChartColor
    var fails: Bool
    /// The text drawn in the cell, `nil` when there is none or it does not fit.
    var text: String?
    var textWidth: Double
    /// White text on a dark fill.
    var dark: Bool
  }

  struct ColourBarTick: Equatable {
    var y: Double
    var label: String
  }

  struct VerdictKey: Equatable {
    var label: String
    var fill: ChartColor
    var fails: Bool
    /// The text baseline of the key's row.
    var y: Double
  }

  struct PlacedText: Equatable {
    var x: Double
    var y: Double
    var text: String
  }

  var width: Double
  var height: Int
  /// The colour domain, in value units.
  var low: Double
  var high: Double
  var hasValues: Bool
  var gridLeft: Double
  var gridTop: Double
  var cellWidth: Double
  var cellHeight: Double
  var gridWidth: Double
  var gridHeight: Double
  /// `cells[row][column]`.
  var cells: [[Cell]]
  var rowLabels: [PlacedText]
  /// Column labels, cut at 130 px; slanted by 35° when wider than their column.
  var columnLabels: [PlacedText]
  var slanted: Bool
  var columnTitle: PlacedText
  /// Rotated beside the rows when it fits their height; otherwise across, above the row labels.
  var rowTitle: PlacedText
  var rowTitleRotated: Bool
  var legendLeft: Double
  /// The value title above the colour bar; `nil` without values (no bar then).
  var valueTitle: PlacedText?
  var barTop: Double
  var barHeight: Double
  var barTicks: [ColourBarTick]
  var verdictKeys: [VerdictKey]
  var description: String

  static let noValueFill = ChartColor(hex: "#EEEEEE")
  static let passesFill = ChartColor(hex: "#BFE3D4")
  static let failsFill = ChartColor(hex: "#F6CFB4")

  init(map: SVGHeatMap) {
    let colours = HeatMapColours(map: map)
    (low, high, hasValues) = (colours.low, colours.high, colours.hasValues)
    let pad = ChartStyle.padding
    width = Double(map.width)
    let rows = map.rowLabels.count
    let columns = map.columnLabels.count
    gridTop = ChartStyle.titleBaseline + 26

    let widestRowLabel = map.rowLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0
    // Slanted column labels are cut at 130 px so that one long label cannot push the axis
    // title far below the grid; the full labels are in <desc>.
    let cutColumnLabels = map.columnLabels.map {
      TextMetrics.truncated($0, toWidth: 130, fontSize: ChartStyle.tickSize)
    }
    let widestColumnLabel = cutColumnLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0
    let ticks = colours.legendTicks()
    let widestTick = ticks.map { TextMetrics.width($0.label, fontSize: ChartStyle.tickSize) }.max() ?? 0
    let verdicts = Self.legendVerdicts(map, hasValues: hasValues)
    let legendWidth = min(
      max(
        120, TextMetrics.width(map.valueTitle, fontSize: ChartStyle.labelSize) + 4, 16 + 8 + widestTick,
        verdicts.map { 22 + TextMetrics.width($0.label, fontSize: ChartStyle.labelSize) }.max() ?? 0),
      260)

    gridLeft = pad + ChartStyle.labelSize + 10 + widestRowLabel + 8
    let available = width - pad - legendWidth - 28 - gridLeft
    cellWidth = max(min(140, available / Double(max(columns, 1))), 24)
    cellHeight = rows > 15 ? 24.0 : 34.0
    gridWidth = cellWidth * Double(columns)
    gridHeight = cellHeight * Double(rows)
    let gridBottom = gridTop + gridHeight
    slanted = widestColumnLabel > cellWidth - 6
    let columnLabelHeight = slanted ? widestColumnLabel * 0.574 + 22 : 20
    let columnTitleBaseline = gridBottom + columnLabelHeight + 16

    legendLeft = gridLeft + gridWidth + 28
    barTop = gridTop + 14
    barHeight = min(160, max(90, gridHeight - 14))
    let barBottom = barTop + barHeight
    let verdictTop = barBottom + 24
    let legendBottom = hasValues ? verdictTop + Double(verdicts.count) * 20 : gridTop + Double(verdicts.count) * 20
    height = Int((max(columnTitleBaseline, legendBottom) + pad).rounded(.up))

    var cells: [[Cell]] = []
    for (rowIndex, row) in map.cells.enumerated() {
      var laidOut: [Cell] = []
      for (columnIndex, cell) in row.enumerated() {
        let fill = colours.fill(for: cell)
        var text = cell.text ?? cell.finiteValue.map { NumberFormat.abbreviated($0) } ?? ""
        if cell.verdict == .fails && !text.isEmpty { text = "✗ " + text }
        let textWidth = TextMetrics.width(text, fontSize: ChartStyle.tickSize)
        let fits = !text.isEmpty && textWidth <= cellWidth - 12
        laidOut.append(
          Cell(
            x: gridLeft + Double(columnIndex) * cellWidth, y: gridTop + Double(rowIndex) * cellHeight, fill: fill,
            fails: cell.verdict == .fails, text: fits ? text : nil, textWidth: textWidth, dark: fill.luminance < 0.3))
      }
      cells.append(laidOut)
    }
    self.cells = cells

    let (gridLeft, gridTop, cellWidth, cellHeight) = (gridLeft, gridTop, cellWidth, cellHeight)
    rowLabels = map.rowLabels.enumerated().map { index, label in
      PlacedText(
        x: gridLeft - 8, y: gridTop + (Double(index) + 0.5) * cellHeight + ChartStyle.tickSize * 0.35, text: label)
    }
    let slanted = slanted
    columnLabels = cutColumnLabels.enumerated().map { index, label in
      let x = gridLeft + (Double(index) + 0.5) * cellWidth
      return slanted
        ? PlacedText(x: x + 4, y: gridBottom + 14, text: label) : PlacedText(x: x, y: gridBottom + 16, text: label)
    }
    columnTitle = PlacedText(
      x: gridLeft + gridWidth / 2, y: columnTitleBaseline,
      text: TextMetrics.truncated(map.columnTitle, toWidth: max(gridWidth, 200), fontSize: ChartStyle.labelSize))
    rowTitleRotated = TextMetrics.width(map.rowTitle, fontSize: ChartStyle.labelSize) <= gridHeight + 20
    rowTitle =
      rowTitleRotated
      ? PlacedText(x: pad + ChartStyle.labelSize - 2, y: gridTop + gridHeight / 2, text: map.rowTitle)
      : PlacedText(
        x: pad, y: gridTop - 8,
        text: TextMetrics.truncated(map.rowTitle, toWidth: gridLeft + gridWidth - pad, fontSize: ChartStyle.labelSize))

    let legendLeft = legendLeft
    valueTitle =
      hasValues
      ? PlacedText(
        x: legendLeft, y: gridTop + 2,
        text: TextMetrics.truncated(map.valueTitle, toWidth: width - pad - legendLeft, fontSize: ChartStyle.labelSize))
      : nil
    let barHeight = barHeight
    barTicks = ticks.compactMap { tick in
      colours.fraction(tick.value).map { ColourBarTick(y: barBottom - $0 * barHeight, label: tick.label) }
    }
    let keyTop = hasValues ? verdictTop : gridTop
    verdictKeys = verdicts.enumerated().map { index, key in
      VerdictKey(label: key.label, fill: key.fill, fails: key.fails, y: keyTop + Double(index) * 20)
    }
    description = Self.description(map)
  }

  /// The verdict and no-value keys that the data needs, in a fixed order.
  static func legendVerdicts(_ map: SVGHeatMap, hasValues: Bool) -> [(label: String, fill: ChartColor, fails: Bool)] {
    let all = map.cells.joined()
    var keys: [(label: String, fill: ChartColor, fails: Bool)] = []
    let middle = hasValues ? ViridisScale.color(at: 0.5) : passesFill
    if all.contains(where: { $0.verdict == .passes }) {
      let fill = all.contains { $0.verdict == .passes && $0.finiteValue != nil } ? middle : passesFill
      keys.append((map.passesLabel, fill, false))
    }
    if all.contains(where: { $0.verdict == .fails }) {
      let fill = all.contains { $0.verdict == .fails && $0.finiteValue != nil } ? middle : failsFill
      keys.append(("✗ " + map.failsLabel, fill, true))
    }
    if all.contains(where: { $0.finiteValue == nil && $0.verdict == nil }) {
      keys.append(("no result", noValueFill, false))
    }
    return keys
  }

  static func description(_ map: SVGHeatMap) -> String {
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
