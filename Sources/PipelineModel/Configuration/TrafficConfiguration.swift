import SimulationKernel

/// `traffic`: the order arrival process.
public struct TrafficConfiguration: Sendable {
  /// Orders per second before the profile, diurnal cycle and bursts multiply it.
  public var baseline: Double
  /// Multiplier of the baseline, linear between points, flat before the first and after the last.
  public var profile: [ProfilePoint] = []
  public var diurnal: Diurnal?
  public var bursts: [Burst] = []
  /// Replaces baseline × profile when set: per-interval order counts.
  public var trace: TrafficTrace?
  public var arrivals: ArrivalPattern = .poisson

  public init(baseline: Double) { self.baseline = baseline }

  public struct ProfilePoint: Sendable, Equatable {
    public var at: SimDuration
    public var x: Double
    public init(at: SimDuration, x: Double) { self.at = at; self.x = x }
  }

  /// x (1 + amplitude · cos(2π (t − peak) / 24 h)).
  public struct Diurnal: Sendable, Equatable {
    public var amplitude: Double
    public var peak: SimDuration
    public init(amplitude: Double, peak: SimDuration) { self.amplitude = amplitude; self.peak = peak }
  }

  /// A flash sale: × `x` during [at, at + length).
  public struct Burst: Sendable, Equatable {
    public var at: SimDuration
    public var length: SimDuration
    public var x: Double
    public init(at: SimDuration, length: SimDuration, x: Double) { self.at = at; self.length = length; self.x = x }
  }

  public enum ArrivalPattern: String, Sendable, CaseIterable {
    /// A (non-homogeneous) Poisson process.
    case poisson
    /// Evenly spaced arrivals at the same rate, for tests.
    case uniform
  }
}

/// A replayed arrival trace (e.g. a CloudWatch export): `orders` arrive during
/// `[time, next row's time)`, spread as a Poisson process within the interval. The last row lasts
/// as long as the one before it (or the report interval when there is a single row).
public struct TrafficTrace: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var time: SimDuration
    public var orders: Double
    public init(time: SimDuration, orders: Double) { self.time = time; self.orders = orders }
  }
  public var rows: [Row]
  public var source: String
  public init(rows: [Row], source: String) { self.rows = rows; self.source = source }
}
