internal import CGSL

/// A random stream with the samplers that will ever draw from it fixed when it is built, so that
/// a stream only lognormals draw from draws their standard normals ahead, a block at a time.
///
/// A lognormal draw is a chain of latencies (log, division, sqrt, exp, and a rejection branch
/// between them) that the event loop waits out at each draw: a quarter of its time in the
/// Thanksgiving demo. Drawn ahead in blocks, the normals' logarithms overlap one another and
/// only the exp is left at the draw. The draws are the very ones `gsl_ran_lognormal` would
/// return on the stream, in the same order (SamplerStreamTests); a stream that any other
/// distribution draws from is drawn from directly, as before, because normals drawn ahead
/// would have taken the uniforms that distribution needs.
public struct SamplerStream: ~Copyable {
  private var stream: RandomStream
  /// The block of normals drawn ahead, or `nil` when the stream is drawn from directly.
  private let normals: UnsafeMutablePointer<Double>?
  private var nextNormal: Int

  /// A stream for `samplers` and no other: draws ahead when each of them is lognormal or
  /// constant (a constant never draws).
  public init(_ stream: consuming RandomStream, for samplers: [Distribution.Sampler]) {
    self.stream = stream
    let ahead = samplers.allSatisfy {
      switch $0.kind {
      case .lognormal, .constant: true
      default: false
      }
    }
    normals = ahead ? .allocate(capacity: RandomStream.normalBlock) : nil
    nextNormal = RandomStream.normalBlock
  }

  deinit { normals?.deallocate() }

  /// Whether lognormal draws come from normals drawn ahead.
  public var drawsAhead: Bool { normals != nil }

  /// One draw from `sampler`, which must be one of those the stream was built for.
  @inline(__always)
  public mutating func draw(_ sampler: Distribution.Sampler) -> Double {
    guard let normals else { return sampler.draw(&stream) }
    switch sampler.kind {
    case .lognormal(let mu, let sigma):
      if nextNormal == RandomStream.normalBlock {
        stream.polarNormals(into: normals)
        nextNormal = 0
      }
      let normal = normals[nextNormal]
      nextNormal += 1
      return cgsl_lognormal_of_normal(normal, mu, sigma)
    case .constant(let value):
      return value
    default:
      preconditionFailure("\(sampler.distribution) drawn from a stream built for lognormals only")
    }
  }
}
