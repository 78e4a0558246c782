import SimulationKernel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The order arrival rate over the run: baseline × profile × diurnal cycle × bursts
/// (SCENARIO.md `traffic`), or a replayed trace × diurnal × bursts.
///
/// The run is cut into segments at every profile point, burst edge and trace row, and at
/// least every 15 minutes. Inside a segment the profile (or trace) is linear and the bursts are
/// constant, so the rate is exact and cheap to evaluate, and an upper bound for thinning is
/// known (the larger profile end × the diurnal maximum over the segment × the bursts).
public struct RateCurve: Sendable {
  /// One stretch of time with a linear base rate and constant bursts.
  public struct Segment: Sendable {
    public var start: Int64
    public var end: Int64
    /// Base rate (orders/s, bursts included) at `start`, and its slope per nanosecond.
    var base0: Double
    var baseSlope: Double
    /// An upper bound of the rate over the segment.
    public var bound: Double
  }

  public let segments: [Segment]
  let diurnalAmplitude: Double
  let diurnalPeakNanos: Int64

  static let day: Double = 86_400e9
  static let maxSegment: Int64 = 15 * 60 * 1_000_000_000

  /// The length of a trace's last row when it is the only one: one report interval
  /// (SCENARIO.md `traffic.trace`; a later row ends every other).
  let loneRowLength: Int64

  /// - Parameter interval: the report interval, which a lone trace row lasts (default 1 min,
  ///   the scenario's default).
  public init(_ traffic: TrafficConfiguration, horizon: SimDuration, interval: SimDuration = .seconds(60)) {
    let end = horizon.nanoseconds
    loneRowLength = interval.nanoseconds
    var cuts: [Int64] = [0, end]
    var t: Int64 = Self.maxSegment
    while t < end { cuts.append(t); t += Self.maxSegment }
    for point in traffic.profile where point.at.nanoseconds > 0 && point.at.nanoseconds < end {
      cuts.append(point.at.nanoseconds)
    }
    for burst in traffic.bursts {
      for edge in [burst.at.nanoseconds, burst.at.nanoseconds + burst.length.nanoseconds] where edge > 0 && edge < end {
        cuts.append(edge)
      }
    }
    if let trace = traffic.trace {
      for row in trace.rows where row.time.nanoseconds > 0 && row.time.nanoseconds < end {
        cuts.append(row.time.nanoseconds)
      }
      // The last row lasts as long as the one before it (or one interval): its end is a cut too,
      // or a segment running past it would be read as silent and drop the row's orders.
      if let last = trace.rows.last {
        let lastEnd = last.time.nanoseconds + Self.lastRowLength(trace, lone: interval.nanoseconds)
        if lastEnd > 0 && lastEnd < end { cuts.append(lastEnd) }
      }
    }
    cuts.sort()
    var unique: [Int64] = []
    for c in cuts where unique.last != c { unique.append(c) }

    diurnalAmplitude = traffic.diurnal?.amplitude ?? 0
    diurnalPeakNanos = traffic.diurnal?.peak.nanoseconds ?? 0
    var segments: [Segment] = []
    for i in 0..<(unique.count - 1) {
      let a = unique[i], b = unique[i + 1]
      let mid = a + (b - a) / 2
      let bursts = Self.burstMultiplier(traffic.bursts, at: mid)
      let baseA = Self.baseRate(traffic, at: a, within: (a, b), lone: loneRowLength) * bursts
      let baseB = Self.baseRate(traffic, at: b, within: (a, b), lone: loneRowLength) * bursts
      let slope = (baseB - baseA) / Double(b - a)
      let diurnalMax = Self.diurnalMaximum(amplitude: diurnalAmplitude, peak: diurnalPeakNanos, from: a, to: b)
      segments.append(Segment(start: a, end: b, base0: baseA, baseSlope: slope, bound: max(baseA, baseB) * diurnalMax))
    }
    self.segments = segments
  }

  /// The rate (orders/s) at `time` inside segment `index`.
  @inline(__always)
  func rate(at time: Int64, segment index: Int) -> Double {
    let s = segments[index]
    var r = s.base0 + s.baseSlope * Double(time - s.start)
    if diurnalAmplitude != 0 { r *= diurnal(at: time) }
    return max(r, 0)
  }

