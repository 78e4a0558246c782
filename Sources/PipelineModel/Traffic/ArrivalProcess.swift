import Randomness
import SimulationKernel

/// Arrival instants of the order stream, one at a time.
///
/// `poisson`: a non-homogeneous Poisson process sampled exactly by thinning (Lewis and Shedler)
/// against each segment's bound, restarting at segment edges, which is exact because
/// exponential gaps are memoryless. `uniform`: arrivals one 1/rate apart (for tests).
public struct ArrivalProcess: Sendable {
  let curve: RateCurve
  let pattern: TrafficConfiguration.ArrivalPattern
  var segment = 0
  var time: Int64 = 0
  /// Fraction of a gap already elapsed, carried by the uniform pattern across segments; the
  /// first arrival comes half a gap in, so `T · rate` arrivals fall in `[0, T)`.
  var uniformCredit = 0.5
  var uniformStarted = false

  public init(curve: RateCurve, pattern: TrafficConfiguration.ArrivalPattern) {
    self.curve = curve
    self.pattern = pattern
  }

  /// The next arrival instant, or `nil` when the curve is exhausted.
  public mutating func next(_ stream: inout RandomStream) -> SimTime? {
    switch pattern {
    case .poisson: return nextPoisson(&stream)
    case .uniform: return nextUniform()
    }
  }

  mutating func nextPoisson(_ stream: inout RandomStream) -> SimTime? {
    let segments = curve.segments
    while segment < segments.count {
      let s = segments[segment]
      if s.bound <= 0 {
        segment += 1
        time = segment < segments.count ? segments[segment].start : time
        continue
      }
      let gap = stream.exponential(mean: 1e9 / s.bound)
      let candidate = Double(time) + gap
      if candidate >= Double(s.end) {
        segment += 1
        time = s.end
        continue
      }
      time = Int64(candidate)
      let accept = curve.rate(at: time, segment: segment) / s.bound
      if accept >= 1 || stream.uniform() < accept { return SimTime(nanoseconds: time) }
    }
    return nil
  }

  mutating func nextUniform() -> SimTime? {
    let segments = curve.segments
    if !uniformStarted {
      uniformStarted = true
      if let first = segments.first {
        let r = curve.rate(at: first.start, segment: 0)
        if r > 0 {
          time = first.start + Int64(0.5 * 1e9 / r)
          if time < first.end { return SimTime(nanoseconds: time) }
        }
      }
    }
    while segment < segments.count {
      let s = segments[segment]
      let r = curve.rate(at: max(time, s.start), segment: segment)
      if r <= 0 {
        segment += 1
        time = segment < segments.count ? segments[segment].start : time
        continue
      }
      let gap = 1e9 / r
      let candidate = Double(time) + gap
      if candidate >= Double(s.end) {
        // Carry the partial gap into the next segment.
        uniformCredit = (Double(s.end) - Double(time)) / gap
        segment += 1
        time = s.end
        if segment < segments.count {
          let nr = curve.rate(at: time, segment: segment)
          if nr > 0 {
            let t = Double(time) + (1 - uniformCredit) * 1e9 / nr
            if t < Double(segments[segment].end) {
              time = Int64(t)
              return SimTime(nanoseconds: time)
            }
          }
        }
        continue
      }
      time = Int64(candidate)
      return SimTime(nanoseconds: time)
    }
    return nil
  }
}
