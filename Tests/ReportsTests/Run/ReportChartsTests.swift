import PipelineModel
import Reports
import Testing

/// The five charts of a run are well-formed SVG with their titles.
@Suite struct ReportChartsTests {
  @Test(arguments: RunSamples.Kind.allCases)
  func everyChartIsWellFormed(kind: RunSamples.Kind) throws {
    let result = kind.result
    let charts = ReportCharts.render(result)
    #expect(charts.map(\.name) == ReportCharts.fileNames)
    for chart in charts {
      let elements = try XMLWellFormedness.check(chart.svg)
      #expect(elements.first == "svg", "\(chart.name)")
      #expect(elements.contains("path") || elements.contains("polyline"), "\(chart.name) draws no line")
    }
  }

  @Test func chartsUseCalendarTimeWhenTheScenarioHasAStart() throws {
    let charts = ReportCharts.render(RunSamples.decoupled)
    let arrivals = try #require(charts.first)
    #expect(arrivals.svg.contains("time (UTC)"))
    #expect(arrivals.svg.contains("Thu 26 Nov"))
  }

  @Test func aLimitFarAboveTheDataIsNamedInsteadOfDrawn() throws {
    let charts = ReportCharts.render(RunSamples.decoupled)
    let table = try #require(charts.first { $0.name == "table.svg" })
    #expect(table.svg.contains("on-demand ceiling 4,000 (above the chart)"))
  }
}