  /// The rate (orders/s) at `time`.
  public func rate(at time: SimTime) -> Double {
    let t = time.nanoseconds
    guard let index = segments.firstIndex(where: { t >= $0.start && t < $0.end }) else { return 0 }
    return rate(at: t, segment: index)
  }

  /// Expected number of arrivals over the run (numerical integral, for reports and tests).
  public func expectedArrivals() -> Double {
    var total = 0.0
    for (i, s) in segments.enumerated() {
      let steps = 64
      let h = Double(s.end - s.start) / Double(steps)
      var sum = 0.0
      for k in 0...steps {
        let t = s.start + Int64((Double(k) * h).rounded())
        let w: Double = (k == 0 || k == steps) ? 1 : (k % 2 == 1 ? 4 : 2)
        sum += w * rate(at: min(t, s.end - 1), segment: i)
      }
      total += sum * h / 3 / 1e9
    }
    return total
  }

  @inline(__always)
  func diurnal(at time: Int64) -> Double {
    1 + diurnalAmplitude * cos(2 * Double.pi * Double(time - diurnalPeakNanos) / Self.day)
  }

  /// Maximum of 1 + A·cos(2π(t − peak)/24 h) over [a, b].
  static func diurnalMaximum(amplitude: Double, peak: Int64, from a: Int64, to b: Int64) -> Double {
    guard amplitude != 0 else { return 1 }
    func value(_ t: Int64) -> Double { 1 + amplitude * cos(2 * Double.pi * Double(t - peak) / day) }
    var best = max(value(a), value(b))
    // Interior extremes sit at peak + k·12 h.
    let half = Int64(day / 2)
    var k = (a - peak) / half - 1
    while peak + k * half <= b {
      let t = peak + k * half
      if t > a && t < b { best = max(best, value(t)) }
      k += 1
    }
    return best
  }

  static func burstMultiplier(_ bursts: [TrafficConfiguration.Burst], at t: Int64) -> Double {
    var x = 1.0
    for burst in bursts where t >= burst.at.nanoseconds && t < burst.at.nanoseconds + burst.length.nanoseconds {
      x *= burst.x
    }
    return x
  }

  /// Baseline × profile, or the trace's rate, at `t` (the trace is constant over a segment,
  /// evaluated at its middle so that both ends of a segment agree).
  static func baseRate(
    _ traffic: TrafficConfiguration, at t: Int64, within segment: (Int64, Int64), lone: Int64
  ) -> Double {
    if let trace = traffic.trace { return traceRate(trace, at: segment.0 + (segment.1 - segment.0) / 2, lone: lone) }
    return traffic.baseline * profileMultiplier(traffic.profile, at: t)
  }

  static func profileMultiplier(_ profile: [TrafficConfiguration.ProfilePoint], at t: Int64) -> Double {
    guard let first = profile.first else { return 1 }
    if t <= first.at.nanoseconds { return first.x }
    for i in 1..<profile.count {
      let a = profile[i - 1], b = profile[i]
      if t <= b.at.nanoseconds {
        let span = Double(b.at.nanoseconds - a.at.nanoseconds)
        if span <= 0 { return b.x }
        return a.x + (b.x - a.x) * Double(t - a.at.nanoseconds) / span
      }
    }
    return profile[profile.count - 1].x
  }

  /// How long a trace's last row lasts: as long as the row before it, or `lone` (one report
  /// interval) when it is the only row.
  static func lastRowLength(_ trace: TrafficTrace, lone: Int64) -> Int64 {
    let rows = trace.rows
    guard rows.count >= 2 else { return lone }
    return rows[rows.count - 1].time.nanoseconds - rows[rows.count - 2].time.nanoseconds
  }

  static func traceRate(_ trace: TrafficTrace, at t: Int64, lone: Int64) -> Double {
    let rows = trace.rows
    guard !rows.isEmpty else { return 0 }
    if t < rows[0].time.nanoseconds { return 0 }
    // The last row at or before `t` (binary search: traces can have many rows).
    var low = 0, high = rows.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if rows[mid].time.nanoseconds <= t { low = mid } else { high = mid - 1 }
    }
    let i = low
    let length =
      i + 1 < rows.count ? rows[i + 1].time.nanoseconds - rows[i].time.nanoseconds : lastRowLength(trace, lone: lone)
    if i + 1 == rows.count && t >= rows[i].time.nanoseconds + length { return 0 }
    return length > 0 ? rows[i].orders / (Double(length) / 1e9) : 0
  }
}
