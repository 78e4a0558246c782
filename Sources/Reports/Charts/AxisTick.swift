/// One tick of an x axis: where it is, what it says (one or two lines), and whether its
/// gridline marks a boundary (midnight on a calendar axis).
struct AxisTick: Equatable {
  /// In x-axis units (seconds for time axes).
  var position: Double
  var label: String
  /// A second line under the label (the day under midnight ticks on a calendar axis).
  var secondLine: String?
  /// A boundary such as midnight: drawn with a stronger gridline.
  var isMajor: Bool = false
}
