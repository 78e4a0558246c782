import Histogram
import SimulationKernel

/// Percentiles of a latency, in seconds (SCENARIO.md `latency.*`: mean, p50, p95, p99, max).
public struct LatencySummary: Sendable, Equatable {
  public var count: UInt64 = 0
  public var mean = 0.0
  public var p50 = 0.0
  public var p95 = 0.0
  public var p99 = 0.0
  public var max = 0.0

  public init() {}

  /// From an HDR histogram of microseconds (3 significant digits).
  init(_ histogram: Histogram<UInt64>) {
    count = histogram.totalCount
    guard count > 0 else { return }
    mean = histogram.mean / 1e6
    p50 = Double(histogram.valueAtPercentile(50)) / 1e6
    p95 = Double(histogram.valueAtPercentile(95)) / 1e6
    p99 = Double(histogram.valueAtPercentile(99)) / 1e6
    max = Double(histogram.max) / 1e6
  }
}

/// An HDR histogram of latencies in microseconds, from 1 µs to 30 days at 3 significant digits.
struct LatencyHistogram: Sendable {
  var histogram = Histogram<UInt64>(
    lowestDiscernibleValue: 1, highestTrackableValue: 30 * 86_400 * 1_000_000, numberOfSignificantValueDigits: .three)

  @inline(__always)
  mutating func record(_ latency: SimDuration) {
    let us = UInt64(Swift.max(1, latency.nanoseconds / 1_000))
    _ = histogram.record(Swift.min(us, histogram.highestTrackableValue))
  }

  var summary: LatencySummary { LatencySummary(histogram) }
}
