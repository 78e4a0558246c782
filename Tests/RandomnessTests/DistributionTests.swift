import Foundation  // erfc, exp: the closed forms are computed without the code under test
import Randomness
import Testing

/// Sample means and variances of every distribution checked against closed forms written out
/// here, independently of `Distribution.mean` and `.variance` (which are then checked against
/// the same closed forms).
///
/// 200,000 draws are split into 100 batches; the batch means and batch variances each give a
/// Student-t interval, and the closed-form value must lie within 4.5 standard errors of the
/// estimate. A wrong parameterisation (say, the mean passed where the median belongs) misses by
/// hundreds of standard errors; a correct one fails with probability below 10⁻⁴.
@Suite struct DistributionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var distribution: Distribution
    var mean: Double
    var variance: Double
    var testDescription: String { name }
  }

  /// A normal law truncated at zero (the durations' rule): with α = −μ/σ and
  /// λ = φ(α) / (1 − Φ(α)), mean μ + σλ and variance σ²(1 + αλ − λ²).
  static func truncatedNormal(mean mu: Double, sd sigma: Double) -> (mean: Double, variance: Double) {
    let alpha = -mu / sigma
    let density = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
    let upperTail = 0.5 * erfc(alpha / 2.0.squareRoot())
    let lambda = density / upperTail
    return (mu + sigma * lambda, sigma * sigma * (1 + alpha * lambda - lambda * lambda))
  }

  static let cases: [Case] = [
    Case(name: "constant", distribution: .constant(5e-3), mean: 5e-3, variance: 0),
    Case(name: "exponential", distribution: .exponential(mean: 1.0), mean: 1, variance: 1),
    // Lognormal with median m = e^μ: mean m·e^(σ²/2), variance m²·e^(σ²)·(e^(σ²) − 1).
    Case(
      name: "lognormal", distribution: .lognormal(median: 0.015, sigma: 0.4), mean: 0.015 * exp(0.08),
      variance: 0.015 * 0.015 * exp(0.16) * (exp(0.16) - 1)),
    // Gamma by mean and coefficient of variation: standard deviation cv × mean.
    Case(name: "gamma", distribution: .gamma(mean: 0.010, cv: 0.5), mean: 0.010, variance: 0.005 * 0.005),
    Case(
      name: "uniform", distribution: .uniform(min: 0.001, max: 0.005), mean: 0.003, variance: 0.004 * 0.004 / 12),
    Case(
      name: "normal", distribution: .normal(mean: 0.010, sd: 0.002),
      mean: truncatedNormal(mean: 0.010, sd: 0.002).mean, variance: truncatedNormal(mean: 0.010, sd: 0.002).variance),
    Case(
      name: "normal-truncated-hard", distribution: .normal(mean: -0.5, sd: 1.0),
      mean: truncatedNormal(mean: -0.5, sd: 1).mean, variance: truncatedNormal(mean: -0.5, sd: 1).variance),
    Case(name: "poisson", distribution: .poisson(mean: 2.5), mean: 2.5, variance: 2.5),
    Case(name: "binomial", distribution: .binomial(trials: 20, p: 0.3), mean: 6, variance: 4.2),
  ]

  @Test(arguments: cases)
  func sampleMeanAndVarianceMatchClosedForm(_ k: Case) {
    #expect(k.distribution.parameterProblem == nil)
    let sampler = k.distribution.sampler()
    var stream = RandomStream(seed: 2026, name: "test.\(k.name)")
    let batches = 100
    let perBatch = 2_000
    var means: [Double] = []
    var variances: [Double] = []
    var smallest = Double.infinity
    for _ in 0..<batches {
      var xs = [Double](repeating: 0, count: perBatch)
      for i in 0..<perBatch { xs[i] = sampler.draw(&stream) }
      smallest = min(smallest, xs.min() ?? .nan)
      let m = xs.reduce(0, +) / Double(perBatch)
      means.append(m)
      variances.append(xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(perBatch - 1))
    }
    #expect(smallest >= 0, "\(k.name) drew a negative value \(smallest)")
    let (meanEstimate, meanError) = Self.estimate(means)
    let (varianceEstimate, varianceError) = Self.estimate(variances)
    // The code's own moments (used by reports and the M/M/c tests) agree with the closed form.
    #expect(abs(k.distribution.mean - k.mean) <= 1e-12 * max(1, abs(k.mean)), "\(k.name): mean formula")
    #expect(abs(k.distribution.variance - k.variance) <= 1e-12 * max(1, k.variance), "\(k.name): variance formula")
    if k.variance == 0 {
      #expect(abs(meanEstimate - k.mean) < 1e-15 && varianceEstimate < 1e-30)
      return
    }
    #expect(
      abs(meanEstimate - k.mean) <= 4.5 * meanError,
      "\(k.name): mean \(meanEstimate) vs \(k.mean) ± \(4.5 * meanError)")
    #expect(
      abs(varianceEstimate - k.variance) <= 4.5 * varianceError,
      "\(k.name): variance \(varianceEstimate) vs \(k.variance) ± \(4.5 * varianceError)")
  }

  /// Mean of batch statistics and its standard error.
  static func estimate(_ xs: [Double]) -> (Double, Double) {
    let m = xs.reduce(0, +) / Double(xs.count)
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    return (m, (v / Double(xs.count)).squareRoot())
  }

  /// A normal law centred on zero would draw a negative value every other time; truncated at
  /// zero it never does, and its draws follow the half-normal law: mean √(2/π) ≈ 0.798,
  /// variance 1 − 2/π ≈ 0.363 (an untruncated or a clamped-at-zero sampler misses both).
  @Test func truncatedNormalNeverDrawsBelowZeroAndKeepsItsShape() {
    let sampler = Distribution.normal(mean: 0, sd: 1).sampler()
    var stream = RandomStream(seed: 11, name: "test.half-normal")
    let count = 100_000
    var sum = 0.0
    var sumOfSquares = 0.0
    var negatives = 0
    var zeros = 0
    for _ in 0..<count {
      let x = sampler.draw(&stream)
      if x < 0 { negatives += 1 }
      if x == 0 { zeros += 1 }
      sum += x
      sumOfSquares += x * x
    }
    let mean = sum / Double(count)
    let variance = sumOfSquares / Double(count) - mean * mean
    #expect(negatives == 0)
    #expect(zeros < 10, "\(zeros) draws were exactly zero: clamped, not truncated")
    // Standard errors: √(0.363 / 10⁵) ≈ 0.0019 for the mean, ≈ 0.0019 for the variance.
    #expect(abs(mean - (2 / Double.pi).squareRoot()) < 0.01, "mean \(mean)")
    #expect(abs(variance - (1 - 2 / Double.pi)) < 0.01, "variance \(variance)")
  }

  @Test func badParametersAreNamed() {
    #expect(Distribution.lognormal(median: 0, sigma: 0.4).parameterProblem?.contains("median") == true)
    #expect(Distribution.uniform(min: 5, max: 1).parameterProblem != nil)
    #expect(Distribution.binomial(trials: 5, p: 1.5).parameterProblem != nil)
    #expect(Distribution.exponential(mean: .nan).parameterProblem != nil)
  }
}
