/// A GitHub-flavoured Markdown table whose source is also readable as plain text.
///
/// ```swift
/// var table = MarkdownTable(columns: [.left("metric"), .right("value")])
/// table.append(["orders arrived", NumberFormat.grouped(12_345_678)])
/// table.append(["p99 end to end", NumberFormat.duration(seconds: 12.3)])
/// print(table.render())
/// // | metric         |      value |
/// // | :------------- | ---------: |
/// // | orders arrived | 12,345,678 |
/// // | p99 end to end |     12.3 s |
/// ```
///
/// Cells are escaped so that no content can break the table: `|` becomes `\|` and line breaks
/// (CR, LF, CRLF) become a space. Other Markdown in a cell (`**fails**`, links) is kept on
/// purpose. Columns are padded to a common width (counted in `Character`s) so the raw file
/// lines up too.
public struct MarkdownTable: Sendable, Equatable {
  /// How a column's cells sit in their column.
  public enum Alignment: Sendable, Equatable {
    case left, right, center
  }

  /// A column: its header text and alignment.
  public struct Column: Sendable, Equatable {
    public var title: String
    public var alignment: Alignment

    public init(_ title: String, alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }

    /// A left-aligned column (text).
    public static func left(_ title: String) -> Column { Column(title, alignment: .left) }
    /// A right-aligned column (numbers).
    public static func right(_ title: String) -> Column { Column(title, alignment: .right) }
    /// A centred column (short flags such as ✓/✗).
    public static func center(_ title: String) -> Column { Column(title, alignment: .center) }
  }

  public private(set) var columns: [Column]
  public private(set) var rows: [[String]] = []

  public init(columns: [Column]) {
    precondition(!columns.isEmpty, "a Markdown table needs at least one column")
    self.columns = columns
  }

  /// Appends a row; it must have one cell per column.
  public mutating func append(_ row: [String]) {
    precondition(
      row.count == columns.count,
      "a row of the table has \(row.count) cells, the table has \(columns.count) columns")
    rows.append(row)
  }

  /// The table, each line ending in `\n`.
  public func render() -> String {
    let header = columns.map { Self.escape($0.title) }
    let body = rows.map { $0.map(Self.escape) }
    var widths = header.map { max($0.count, 3) }
    for row in body {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    var text = line(header, widths: widths)
    let rule = columns.enumerated().map { index, column -> String in
      let width = widths[index]
      switch column.alignment {
      case .left: return ":" + String(repeating: "-", count: width - 1)
      case .right: return String(repeating: "-", count: width - 1) + ":"
      case .center: return ":" + String(repeating: "-", count: width - 2) + ":"
      }
    }
    text += "| " + rule.joined(separator: " | ") + " |\n"
    for row in body { text += line(row, widths: widths) }
    return text
  }

  private func line(_ cells: [String], widths: [Int]) -> String {
    let padded = cells.enumerated().map { index, cell -> String in
      let gap = widths[index] - cell.count
      switch columns[index].alignment {
      case .left: return cell + String(repeating: " ", count: gap)
      case .right: return String(repeating: " ", count: gap) + cell
      case .center:
        return String(repeating: " ", count: gap / 2) + cell
          + String(repeating: " ", count: gap - gap / 2)
      }
    }
    return "| " + padded.joined(separator: " | ") + " |\n"
  }

  /// One cell's text made safe inside a table row.
  public static func escape(_ cell: String) -> String {
    var text = ""
    text.reserveCapacity(cell.utf8.count)
    var previous: Character?
    for character in cell {
      switch character {
      case "|": text += "\\|"
      case "\r\n", "\n", "\r": if previous != " " { text.append(" ") }
      default: text.append(character)
      }
      previous = text.last
    }
    return text
  }
}
