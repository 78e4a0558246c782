import Testing

@testable import Reports

/// The geometry of a line chart as numbers, before any SVG is written: where the plot is,
/// where data lands in it, how the legend wraps and how the right axis lines up.
@Suite struct LineChartLayoutTests {
  /// 0, 50, 100 at 0 s, 60 s, 120 s on a 960 × 360 chart with one left axis.
  static func simple() -> SVGLineChart {
    SVGLineChart(
      title: "t", primaryAxis: ChartValueAxis(unit: "orders", title: "backlog"),
      series: [ChartSeries(name: "backlog", interval: 60, values: [0, 50, 100])])
  }

  @Test func theDataRangeSpansThePlotRectangleCornerToCorner() throws {
    let layout = LineChartLayout(chart: Self.simple())
    #expect((layout.xLow, layout.xHigh) == (0, 120))
    #expect((layout.primary.lower, layout.primary.upper) == (0, 100))
    let points = try #require(layout.series.first?.segments.first)
    #expect(points.count == 3)
    #expect(points[0] == LineChartLayout.Pixel(x: layout.plot.left, y: layout.plot.bottom))
    #expect(points[1].x == layout.plot.left + layout.plot.width / 2)
    #expect(points[1].y == layout.plot.bottom - layout.plot.height / 2)
    #expect(points[2] == LineChartLayout.Pixel(x: layout.plot.right, y: layout.plot.top))
  }

  /// Title baseline 28, legend row centred 18 below it, plot 6 below the legend; the x title 10
  /// above the bottom, one line of tick labels (14) and gaps of 18 and 4 above it; a right
  /// margin of padding + 16 without a right axis.
  @Test func thePlotRectangleLeavesRoomForTitleLegendLabelsAndAxisTitle() {
    let layout = LineChartLayout(chart: Self.simple())
    #expect(layout.legend.map(\.centerY) == [46])
    #expect(layout.legend.map(\.x) == [12])
    #expect(layout.plot.top == 46 + 18 + 6)
    #expect(layout.plot.bottom == 360 - 10 - 18 - 14 - 4)
    #expect(layout.plot.right == 960 - 12 - 16)
    #expect(layout.plot.width == layout.plot.right - layout.plot.left)
    #expect(
      layout.xTitle
        == LineChartLayout.PlacedText(x: layout.plot.left + layout.plot.width / 2, y: 350, text: "time since start"))
    var calendar = Self.simple()
    calendar.xAxis = .calendar(startEpochSeconds: 1_795_651_200)
    #expect(LineChartLayout(chart: calendar).plot.bottom == 360 - 10 - 18 - 2 * 14 - 4, "a second line for the day")
  }

  @Test func valueTicksSitOnTheirValuesAndXTicksAreEvenlySpaced() throws {
    let layout = LineChartLayout(chart: Self.simple())
    let top = try #require(layout.primaryTicks.last)
    #expect(layout.primaryTicks.first?.y == layout.plot.bottom)
    #expect(top.value == 100 && top.y == layout.plot.top && top.label == "100")
    let gaps = zip(layout.xTicks.dropFirst(), layout.xTicks).map { $0.x - $1.x }
    #expect(gaps.count >= 2)
    #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 1e-9 })
  }

  @Test func aLongLegendWrapsAndPushesThePlotDown() {
    var chart = Self.simple()
    chart.series = (0..<12).map { ChartSeries(name: "a rather long series name \($0)", interval: 60, values: [1, 2]) }
    let layout = LineChartLayout(chart: chart)
    let rows = Set(layout.legend.map(\.centerY)).count
    #expect(rows >= 3)
    #expect(layout.plot.top == 46 + Double(rows) * 18 + 6)
    for (entry, next) in zip(layout.legend, layout.legend.dropFirst()) where next.centerY == entry.centerY {
      #expect(next.x > entry.x)
    }
    #expect(layout.legend.allSatisfy { $0.x >= 12 && $0.x < 960 - 12 })
  }

  /// Both axes start at zero, so the right axis gets as many ticks as the left, on the same
  /// gridlines.
  @Test func theRightAxisTicksLieOnTheLeftAxisGridlines() {
    var chart = Self.simple()
    chart.secondaryAxis = ChartValueAxis(unit: "executions", title: "concurrency")
    chart.series.append(ChartSeries(name: "concurrency", interval: 60, values: [1, 7, 3], axis: .secondary))
    let layout = LineChartLayout(chart: chart)
    #expect(layout.secondaryTicks.count == layout.primaryTicks.count)
    #expect(layout.secondaryTicks.map(\.y) == layout.primaryTicks.map(\.y))
    #expect((layout.secondary?.upper ?? 0) >= 7)
    #expect(layout.rightTitle != nil)
    #expect(layout.plot.right < 960 - 12 - 16, "room for the right axis' labels")
  }

  @Test func markersOnTheSameHalfPixelAreKeptOnce() {
    var chart = Self.simple()
    chart.xRange = 0...120  // markers widen the data's x range; a given range does not
    chart.markers = [ChartMarkers(name: "throttles", times: [10, 10.0001, 60, 500])]
    let layout = LineChartLayout(chart: chart)
    #expect(layout.markers.first?.points.count == 2, "a duplicate and one outside the x range dropped")
    #expect(layout.markers.first?.points.allSatisfy { $0.y == layout.plot.bottom } == true)
  }

  @Test func aFilledSeriesIsFilledDownToZeroWithinTheAxis() {
    var chart = Self.simple()
    chart.series = [ChartSeries(name: "net", interval: 60, values: [-50, 50, 100], filled: true)]
    let layout = LineChartLayout(chart: chart)
    let zero = layout.primaryTicks.first { $0.value == 0 }
    #expect(zero != nil)
    #expect(layout.series.first?.baseY == zero?.y)
    #expect(layout.primary.lower < 0)
  }
}
