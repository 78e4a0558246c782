internal import CGSL

/// A probability distribution of a non-negative quantity, as written in a scenario file
/// (SCENARIO.md, "Values with units"). Values are plain numbers; durations are in seconds.
///
/// Parameters are checked when the value is built (``validated()``), so drawing never fails.
public enum Distribution: Sendable, Equatable {
  case constant(Double)
  case exponential(mean: Double)
  /// `median` = e^µ; `sigma` is the standard deviation of the logarithm.
  case lognormal(median: Double, sigma: Double)
  /// Shape 1/cv², scale mean·cv².
  case gamma(mean: Double, cv: Double)
  case uniform(min: Double, max: Double)
  /// Truncated at 0 by conditioning, so every draw is ≥ 0.
  case normal(mean: Double, sd: Double)
  case poisson(mean: Double)
  case binomial(trials: Int, p: Double)

  /// The distribution's mean (for the truncated normal, of the truncated law).
  public var mean: Double {
    switch self {
    case .constant(let v): return v
    case .exponential(let m): return m
    case .lognormal(let median, let sigma): return median * _exp(sigma * sigma / 2)
    case .gamma(let m, _): return m
    case .uniform(let a, let b): return (a + b) / 2
    case .normal(let m, let sd):
      guard sd > 0 else { return Swift.max(m, 0) }
      let alpha = -m / sd
      return m + sd * gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
    case .poisson(let m): return m
    case .binomial(let n, let p): return Double(n) * p
    }
  }

  /// The distribution's variance (for the truncated normal, of the truncated law).
  public var variance: Double {
    switch self {
    case .constant: return 0
    case .exponential(let m): return m * m
    case .lognormal(let median, let sigma):
      let s2 = sigma * sigma
      return (_exp(s2) - 1) * median * median * _exp(s2)
    case .gamma(let m, let cv): return (m * cv) * (m * cv)
    case .uniform(let a, let b): return (b - a) * (b - a) / 12
    case .normal(let m, let sd):
      guard sd > 0 else { return 0 }
      let alpha = -m / sd
      let lambda = gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
      return sd * sd * (1 + alpha * lambda - lambda * lambda)
    case .poisson(let m): return m
    case .binomial(let n, let p): return Double(n) * p * (1 - p)
    }
  }

  /// Why the parameters are unusable, or `nil` when they are fine.
  public var parameterProblem: String? {
    func finite(_ x: Double) -> Bool { x.isFinite }
    switch self {
    case .constant(let v):
      return finite(v) && v >= 0 ? nil : "constant value must be a finite number ≥ 0, got \(v)"
    case .exponential(let m):
      return finite(m) && m > 0 ? nil : "exponential mean must be > 0, got \(m)"
    case .lognormal(let median, let sigma):
      if !(finite(median) && median > 0) { return "lognormal median must be > 0, got \(median)" }
      return finite(sigma) && sigma >= 0 && sigma <= 5 ? nil : "lognormal sigma must be in 0...5, got \(sigma)"
    case .gamma(let m, let cv):
      if !(finite(m) && m > 0) { return "gamma mean must be > 0, got \(m)" }
      return finite(cv) && cv > 0 && cv <= 10 ? nil : "gamma cv must be in (0, 10], got \(cv)"
    case .uniform(let a, let b):
      return finite(a) && finite(b) && a >= 0 && a <= b ? nil : "uniform needs 0 ≤ min ≤ max, got min \(a), max \(b)"
    case .normal(let m, let sd):
      if !finite(m) { return "normal mean must be finite, got \(m)" }
      if !(finite(sd) && sd >= 0) { return "normal sd must be ≥ 0, got \(sd)" }
      return m >= 0 || (sd > 0 && -m / sd < 8)
        ? nil : "normal truncated at 0 needs mean > -8 sd, got mean \(m), sd \(sd)"
    case .poisson(let m):
      return finite(m) && m >= 0 && m < 1e9 ? nil : "poisson mean must be in [0, 1e9), got \(m)"
    case .binomial(let n, let p):
      if n < 0 || n > Int(UInt32.max) { return "binomial trials must be in 0...\(UInt32.max), got \(n)" }
      return finite(p) && p >= 0 && p <= 1 ? nil : "binomial p must be in [0, 1], got \(p)"
    }
  }

  /// The distribution with its parameters precomputed for drawing.
  public func sampler() -> Sampler { Sampler(self) }

  /// A distribution prepared for fast drawing (log of the lognormal median, gamma shape/scale).
  public struct Sampler: Sendable {
    enum Kind: Sendable {
      case constant(Double)
      case exponential(Double)
      case lognormal(mu: Double, sigma: Double)
      case gamma(shape: Double, scale: Double)
      case uniform(Double, Double)
      case normal(Double, Double)
      case poisson(Double)
      /// A mean in (0, ``RandomStream/smallPoissonMeanLimit``], with its e^-mean
      /// (``RandomStream/poisson(smallMeanThreshold:)``).
      case smallPoisson(threshold: Double)
      case binomial(Int, Double)
    }
    let kind: Kind
    public let distribution: Distribution

    init(_ distribution: Distribution) {
      self.distribution = distribution
      switch distribution {
      case .constant(let v): kind = .constant(v)
      case .exponential(let m): kind = .exponential(m)
      case .lognormal(let median, let sigma): kind = .lognormal(mu: _logarithm(median), sigma: sigma)
      case .gamma(let m, let cv):
        let shape = 1 / (cv * cv)
        kind = .gamma(shape: shape, scale: m / shape)
      case .uniform(let a, let b): kind = .uniform(a, b)
      case .normal(let m, let sd): kind = .normal(m, sd)
      case .poisson(let m):
        kind =
          m > 0 && m <= RandomStream.smallPoissonMeanLimit
          ? .smallPoisson(threshold: RandomStream.poissonThreshold(mean: m)) : .poisson(m)
      case .binomial(let n, let p): kind = .binomial(n, p)
      }
    }

    /// One draw from `stream`.
    public func draw(_ stream: inout RandomStream) -> Double {
      switch kind {
      case .constant(let v): return v
      case .exponential(let m): return stream.exponential(mean: m)
      case .lognormal(let mu, let sigma): return stream.lognormal(mu: mu, sigma: sigma)
      case .gamma(let shape, let scale): return stream.gamma(shape: shape, scale: scale)
      case .uniform(let a, let b): return stream.flat(min: a, max: b)
      case .normal(let m, let sd): return stream.truncatedNormal(mean: m, sd: sd)
      case .poisson(let m): return Double(stream.poisson(mean: m))
      case .smallPoisson(let threshold): return Double(stream.poisson(smallMeanThreshold: threshold))
      case .binomial(let n, let p): return Double(stream.binomial(trials: n, p: p))
      }
    }

    /// The mean of the distribution being drawn.
    public var mean: Double { distribution.mean }
  }
}

func _exp(_ x: Double) -> Double { gsl_sf_exp(x) }
func _logarithm(_ x: Double) -> Double { gsl_sf_log(x) }
