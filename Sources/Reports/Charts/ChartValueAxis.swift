/// A y axis of an ``SVGLineChart``: its unit, an optional title, and how its range is chosen.
public struct ChartValueAxis: Sendable, Equatable {
  /// The unit shown in the axis title, e.g. `orders/s`, `messages`, `s`, `WCU/s`.
  public var unit: String
  /// What is measured, e.g. `backlog`; the axis reads `backlog (messages)`. `nil`: the unit only.
  public var title: String?
  /// Whether 0 is always inside the range (rates and counts: yes).
  public var includesZero: Bool
  /// A fixed lower end instead of the automatic one.
  public var minimum: Double?
  /// A fixed upper end instead of the automatic one (data above it is clipped).
  public var maximum: Double?

  public init(
    unit: String, title: String? = nil, includesZero: Bool = true, minimum: Double? = nil,
    maximum: Double? = nil
  ) {
    self.unit = unit
    self.title = title
    self.includesZero = includesZero
    self.minimum = minimum
    self.maximum = maximum
  }

  /// The text beside the axis.
  var label: String {
    guard let title, !title.isEmpty else { return unit }
    return unit.isEmpty ? title : "\(title) (\(unit))"
  }
}
