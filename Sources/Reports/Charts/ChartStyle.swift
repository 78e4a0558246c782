/// Shared look of the charts.
enum ChartStyle {
  static let fontFamily = "Helvetica, Arial, DejaVu Sans, sans-serif"
  static let padding = 12.0
  static let titleSize = 16.0
  /// Where the title line sits; every layout starts below it.
  static let titleBaseline = padding + titleSize
  static let labelSize = 12.0
  static let tickSize = 11.0
  static let textColor = "#222222"
  static let mutedTextColor = "#555555"
  static let axisColor = "#888888"
  static let gridColor = "#E6E6E6"
  static let majorGridColor = "#B8B8B8"
}
