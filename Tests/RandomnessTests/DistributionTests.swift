import Randomness
import Testing

/// Sample means and variances of every distribution checked against their closed forms.
///
/// 200,000 draws are split into 100 batches; the batch means and batch variances each give a
/// Student-t interval, and the closed-form value must lie within 4.5 standard errors of the
/// estimate. A wrong parameterisation (say, the mean passed where the median belongs) misses by
/// hundreds of standard errors; a correct one fails with probability below 10⁻⁴.
@Suite struct DistributionTests {
  static let cases: [(String, Distribution)] = [
    ("constant", .constant(5e-3)),
    ("exponential", .exponential(mean: 1.0)),
    ("lognormal", .lognormal(median: 0.015, sigma: 0.4)),
    ("gamma", .gamma(mean: 0.010, cv: 0.5)),
    ("uniform", .uniform(min: 0.001, max: 0.005)),
    ("normal", .normal(mean: 0.010, sd: 0.002)),
    ("normal-truncated-hard", .normal(mean: -0.5, sd: 1.0)),
    ("poisson", .poisson(mean: 2.5)),
    ("binomial", .binomial(trials: 20, p: 0.3)),
  ]

  @Test(arguments: cases.indices)
  func sampleMeanAndVarianceMatchClosedForm(index: Int) {
    let (name, distribution) = Self.cases[index]
    #expect(distribution.parameterProblem == nil)
    let sampler = distribution.sampler()
    var stream = RandomStream(seed: 2026, name: "test.\(name)")
    let batches = 100, perBatch = 2_000
    var means: [Double] = [], variances: [Double] = []
    var smallest = Double.infinity
    for _ in 0..<batches {
      var xs = [Double](repeating: 0, count: perBatch)
      for i in 0..<perBatch { xs[i] = sampler.draw(&stream) }
      smallest = min(smallest, xs.min()!)
      let m = xs.reduce(0, +) / Double(perBatch)
      means.append(m)
      variances.append(xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(perBatch - 1))
    }
    #expect(smallest >= 0, "\(name) drew a negative value \(smallest)")
    let (meanEstimate, meanError) = Self.estimate(means)
    let (varianceEstimate, varianceError) = Self.estimate(variances)
    if distribution.variance == 0 {
      #expect(abs(meanEstimate - distribution.mean) < 1e-15 && varianceEstimate < 1e-30)
      return
    }
    #expect(
      abs(meanEstimate - distribution.mean) <= 4.5 * meanError,
      "\(name): mean \(meanEstimate) vs \(distribution.mean) ± \(4.5 * meanError)")
    #expect(
      abs(varianceEstimate - distribution.variance) <= 4.5 * varianceError,
      "\(name): variance \(varianceEstimate) vs \(distribution.variance) ± \(4.5 * varianceError)")
  }

  /// Mean of batch statistics and its standard error.
  static func estimate(_ xs: [Double]) -> (Double, Double) {
    let m = xs.reduce(0, +) / Double(xs.count)
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    return (m, (v / Double(xs.count)).squareRoot())
  }

  @Test func truncatedNormalNeverDrawsBelowZeroAndKeepsItsShape() {
    let d = Distribution.normal(mean: 0, sd: 1)
    // Half-normal: mean √(2/π), variance 1 − 2/π.
    #expect(abs(d.mean - (2 / Double.pi).squareRoot()) < 1e-12)
    #expect(abs(d.variance - (1 - 2 / Double.pi)) < 1e-12)
  }

  @Test func badParametersAreNamed() {
    #expect(Distribution.lognormal(median: 0, sigma: 0.4).parameterProblem?.contains("median") == true)
    #expect(Distribution.uniform(min: 5, max: 1).parameterProblem != nil)
    #expect(Distribution.binomial(trials: 5, p: 1.5).parameterProblem != nil)
    #expect(Distribution.exponential(mean: .nan).parameterProblem != nil)
  }
}
