// The painting of an SVGLineChart: its ``LineChartLayout`` written as SVG elements in paint
// order (gridlines, fills, lines, markers, axes, tick labels, axis titles, legend). Nothing
// here measures or places; every coordinate comes from the layout.

extension SVGLineChart {
  /// The chart as a standalone SVG document.
  public func render() -> String {
    LineChartLayout(chart: self).svg(title: title)
  }
}

extension LineChartLayout {
  /// Writes the layout as a standalone SVG document titled `title`.
  func svg(title: String) -> String {
    let n = SVGNumber.format
    var svg = SVGWriter(
      chartWidth: Int(width), height: Int(height), title: title, description: description
    ) { defs in
      defs.open("clipPath", [("id", "plot-area")])
      defs.element(
        "rect",
        [
          ("x", n(plot.left - 4)), ("y", n(plot.top - 4)), ("width", n(plot.width + 8)),
          ("height", n(plot.height + 8)),
        ])
      defs.close("clipPath")
    }
    paintGridlines(&svg)
    paintData(&svg)
    if !hasData {
      svg.element(
        "text",
        [
          ("x", n(plot.left + plot.width / 2)), ("y", n(plot.top + plot.height / 2)), ("text-anchor", "middle"),
          ("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.mutedTextColor),
        ], content: "no data")
    }
    paintAxes(&svg)
    paintTitles(&svg)
    paintLegend(&svg)
    return svg.finish()
  }

  private func paintGridlines(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("stroke-width", "1"), ("fill", "none")])
    for tick in primaryTicks {
      svg.element(
        "line",
        [
          ("x1", n(plot.left)), ("x2", n(plot.right)), ("y1", n(tick.y)), ("y2", n(tick.y)),
          ("stroke", tick.value == 0 && primary.lower < 0 ? ChartStyle.majorGridColor : ChartStyle.gridColor),
        ])
    }
    for tick in xTicks {
      svg.element(
        "line",
        [
          ("x1", n(tick.x)), ("x2", n(tick.x)), ("y1", n(plot.top)), ("y2", n(plot.bottom)),
          ("stroke", tick.isMajor ? ChartStyle.majorGridColor : ChartStyle.gridColor),
        ])
    }
    svg.close("g")
  }

  /// Fills under everything, then lines, then markers, clipped to the plot.
  private func paintData(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("clip-path", "url(#plot-area)")])
    for series in series where series.filled {
      for segment in series.segments where segment.count > 1 {
        var d = Self.pathData(segment, step: series.step)
        d += " L" + n(segment[segment.count - 1].x) + " " + n(series.baseY)
        d += " L" + n(segment[0].x) + " " + n(series.baseY) + " Z"
        svg.element(
          "path", [("d", d), ("fill", series.color.hex), ("fill-opacity", "0.18"), ("stroke", "none")])
      }
    }
    for series in series {
      var attributes: [(String, String)] = [
        ("fill", "none"), ("stroke", series.color.hex), ("stroke-linejoin", "round"),
        ("stroke-linecap", "round"),
      ]
      attributes += series.dashed ? [("stroke-width", "1.75"), ("stroke-dasharray", "7 4")] : [("stroke-width", "2")]
      svg.open("g", attributes)
      for segment in series.segments {
        if segment.count == 1 {
          svg.element(
            "circle",
            [
              ("cx", n(segment[0].x)), ("cy", n(segment[0].y)), ("r", "2.5"), ("fill", series.color.hex),
              ("stroke", "none"),
            ])
        } else {
          svg.element("path", [("d", Self.pathData(segment, step: series.step))])
        }
      }
      svg.close("g")
    }
    for layer in markers {
      svg.open("g", [("fill", layer.color.hex), ("stroke", layer.color.hex)])
      for point in layer.points {
        if layer.timeline {
          svg.element(
            "line",
            [
              ("x1", n(point.x)), ("x2", n(point.x)), ("y1", n(point.y)), ("y2", n(point.y - 9)),
              ("stroke-width", "1.5"),
            ])
        } else {
          svg.element(
            "circle",
            [("cx", n(point.x)), ("cy", n(point.y)), ("r", "3"), ("stroke", "#FFFFFF"), ("stroke-width", "0.75")])
        }
      }
      svg.close("g")
    }
    svg.close("g")
  }

  /// Axis lines, x tick marks, and the tick labels of every axis.
  private func paintAxes(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("stroke", ChartStyle.axisColor), ("stroke-width", "1")])
    svg.element(
      "line", [("x1", n(plot.left)), ("x2", n(plot.right)), ("y1", n(plot.bottom)), ("y2", n(plot.bottom))])
    svg.element("line", [("x1", n(plot.left)), ("x2", n(plot.left)), ("y1", n(plot.top)), ("y2", n(plot.bottom))])
    if secondary != nil {
      svg.element(
        "line", [("x1", n(plot.right)), ("x2", n(plot.right)), ("y1", n(plot.top)), ("y2", n(plot.bottom))])
    }
    for tick in xTicks {
      svg.element("line", [("x1", n(tick.x)), ("x2", n(tick.x)), ("y1", n(plot.bottom)), ("y2", n(plot.bottom + 4))])
    }
    svg.close("g")

    svg.open("g", [("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.mutedTextColor)])
    for tick in primaryTicks {
      svg.element(
        "text",
        [("x", n(plot.left - 6)), ("y", n(tick.y + ChartStyle.tickSize * 0.35)), ("text-anchor", "end")],
        content: tick.label)
    }
    for tick in secondaryTicks {
      svg.element(
        "text", [("x", n(plot.right + 6)), ("y", n(tick.y + ChartStyle.tickSize * 0.35))], content: tick.label)
    }
    for label in xLabels {
      svg.element(
        "text", [("x", n(label.x)), ("y", n(label.y)), ("text-anchor", "middle")], content: label.text)
    }
    for label in xDayLabels {
      svg.element(
        "text",
        [("x", n(label.x)), ("y", n(label.y)), ("text-anchor", "middle"), ("fill", ChartStyle.textColor)],
        content: label.text)
    }
    svg.close("g")
  }

  private func paintTitles(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor)])
    svg.element(
      "text", [("x", n(xTitle.x)), ("y", n(xTitle.y)), ("text-anchor", "middle")], content: xTitle.text)
    for (title, angle) in [(leftTitle, "-90"), rightTitle.map { ($0, "90") }].compactMap({ $0 }) {
      svg.element(
        "text",
        [
          ("x", n(title.x)), ("y", n(title.y)), ("text-anchor", "middle"),
          ("transform", "rotate(" + angle + " " + n(title.x) + " " + n(title.y) + ")"),
        ], content: title.text)
    }
    svg.close("g")
  }

  private func paintLegend(_ svg: inout SVGWriter) {
    let n = SVGNumber.format
    svg.open("g", [("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.textColor)])
    for entry in legend {
      let centerY = entry.centerY
      switch entry.swatch {
      case .series(let index):
        let series = series[index]
        if series.filled {
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
        attributes += series.dashed ? [("stroke-width", "1.75"), ("stroke-dasharray", "7 4")] : [("stroke-width", "2")]
        svg.element("line", attributes)
      case .markers(let index):
        let layer = markers[index]
        if layer.timeline {
          for offset in [6.0, 12, 18] {
            svg.element(
              "line",
              [
                ("x1", n(entry.x + offset)), ("x2", n(entry.x + offset)), ("y1", n(centerY + 5)),
                ("y2", n(centerY - 4)), ("stroke", layer.color.hex), ("stroke-width", "1.5"),
              ])
          }
        } else {
          svg.element("circle", [("cx", n(entry.x + 12)), ("cy", n(centerY)), ("r", "3"), ("fill", layer.color.hex)])
        }
      }
      svg.element(
        "text", [("x", n(entry.x + 30)), ("y", n(centerY + ChartStyle.labelSize * 0.35))], content: entry.label)
    }
    svg.close("g")
  }

  /// `M x y L x y …`, or with horizontal-then-vertical moves for a step line.
  static func pathData(_ points: [Pixel], step: Bool) -> String {
    var d = ""
    d.reserveCapacity(points.count * 14)
    var previousY = 0.0
    for (index, point) in points.enumerated() {
      if index == 0 {
        d += "M" + SVGNumber.format(point.x) + " " + SVGNumber.format(point.y)
      } else if step {
        d += " H" + SVGNumber.format(point.x)
        if point.y != previousY { d += " V" + SVGNumber.format(point.y) }
      } else {
        d += " L" + SVGNumber.format(point.x) + " " + SVGNumber.format(point.y)
      }
      previousY = point.y
    }
    return d
  }
}
