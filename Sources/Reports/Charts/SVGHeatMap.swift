/// A grid of results over two swept parameters, written as a standalone SVG 1.1 file.
///
/// ```swift
/// let map = SVGHeatMap(
///   title: "p99 latency by reserved concurrency and peak",
///   rowTitle: "reserved concurrency", columnTitle: "peak traffic",
///   rowLabels: ["100", "200", "400"], columnLabels: ["2×", "5×"],
///   cells: [[HeatMapCell(value: 0.8, verdict: .passes), HeatMapCell(value: 41, verdict: .fails)], …],
///   valueTitle: "p99 latency (s)")
/// let svg = map.render()
/// ```
///
/// Row 0 is drawn at the top, column 0 at the left. Values are coloured on the viridis scale
/// (dark = low, unless ``reversed``), linear or logarithmic, with a colour bar as legend.
/// A cell with the verdict `.fails` is hatched and framed in vermillion, so a failing region is
/// visible without relying on colour; cells with a verdict but no value are tinted green
/// (passes) or orange (fails). Cell texts that do not fit their cell are left out, and column
/// labels are slanted when they are wider than their column. The height follows from the
/// number of rows. Output is deterministic and every text is XML-escaped, as for
/// ``SVGLineChart``.
public struct SVGHeatMap: Sendable, Equatable {
  /// How values map to colours.
  public enum Scale: Sendable, Equatable {
    case linear
    /// For values spanning orders of magnitude (latencies); needs positive values, others are
    /// drawn as "no value".
    case logarithmic
  }

  public var title: String
  /// A sentence or two for screen readers, put first in `<desc>`.
  public var summary: String?
  /// The parameter that varies down the rows (the left axis title).
  public var rowTitle: String
  /// The parameter that varies across the columns (the bottom axis title).
  public var columnTitle: String
  public var rowLabels: [String]
  public var columnLabels: [String]
  /// `cells[row][column]`.
  public var cells: [[HeatMapCell]]
  /// What the colours measure, with its unit: the colour bar's title.
  public var valueTitle: String
  public var scale: Scale
  /// The value range of the colours; `nil`: that of the data.
  public var domain: ClosedRange<Double>?
  /// Dark for high values instead of low ones.
  public var reversed: Bool
  /// Legend text for the two verdicts.
  public var passesLabel: String
  public var failsLabel: String
  /// Width of the document in pixels (the height follows from the rows).
  public var width: Int

  public init(
    title: String, rowTitle: String, columnTitle: String, rowLabels: [String],
    columnLabels: [String], cells: [[HeatMapCell]], valueTitle: String
  ) {
    precondition(
      cells.count == rowLabels.count,
      "a heat map has \(rowLabels.count) row labels but \(cells.count) rows of cells")
    for (index, row) in cells.enumerated() {
      precondition(
        row.count == columnLabels.count,
        "row \(index) of the heat map has \(row.count) cells, expected \(columnLabels.count)")
    }
    self.title = title
    self.summary = nil
    self.rowTitle = rowTitle
    self.columnTitle = columnTitle
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.cells = cells
    self.valueTitle = valueTitle
    self.scale = .linear
    self.domain = nil
    self.reversed = false
    self.passesLabel = "meets SLO"
    self.failsLabel = "misses SLO"
    self.width = 960
  }
}
