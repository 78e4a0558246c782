import Testing

@testable import Reports

/// The geometry of a heat map as numbers: the grid, each cell's place, colour and text, and
/// the colour bar's ticks.
@Suite struct HeatMapLayoutTests {
  static func map() -> SVGHeatMap {
    SVGHeatMap(
      title: "p99", rowTitle: "reserved", columnTitle: "peak", rowLabels: ["100", "200", "400"],
      columnLabels: ["2×", "5×"],
      cells: [
        [HeatMapCell(value: 1, verdict: .passes), HeatMapCell(value: 10, verdict: .fails)],
        [HeatMapCell(value: 2, verdict: .passes), HeatMapCell(value: 5, verdict: .passes)],
        [HeatMapCell(value: 3, verdict: .passes), HeatMapCell(value: 4, verdict: .passes)],
      ], valueTitle: "p99 latency (s)")
  }

  @Test func cellsTileTheGridRowByRow() {
    let layout = HeatMapLayout(map: Self.map())
    #expect(layout.cells.count == 3 && layout.cells.allSatisfy { $0.count == 2 })
    #expect(layout.cellHeight == 34, "up to 15 rows get 34 px")
    #expect(layout.gridWidth == 2 * layout.cellWidth && layout.gridHeight == 3 * 34)
    for (row, cells) in layout.cells.enumerated() {
      for (column, cell) in cells.enumerated() {
        #expect(cell.x == layout.gridLeft + Double(column) * layout.cellWidth)
        #expect(cell.y == layout.gridTop + Double(row) * layout.cellHeight)
      }
    }
    #expect(layout.cells[0][1].fails && layout.cells[0][1].text == "✗ 10")
    #expect(layout.legendLeft == layout.gridLeft + layout.gridWidth + 28)
  }

  /// Linear domain 1...10: the lowest value gets the scale's dark end, the highest its light
  /// end, and the colour bar's ticks run from its bottom (low) to its top (high).
  @Test func theColourDomainIsTheDataAndTheBarRunsBottomToTop() throws {
    let layout = HeatMapLayout(map: Self.map())
    #expect((layout.low, layout.high) == (1, 10))
    #expect(layout.cells[0][0].fill == ViridisScale.color(at: 0))
    #expect(layout.cells[0][1].fill == ViridisScale.color(at: 1))
    let ys = layout.barTicks.map(\.y)
    #expect(ys.count >= 2)
    #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 > $1 }, "higher values higher up")
    #expect(ys.allSatisfy { $0 >= layout.barTop && $0 <= layout.barTop + layout.barHeight })
    #expect(layout.verdictKeys.map(\.label) == ["meets SLO", "✗ misses SLO"])
  }
}
