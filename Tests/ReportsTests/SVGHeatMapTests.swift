import Testing

@testable import Reports

@Suite struct SVGHeatMapTests {
  @Test func sampleHeatMapIsWellFormedWithTitleAndDescription() throws {
    let svg = SampleCharts.sweepHeatMap().render()
    let names = try XMLWellFormedness.check(svg)
    #expect(names.first == "svg" && names.contains("title") && names.contains("desc"))
    #expect(svg.contains("viewBox=\"0 0 960 "))
    #expect(svg == SampleCharts.sweepHeatMap().render())
  }

  @Test func failingCellsAreHatchedAndMarked() {
    let map = SVGHeatMap(
      title: "t", rowTitle: "r", columnTitle: "c", rowLabels: ["a", "b"], columnLabels: ["x", "y"],
      cells: [
        [HeatMapCell(value: 1, verdict: .passes), HeatMapCell(value: 2, verdict: .fails)],
        [.verdict(.fails), HeatMapCell(value: 4)],
      ], valueTitle: "v")
    let svg = map.render()
    let hatched = svg.split(separator: "\n").filter { $0.hasPrefix("<rect") && $0.contains("url(#fails-hatch)") }
    #expect(hatched.count == 2 + 1)  // two cells and the legend key
    #expect(ChartTestSupport.texts(in: svg).contains("✗ 2"))
    #expect(svg.contains("#F6CFB4"))  // a verdict without a value is tinted
  }

  @Test func cellsAreColouredFromDarkForLowToYellowForHigh() {
    var map = SVGHeatMap(
      title: "t", rowTitle: "r", columnTitle: "c", rowLabels: ["a"], columnLabels: ["x", "y", "z"],
      cells: [[HeatMapCell(value: 10), HeatMapCell(value: 20), HeatMapCell(value: 30)]], valueTitle: "v")
    var fills = ChartTestSupport.attributeValues("fill", of: "rect", in: map.render())
    #expect(fills.contains("#440154") && fills.contains("#FDE725"))
    #expect(fills.firstIndex(of: "#440154")! < fills.firstIndex(of: "#FDE725")!)
    map.reversed = true
    fills = ChartTestSupport.attributeValues("fill", of: "rect", in: map.render())
    #expect(fills.firstIndex(of: "#FDE725")! < fills.firstIndex(of: "#440154")!)
  }

  @Test func logarithmicScaleTicksAtPowersOfTen() {
    var map = SVGHeatMap(
      title: "t", rowTitle: "r", columnTitle: "c", rowLabels: ["a"], columnLabels: ["x", "y", "z"],
      cells: [[HeatMapCell(value: 0.4), HeatMapCell(value: 12), HeatMapCell(value: 3000)]], valueTitle: "v")
    map.scale = .logarithmic
    let texts = ChartTestSupport.texts(in: map.render())
    #expect(["1", "10", "100", "1k"].allSatisfy(texts.contains))
    let fills = ChartTestSupport.attributeValues("fill", of: "rect", in: map.render())
    // 12 is at (log 12 - log 0.4) / (log 3000 - log 0.4) = 0.38 of the way: a blue, not purple.
    #expect(fills.contains(ViridisScale.color(at: 0.3813).hex) || fills.contains(ViridisScale.color(at: 0.3812).hex))
  }

  @Test func textsThatDoNotFitTheirCellAreLeftOut() {
    var map = SVGHeatMap(
      title: "t", rowTitle: "r", columnTitle: "c", rowLabels: ["a"],
      columnLabels: (1...30).map { "column \($0)" },
      cells: [(1...30).map { HeatMapCell(value: Double($0), text: "a very long cell text \($0)") }], valueTitle: "v")
    map.width = 960
    let texts = ChartTestSupport.texts(in: map.render())
    #expect(!texts.contains { $0.hasPrefix("a very long") })
  }

  @Test func logarithmMatchesKnownValues() {
    #expect(abs(Logarithm.base10(1000) - 3) < 1e-14)
    #expect(abs(Logarithm.base10(2) - 0.301_029_995_663_981_2) < 1e-15)
    #expect(abs(Logarithm.base10(1e-300) + 300) < 1e-12)
    #expect(abs(Logarithm.natural(2.718_281_828_459_045) - 1) < 1e-15)
    #expect(Logarithm.natural(0).isNaN && Logarithm.natural(-1).isNaN)
  }
}
