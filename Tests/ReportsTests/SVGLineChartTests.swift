import Testing

@testable import Reports

@Suite struct SVGLineChartTests {
  static func chart(_ series: [ChartSeries], xAxis: ChartXAxis = .elapsed) -> SVGLineChart {
    SVGLineChart(title: "test", xAxis: xAxis, primaryAxis: ChartValueAxis(unit: "orders/s"), series: series)
  }

  // MARK: - Document

  @Test func sampleChartIsAWellFormedStandaloneSVGDocument() throws {
    let svg = SampleCharts.fiveDayLineChart().render()
    let names = try XMLWellFormedness.check(svg)
    #expect(names.first == "svg")
    #expect(names.contains("title") && names.contains("desc"))
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains(" width=\"960\" height=\"360\" viewBox=\"0 0 960 360\""))
    #expect(
      svg.contains(
        "<title id=\"chart-title\">Black Friday: arrivals, Lambda concurrency &amp; backlog &lt;sample&gt;</title>"))
    try SampleCharts.writeIfRequested()
  }

  @Test(.enabled(if: ChartTestSupport.xmllintAvailable, "xmllint is not installed (apt-get install libxml2-utils)"))
  func xmllintAcceptsTheChartsIncludingEdgeCases() throws {
    let documents = [
      SampleCharts.fiveDayLineChart().render(),
      SampleCharts.sweepHeatMap().render(),
      Self.chart([]).render(),
      Self.chart([ChartSeries(name: "a&b <\"'>\u{7}", points: [ChartPoint(x: 1, y: .nan)])]).render(),
    ]
    for document in documents {
      let result = try ChartTestSupport.xmllint(document)
      #expect(result.status == 0, "\(result.messages)")
    }
  }

  @Test func everyTextIsEscapedAndForbiddenCharactersAreReplaced() throws {
    var chart = Self.chart([
      ChartSeries(name: "Tom & Jerry's \"<b>\"", points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 60, y: 2)])
    ])
    chart.title = "a<b & c>d \u{0}\u{1B}"
    chart.primaryAxis = ChartValueAxis(unit: "'quoted'", title: "x & y")
    chart.summary = "</desc><script>"
    let svg = chart.render()
    _ = try XMLWellFormedness.check(svg)
    #expect(svg.contains("Tom &amp; Jerry&apos;s &quot;&lt;b&gt;&quot;"))
    #expect(svg.contains("a&lt;b &amp; c&gt;d \u{FFFD}\u{FFFD}"))
    #expect(svg.contains("x &amp; y (&apos;quoted&apos;)"))
    #expect(!svg.contains("<script>"))
  }

  @Test func coordinatesHaveAtMostOneDecimal() {
    let svg = SampleCharts.fiveDayLineChart().render()
    var checked = 0
    for attribute in ["d", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"] {
      for tag in ["path", "line", "rect", "circle", "text"] {
        for value in ChartTestSupport.attributeValues(attribute, of: tag, in: svg) {
          checked += 1
          #expect(value.firstMatch(of: /\d\.\d\d/) == nil, "\(attribute)=\(value.prefix(80))")
        }
      }
    }
    #expect(checked > 100)
  }

  // MARK: - Edge cases

  @Test func emptyChartDrawsAxesFromZeroToOneAndSaysNoData() throws {
    let svg = Self.chart([ChartSeries(name: "empty", points: [])]).render()
    _ = try XMLWellFormedness.check(svg)
    let texts = ChartTestSupport.texts(in: svg)
    #expect(texts.contains("no data"))
    #expect(texts.contains("0") && texts.contains("1.0"))
    #expect(!svg.contains("<path"))
  }

  @Test func allZeroSeriesGetsTheAxisZeroToOne() {
    let svg = Self.chart([ChartSeries(name: "zeros", interval: 60, values: [0, 0, 0, 0])]).render()
    let texts = ChartTestSupport.texts(in: svg)
    #expect(texts.contains("0.2") && texts.contains("1.0"))
    #expect(!texts.contains("no data"))
  }

  @Test func aSinglePointIsDrawnAsADot() throws {
    let svg = Self.chart([ChartSeries(name: "one", points: [ChartPoint(x: 120, y: 5)])]).render()
    _ = try XMLWellFormedness.check(svg)
    #expect(ChartTestSupport.attributeValues("r", of: "circle", in: svg) == ["2.5"])
    #expect(!svg.contains("<path"))
  }

  @Test func nonFiniteValuesAreSkippedAndBreakTheLine() throws {
    let values: [Double] = [1, 2, .nan, 3, 4, .infinity, 5, 6, -.infinity]
    let svg = Self.chart([ChartSeries(name: "gappy", interval: 60, values: values)]).render()
    _ = try XMLWellFormedness.check(svg)
    let paths = ChartTestSupport.attributeValues("d", of: "path", in: svg)
    #expect(paths.count == 3)
    for d in paths { #expect(ChartTestSupport.pathNumbers(d).count == 4) }  // two points each
    #expect(!svg.contains("nan") && !svg.contains("inf"))
  }

  @Test func hugeValuesAreAbbreviatedOnTheAxis() {
    let svg = Self.chart([ChartSeries(name: "big", interval: 60, values: [0, 1.2e6, 3.4e6])]).render()
    let texts = ChartTestSupport.texts(in: svg)
    #expect(texts.contains("1M") || texts.contains("1.0M"))
    #expect(!texts.contains { $0.contains("000") })
  }

  @Test func longRunsAreThinnedButKeepTheirPeak() throws {
    var values = (0..<100_000).map { Double($0 % 100) }
    values[54_321] = 9_000  // a one-sample spike
    values[77_777] = -500
    var chart = Self.chart([ChartSeries(name: "long", interval: 1, values: values)])
    chart.primaryAxis.includesZero = true
    let svg = chart.render()
    let d = try #require(ChartTestSupport.attributeValues("d", of: "path", in: svg).first)
    let numbers = ChartTestSupport.pathNumbers(d)
    #expect(numbers.count / 2 <= 2_000)
    let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
    // Where the axis puts 9,000: between the gridlines labelled 0 and 10k.
    func labelY(_ label: String) throws -> Double {
      let line = try #require(svg.split(separator: "\n").first { $0.hasSuffix("text-anchor=\"end\">\(label)</text>") })
      let y = try #require(
        ChartTestSupport.attributeValues("y", of: "text", in: String(line)).first.flatMap(Double.init))
      return y - 11 * 0.35
    }
    let zero = try labelY("0")
    let tenThousand = try labelY("10k")
    let spikeY = zero + (tenThousand - zero) * 0.9
    #expect(abs((ys.min() ?? 0) - spikeY) < 0.11, "the spike is the highest point drawn")
    let troughY = zero + (tenThousand - zero) * -0.05
    #expect(abs((ys.max() ?? 0) - troughY) < 0.11, "the trough is the lowest point drawn")
    #expect(ChartTestSupport.texts(in: svg).contains("10k"))
  }

  @Test func extremeMagnitudesRenderWithoutCrashingOrAbsurdNumbers() throws {
    let cases: [[ChartPoint]] = [
      [ChartPoint(x: 0, y: 1e308), ChartPoint(x: 60, y: -1e308)],
      [ChartPoint(x: 0, y: Double.leastNonzeroMagnitude), ChartPoint(x: 60, y: Double.leastNonzeroMagnitude * 2_024)],
      [ChartPoint(x: -1e15, y: 1), ChartPoint(x: 1e15, y: 2)],
      [ChartPoint(x: 0, y: 1), ChartPoint(x: 1e-9, y: 2)],
    ]
    for points in cases {
      for axis in [ChartXAxis.elapsed, .calendar(startEpochSeconds: 1_795_651_200), .numeric(title: "n")] {
        let svg = Self.chart([ChartSeries(name: "extreme", points: points)], xAxis: axis).render()
        _ = try XMLWellFormedness.check(svg)
        for value in ChartTestSupport.attributeValues("d", of: "path", in: svg) {
          #expect(ChartTestSupport.pathNumbers(value).allSatisfy { $0.magnitude <= 1e7 })
        }
      }
    }
  }

  // MARK: - Layout

  @Test func legendWrapsAboveThePlotAndNeverEntersIt() throws {
    let names = (1...12).map { "a rather long series name number \($0)" }
    let series = names.map { ChartSeries(name: $0, interval: 60, values: [1, 2, 3]) }
    let svg = Self.chart(series).render()
    let clipY = try #require(ChartTestSupport.attributeValues("y", of: "rect", in: svg).first.flatMap(Double.init))
    var legendYs: [Double] = []
    for line in svg.split(separator: "\n") where line.hasPrefix("<text") {
      for name in names where line.hasSuffix(">\(name)</text>") {
        let y = ChartTestSupport.attributeValues("y", of: "text", in: String(line)).first.flatMap(Double.init)
        legendYs.append(try #require(y))
      }
    }
    #expect(legendYs.count == 12)
    #expect(Set(legendYs).count >= 3, "the legend wraps into rows")
    #expect(legendYs.allSatisfy { $0 + 4 < clipY })
    let xs = ChartTestSupport.attributeValues("x", of: "text", in: svg).compactMap(Double.init)
    #expect(xs.allSatisfy { $0 >= 0 && $0 <= 960 })
  }

  @Test func secondaryAxisTicksLieOnThePrimaryGridlines() {
    var chart = Self.chart([
      ChartSeries(name: "rate", interval: 60, values: [0, 40, 97]),
      ChartSeries(name: "backlog", interval: 60, values: [0, 12_000, 4_000], axis: .secondary),
    ])
    chart.secondaryAxis = ChartValueAxis(unit: "messages")
    let svg = chart.render()
    let lines = svg.split(separator: "\n").filter { $0.hasPrefix("<text") && $0.contains("text-anchor=\"end\"") }
    let rightLines = svg.split(separator: "\n").filter {
      $0.hasPrefix("<text") && !$0.contains("text-anchor") && ($0.hasSuffix("k</text>") || $0.hasSuffix(">0</text>"))
    }
    let leftYs = lines.compactMap { ChartTestSupport.attributeValues("y", of: "text", in: String($0)).first }
    let rightYs = rightLines.compactMap { ChartTestSupport.attributeValues("y", of: "text", in: String($0)).first }
    #expect(!rightYs.isEmpty)
    #expect(Set(rightYs).isSubset(of: Set(leftYs)))
    #expect(svg.contains("backlog (right axis)"))
  }

  @Test func colorsComeFromTheOkabeItoPaletteInOrderSkippingTakenOnes() {
    let svg = Self.chart([
      ChartSeries(name: "a", interval: 1, values: [1, 2]),
      ChartSeries(name: "b", interval: 1, values: [1, 2], color: .blue),
      ChartSeries(name: "c", interval: 1, values: [1, 2]),
    ]).render()
    let strokes = ChartTestSupport.attributeValues("stroke", of: "g", in: svg).filter {
      $0.hasPrefix("#") && $0 != "#888888"
    }
    #expect(Array(strokes.prefix(3)) == ["#E69F00", "#0072B2", "#009E73"])
  }

  @Test func timelineMarkersOnTheSamePixelAreDrawnOnce() {
    var chart = Self.chart([ChartSeries(name: "a", interval: 60, values: [1, 2, 3, 4])])
    chart.markers = [ChartMarkers(name: "throttles", times: Array(repeating: 60, count: 10_000) + [120.0])]
    let svg = chart.render()
    let markerLines = svg.split(separator: "\n").filter { $0.contains("stroke-width=\"1.5\"") && $0.hasPrefix("<line") }
    #expect(markerLines.count == 2 + 3)  // two events + three ticks in the legend swatch
  }

  @Test func stepSeriesUseHorizontalThenVerticalMoves() throws {
    let svg = Self.chart([ChartSeries(name: "cap", interval: 60, values: [1, 1, 2], interpolation: .step)]).render()
    let d = try #require(ChartTestSupport.attributeValues("d", of: "path", in: svg).first)
    #expect(d.firstMatch(of: /^M[\d.]+ [\d.]+ H[\d.]+ H[\d.]+ V[\d.]+$/) != nil, "\(d)")
  }

  @Test func dashedSeriesAreDashedInThePlotAndTheLegend() {
    let svg = Self.chart([.limit(name: "reserved", value: 100, from: 0, to: 3600)]).render()
    #expect(svg.components(separatedBy: "stroke-dasharray=\"7 4\"").count - 1 == 2)
  }
}
