import PipelineModel

/// One SLO judged against one run, as experiments keep it (``PipelineModel/SLOResult`` as a
/// plain value that partial result files can write and read back).
public struct SLOOutcome: Sendable, Equatable {
  /// `p99_end_to_end`, `max_oldest_age`, `valid_orders_in_dlq`, `lost_orders`.
  public var name: String
  public var target: Double
  public var actual: Double
  public var met: Bool
  /// `s` for latencies and ages, `orders` for counts.
  public var unit: String

  public init(name: String, target: Double, actual: Double, met: Bool, unit: String) {
    self.name = name
    self.target = target
    self.actual = actual
    self.met = met
    self.unit = unit
  }

  public init(_ result: SLOResult) {
    self.init(name: result.name, target: result.target, actual: result.actual, met: result.met, unit: result.unit)
  }

  /// How far the actual value is inside its target (positive) or beyond it (negative), in the
  /// SLO's unit: `target − actual`.
  public var headroom: Double { target - actual }
}
