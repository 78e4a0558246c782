// The painting of an SVGHeatMap: its ``HeatMapLayout`` written as SVG (cells, labels, axis
// titles, legend). Nothing here measures or places; every coordinate comes from the layout.

extension SVGHeatMap {
  /// The heat map as a standalone SVG document.
  public func render() -> String {
    HeatMapLayout(map: self).svg(title: title, reversed: reversed)
  }
}

extension HeatMapLayout {
  static let failsFrame = ChartColor.vermillion

  /// Writes the layout as a standalone SVG document; `reversed` turns the colour bar over.
  func svg(title: String, reversed: Bool) -> String {
    var svg = SVGWriter(chartWidth: Int(width), height: height, title: title, description: description) { defs in
      let gradientStops = reversed ? Array(ViridisScale.anchors.reversed()) : ViridisScale.anchors
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
    paintCells(&svg)
    paintLabels(&svg)
    paintLegend(&svg)
    return svg.finish()
  }

  private func paintCells(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("font-size", n(ChartStyle.tickSize)), ("text-anchor", "middle")])
    for cell in cells.joined() {
      let (x, y) = (cell.x, cell.y)
      svg.element(
        "rect",
        [
          ("x", n(x)), ("y", n(y)), ("width", n(cellWidth)), ("height", n(cellHeight)), ("fill", cell.fill.hex),
          ("stroke", "#FFFFFF"), ("stroke-width", "1"),
        ])
      if cell.fails {
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
      guard let text = cell.text else { continue }
      if cell.fails {
        // A plate in the cell's own colour keeps the text readable over the hatching.
        svg.element(
          "rect",
          [
            ("x", n(x + cellWidth / 2 - cell.textWidth / 2 - 4)), ("y", n(y + cellHeight / 2 - 8)),
            ("width", n(cell.textWidth + 8)), ("height", "16"), ("rx", "3"), ("fill", cell.fill.hex),
          ])
      }
      var attributes: [(String, String)] = [
        ("x", n(x + cellWidth / 2)), ("y", n(y + cellHeight / 2 + ChartStyle.tickSize * 0.35)),
        ("fill", cell.dark ? "#FFFFFF" : "#111111"),
      ]
      if cell.fails { attributes.append(("font-weight", "bold")) }
      svg.element("text", attributes, content: text)
    }
    svg.close("g")
  }

  /// Row and column labels, then the axis titles.
  private func paintLabels(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.mutedTextColor)])
    for label in rowLabels {
      svg.element("text", [("x", n(label.x)), ("y", n(label.y)), ("text-anchor", "end")], content: label.text)
    }
    for label in columnLabels {
      if slanted {
        svg.element(
          "text",
          [
            ("x", n(label.x)), ("y", n(label.y)), ("text-anchor", "end"),
            ("transform", "rotate(-35 " + n(label.x) + " " + n(label.y) + ")"),
          ], content: label.text)
      } else {
        svg.element(
          "text", [("x", n(label.x)), ("y", n(label.y)), ("text-anchor", "middle")], content: label.text)
      }
    }
    svg.close("g")
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor), ("text-anchor", "middle")])
    svg.element("text", [("x", n(columnTitle.x)), ("y", n(columnTitle.y))], content: columnTitle.text)
    if rowTitleRotated {
      svg.element(
        "text",
        [
          ("x", n(rowTitle.x)), ("y", n(rowTitle.y)),
          ("transform", "rotate(-90 " + n(rowTitle.x) + " " + n(rowTitle.y) + ")"),
        ],
        content: rowTitle.text)
    } else {
      svg.element(
        "text", [("x", n(rowTitle.x)), ("y", n(rowTitle.y)), ("text-anchor", "start")], content: rowTitle.text)
    }
    svg.close("g")
  }

  /// The colour bar with its ticks, then the verdict keys.
  private func paintLegend(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor)])
    if let valueTitle {
      svg.element("text", [("x", n(valueTitle.x)), ("y", n(valueTitle.y))], content: valueTitle.text)
      svg.element(
        "rect",
        [
          ("x", n(legendLeft)), ("y", n(barTop)), ("width", "16"), ("height", n(barHeight)),
          ("fill", "url(#heat-scale)"), ("stroke", ChartStyle.axisColor), ("stroke-width", "0.5"),
        ])
      for tick in barTicks {
        svg.element(
          "line",
          [
            ("x1", n(legendLeft + 16)), ("x2", n(legendLeft + 20)), ("y1", n(tick.y)), ("y2", n(tick.y)),
            ("stroke", ChartStyle.axisColor),
          ])
        svg.element(
          "text",
          [
            ("x", n(legendLeft + 24)), ("y", n(tick.y + ChartStyle.tickSize * 0.35)),
            ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.mutedTextColor),
          ], content: tick.label)
      }
    }
    for key in verdictKeys {
      let y = key.y
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
  }
}
