/// An instant of simulated time: integer nanoseconds since the start of the run.
///
/// Integer time is exact, so simultaneous events are truly simultaneous and their order is
/// decided by the event queue's insertion sequence, never by rounding. An instant and an
/// interval are different types (as NIO's `NIODeadline` and `TimeAmount`).
@frozen
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var nanoseconds: Int64

  @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

  @inlinable public static var zero: SimTime { SimTime(nanoseconds: 0) }
  /// Later than any instant a run can reach (≈ 292 years).
  @inlinable public static var distantFuture: SimTime { SimTime(nanoseconds: .max) }

  /// Seconds since the start, as a `Double` (for reports only, never for the clock).
  @inlinable public var seconds: Double { Double(nanoseconds) / 1e9 }

  @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.nanoseconds < b.nanoseconds }
  @inlinable public static func + (a: SimTime, d: SimDuration) -> SimTime {
    SimTime(nanoseconds: a.nanoseconds &+ d.nanoseconds)
  }
  @inlinable public static func - (a: SimTime, d: SimDuration) -> SimTime {
    SimTime(nanoseconds: a.nanoseconds &- d.nanoseconds)
  }
  @inlinable public static func - (a: SimTime, b: SimTime) -> SimDuration {
    SimDuration(nanoseconds: a.nanoseconds &- b.nanoseconds)
  }
  @inlinable public static func += (a: inout SimTime, d: SimDuration) { a = a + d }

  public var description: String { "t=\(SimDuration(nanoseconds: nanoseconds))" }
}

/// A length of simulated time in integer nanoseconds.
@frozen
public struct SimDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var nanoseconds: Int64

  @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

  @inlinable public static var zero: SimDuration { SimDuration(nanoseconds: 0) }

  @inlinable public static func nanoseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n) }
  @inlinable public static func microseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n * 1_000) }
  @inlinable public static func milliseconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n * 1_000_000) }
  @inlinable public static func seconds(_ n: Int64) -> SimDuration { SimDuration(nanoseconds: n * 1_000_000_000) }
  @inlinable public static func minutes(_ n: Int64) -> SimDuration { .seconds(n * 60) }
  @inlinable public static func hours(_ n: Int64) -> SimDuration { .seconds(n * 3_600) }
  @inlinable public static func days(_ n: Int64) -> SimDuration { .seconds(n * 86_400) }

  /// The duration nearest to `seconds`, saturating at the representable range; NaN gives zero.
  @inlinable
  public init(seconds: Double) {
    let ns = (seconds * 1e9).rounded()
    if ns.isNaN {
      nanoseconds = 0
    } else if ns >= 9.2e18 {
      nanoseconds = .max / 2
    } else if ns <= -9.2e18 {
      nanoseconds = .min / 2
    } else {
      nanoseconds = Int64(ns)
    }
  }

  @inlinable public var seconds: Double { Double(nanoseconds) / 1e9 }

  @inlinable public static func < (a: SimDuration, b: SimDuration) -> Bool { a.nanoseconds < b.nanoseconds }
  @inlinable public static func + (a: SimDuration, b: SimDuration) -> SimDuration {
    SimDuration(nanoseconds: a.nanoseconds &+ b.nanoseconds)
  }
  @inlinable public static func - (a: SimDuration, b: SimDuration) -> SimDuration {
    SimDuration(nanoseconds: a.nanoseconds &- b.nanoseconds)
  }
  @inlinable public static func * (a: SimDuration, k: Int64) -> SimDuration {
    SimDuration(nanoseconds: a.nanoseconds &* k)
  }
  @inlinable public static func += (a: inout SimDuration, b: SimDuration) { a = a + b }

  /// Shortest exact rendering: `250ms`, `30s`, `1.5s`, `15m`, `4d`.
  public var description: String {
    let ns = nanoseconds
    let units: [(Int64, String)] = [
      (86_400_000_000_000, "d"), (3_600_000_000_000, "h"), (60_000_000_000, "m"),
      (1_000_000_000, "s"), (1_000_000, "ms"), (1_000, "us"),
    ]
    if ns == 0 { return "0s" }
    for (size, name) in units where ns % size == 0 { return "\(ns / size)\(name)" }
    if abs(ns) >= 1_000_000_000 { return "\(Double(ns) / 1e9)s" }
    return "\(ns)ns"
  }
}
