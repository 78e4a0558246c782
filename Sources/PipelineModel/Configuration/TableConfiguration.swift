import Randomness
import SimulationKernel

/// `table`: the DynamoDB orders table (aws-behaviour.md §5).
public struct TableConfiguration: Sendable {
  public var mode: CapacityMode = .onDemand
  /// On-demand: highest sustained write rate already reached (writes/s).
  public var previousPeak: Double = 2_000
  /// On-demand: the table quota (§5 "On-demand hard caps", 40,000) or a configured maximum.
  public var maxWriteRate: Double = 40_000
  /// Provisioned WCU.
  public var writeCapacity: Double = 1_000
  /// Provisioned: target-tracking auto scaling; `nil` = fixed capacity.
  public var autoscaling: Autoscaling?
  public var itemSize: ItemSize = .auto
  /// `nil` = derived from capacity (1,000 WCU each).
  public var partitions: Int?
  /// Fraction of writes that land on one partition key range.
  public var hotKeyShare: Double = 0
  /// Latency of one `PutItem`, in seconds.
  public var latency: Distribution = .lognormal(median: 0.006, sigma: 0.3)
  /// Testing aid: serve every write (issue 4's "unlimited" table).
  public var unlimited: Bool = false

  public init() {}

  public enum CapacityMode: String, Sendable, CaseIterable {
    case onDemand = "on_demand"
    case provisioned
  }

  public enum ItemSize: Sendable, Equatable {
    /// Measured from the order body.
    case auto
    case bytes(Int)
  }

  /// §5 "Auto scaling (provisioned) – policy".
  public struct Autoscaling: Sendable, Equatable {
    public var min: Double
    public var max: Double
    /// Target utilisation, 0.2 – 0.9.
    public var target: Double
    public init(min: Double, max: Double, target: Double) { self.min = min; self.max = max; self.target = target }
  }
}
