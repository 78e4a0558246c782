/// Where everything of an ``SVGLineChart`` goes, in pixels, computed from the chart alone: the
/// plot rectangle, the value scales and their ticks, the x ticks and their placed labels, the
/// legend, the axis titles and every series and marker as pixel coordinates.
///
/// ``SVGLineChart/render()`` only writes this value as SVG (`SVGLineChart+Rendering.swift`), so
/// the geometry is tested as numbers and painting cannot move anything.
struct LineChartLayout {
  /// The plot rectangle in pixels. `width` and `height` are at least 20, even when the edges
  /// leave less room (a tiny chart with wide labels).
  struct PlotArea: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var width: Double
    var height: Double
  }

  struct Pixel: Equatable {
    var x: Double
    var y: Double
  }

  /// A tick of a value axis: its value, where it is and what it says.
  struct ValueTick: Equatable {
    var value: Double
    var y: Double
    var label: String
  }

  /// A tick of the x axis: where its gridline is, and whether it marks a boundary (midnight).
  struct XTick: Equatable {
    var x: Double
    var isMajor: Bool
  }

  /// A text placed at a point (its anchor is the painter's choice).
  struct PlacedText: Equatable {
    var x: Double
    var y: Double
    var text: String
  }

  /// One series as drawn: its look, and its unbroken runs in pixels (a run of one point is a
  /// dot).
  struct Series: Equatable {
    var name: String
    var color: ChartColor
    var filled: Bool
    var dashed: Bool
    var step: Bool
    var segments: [[Pixel]]
    /// The lower edge of the fill: zero, or the end of the axis nearest to it.
    var baseY: Double
  }

  /// One set of markers as drawn, without those that would fall on an already drawn half pixel.
  struct MarkerLayer: Equatable {
    var color: ChartColor
    /// Ticks rising from the bottom of the plot; dots otherwise.
    var timeline: Bool
    var points: [Pixel]
  }

  struct LegendEntry: Equatable {
    enum Swatch: Equatable {
      /// The series at this index of ``LineChartLayout/series``.
      case series(Int)
      /// The markers at this index of ``LineChartLayout/markers``.
      case markers(Int)
    }
    var swatch: Swatch
    var label: String
    var x: Double
    /// The vertical middle of the entry's row.
    var centerY: Double
  }

  var width: Double
  var height: Double
  var plot: PlotArea
  /// The x range shown, in x-axis units.
  var xLow: Double
  var xHigh: Double
  /// Whether any finite point or marker exists; without, the plot says "no data".
  var hasData: Bool
  var primary: ValueScale
  var secondary: ValueScale?
  var primaryTicks: [ValueTick]
  var secondaryTicks: [ValueTick]
  var xTicks: [XTick]
  /// The x tick labels that fit, first line and (calendar axes) the day under it.
  var xLabels: [PlacedText]
  var xDayLabels: [PlacedText]
  var series: [Series]
  var markers: [MarkerLayer]
  var legend: [LegendEntry]
  var xTitle: PlacedText
  /// Rotated titles, centred on their point.
  var leftTitle: PlacedText
  var rightTitle: PlacedText?
  /// The `<desc>` text.
  var description: String

  init(chart: SVGLineChart) {
    let prepared = Self.prepare(chart)
    let (xLow, xHigh, hasData) = Self.xRange(chart, prepared)
    (self.xLow, self.xHigh, self.hasData) = (xLow, xHigh, hasData)
    let width = Double(chart.width)
    let height = Double(chart.height)
    (self.width, self.height) = (width, height)
    let pad = ChartStyle.padding

    // Vertical: title, legend rows, plot, tick labels (two lines on a calendar axis), x title.
    let flow = Self.legendFlow(chart, prepared)
    let legendRows = (flow.map(\.row).max() ?? -1) + 1
    let legendTop = ChartStyle.titleBaseline + 18
    let rowHeight = 18.0
    let plotTop = legendTop + Double(legendRows) * rowHeight + 6
    var isCalendar = false
    if case .calendar = chart.xAxis { isCalendar = true }
    let xTitleBaseline = height - 10
    let tickLines = isCalendar ? 2.0 : 1.0
    let plotBottom = xTitleBaseline - 18 - tickLines * 14 - 4
    let plotHeight = max(plotBottom - plotTop, 20)
    let maxIntervals = max(1, Int(plotHeight / 42))

    // Value scales, then the horizontal room their labels leave.
    let ranges = ValueRanges(chart: chart, prepared: prepared, xLow: xLow, xHigh: xHigh)
    let primary = ranges.scale(for: chart.primaryAxis, secondary: false, maxIntervals: maxIntervals)
    let secondary = chart.secondaryAxis.map {
      ranges.alignedSecondaryScale($0, primary: primary, maxIntervals: maxIntervals)
    }
    let primaryLabels = primary.ticks.map { primary.label($0) }
    let secondaryLabels = secondary.map { scale in scale.ticks.map { scale.label($0) } } ?? []
    let widestPrimary = primaryLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0
    let widestSecondary = secondaryLabels.map { TextMetrics.width($0, fontSize: ChartStyle.tickSize) }.max() ?? 0
    let plotLeft = pad + ChartStyle.labelSize + 8 + widestPrimary + 8
    let plotRight = width - (secondary == nil ? pad + 16 : pad + ChartStyle.labelSize + 8 + widestSecondary + 8)
    let plotWidth = max(plotRight - plotLeft, 20)
    plot = PlotArea(
      left: plotLeft, top: plotTop, right: plotRight, bottom: plotBottom, width: plotWidth, height: plotHeight)
    self.primary = primary
    self.secondary = secondary

    // Without data and without a given range, the x range is a placeholder: no ticks.
    let axisTicks =
      !hasData && chart.xRange == nil
      ? []
      : XAxisTicks.ticks(
        for: chart.xAxis, from: xLow, to: xHigh, plotWidth: plotWidth, fontSize: ChartStyle.tickSize)

    let mapping = PixelMapping(plot: plot, xLow: xLow, xHigh: xHigh)
    primaryTicks = zip(primary.ticks, primaryLabels).map {
      ValueTick(value: $0, y: mapping.y($0, primary), label: $1)
    }
    secondaryTicks =
      secondary.map { scale in
        zip(scale.ticks, secondaryLabels).map { ValueTick(value: $0, y: mapping.y($0, scale), label: $1) }
      } ?? []
    xTicks = axisTicks.map { XTick(x: mapping.x($0.position), isMajor: $0.isMajor) }
    xLabels = Self.placeLabels(axisTicks.map { (mapping.x($0.position), $0.label, $0.isMajor) }, width: width)
      .map { PlacedText(x: $0.0, y: plotBottom + 16, text: $0.1) }
    xDayLabels = Self.placeLabels(
      axisTicks.compactMap { tick in tick.secondLine.map { (mapping.x(tick.position), $0, tick.isMajor) } },
      width: width
    ).map { PlacedText(x: $0.0, y: plotBottom + 30, text: $0.1) }

    series = prepared.map { Self.drawn($0, mapping: mapping, primary: primary, secondary: secondary) }
    markers = chart.markers.map {
      Self.drawn($0, mapping: mapping, xLow: xLow, xHigh: xHigh, primary: primary, secondary: secondary)
    }
    legend = flow.map {
      LegendEntry(swatch: $0.swatch, label: $0.label, x: $0.x, centerY: legendTop + Double($0.row) * rowHeight)
    }

    // Axis titles.
    xTitle = PlacedText(
      x: plotLeft + plotWidth / 2, y: xTitleBaseline,
      text: TextMetrics.truncated(
        Self.xAxisTitle(chart, xLow: xLow), toWidth: plotWidth, fontSize: ChartStyle.labelSize))
    let middle = plotTop + plotHeight / 2
    leftTitle = PlacedText(
      x: pad + ChartStyle.labelSize - 2, y: middle,
      text: TextMetrics.truncated(
        chart.primaryAxis.label, toWidth: plotHeight + 20, fontSize: ChartStyle.labelSize))
    rightTitle = chart.secondaryAxis.map {
      PlacedText(
        x: width - pad - 2, y: middle,
        text: TextMetrics.truncated($0.label, toWidth: plotHeight + 20, fontSize: ChartStyle.labelSize))
    }
    description = Self.description(
      chart, prepared: prepared, xLow: xLow, xHigh: xHigh, primary: primary, secondary: secondary)
  }
}

/// Data coordinates to pixels in one plot rectangle.
struct PixelMapping {
  var plot: LineChartLayout.PlotArea
  var xLow: Double
  var xHigh: Double

  func x(_ value: Double) -> Double { plot.left + Self.position(value, xLow, xHigh) * plot.width }

  func y(_ value: Double, _ scale: ValueScale) -> Double {
    plot.bottom - Self.position(value, scale.lower, scale.upper) * plot.height
  }

  /// Where `value` lies between `low` and `high`, as a fraction; halved first when the span
  /// itself overflows (data near ±Double.greatestFiniteMagnitude).
  static func position(_ value: Double, _ low: Double, _ high: Double) -> Double {
    let span = high - low
    if span.isFinite { return (value - low) / span }
    return (value * 0.5 - low * 0.5) / (high * 0.5 - low * 0.5)
  }
}
