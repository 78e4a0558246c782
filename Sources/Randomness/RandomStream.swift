// Public for the @inlinable draws below: the hot draws must inline into the model's modules,
// where a call per uniform cost as much as the draw (callgrind).
public import CGSL

/// One seeded pseudo-random stream backed by GSL's `mt19937` generator.
///
/// The hot draws (uniform, exponential, flat, lognormal, Poisson up to a mean of 10) run GSL's
/// own algorithms inline on the generator's state (shim.h), so they return exactly what
/// `gsl_rng_uniform` and the `gsl_ran_*` function named in each doc comment would
/// (InlineDrawsTests); the others call GSL.
///
/// Noncopyable, so two model components can never silently share (and so entangle) one stream;
/// the C generator is freed in `deinit`. Streams are created by name from the scenario seed
/// (``StreamSeed``), never from the environment: `gsl_rng_env_setup()` is never called.
public struct RandomStream: ~Copyable {
  private let rng: UnsafeMutablePointer<gsl_rng>
  /// The generator's own state, which the hot draws advance inline (shim.h): the same words
  /// GSL would return, without two function pointers per draw.
  @usableFromInline let state: UnsafeMutableRawPointer

  /// The stream named `name` of the scenario seeded with `seed`.
  public init(seed: UInt64, name: String) {
    self.init(rawSeed: StreamSeed.derive(scenarioSeed: seed, name: name))
  }

  /// A stream seeded directly; the same `rawSeed` always yields the same draws.
  public init(rawSeed: UInt32) {
    GSLErrors.turnOffAbortingHandler()
    guard let rng = gsl_rng_alloc(cgsl_rng_type_mt19937()) else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    gsl_rng_set(rng, UInt(rawSeed))
    precondition(
      rng.pointee.type.pointee.size == MemoryLayout<cgsl_mt_state>.size,
      "this GSL's mt19937 state is not the layout peaksim draws from inline")
    self.rng = rng
    state = UnsafeMutableRawPointer(rng.pointee.state)
  }

  deinit { gsl_rng_free(rng) }

  /// A uniform draw in [0, 1). The corresponding GSL function is `gsl_rng_uniform`.
  @inlinable
  public mutating func uniform() -> Double { cgsl_mt_uniform(state) }

  /// A uniform draw in (0, 1), safe for logarithms. GSL: `gsl_rng_uniform_pos`.
  @inlinable
  public mutating func uniformPositive() -> Double { cgsl_mt_uniform_pos(state) }

  /// A uniform integer in `0..<bound`. GSL: `gsl_rng_uniform_int`.
  public mutating func uniformInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive, got \(bound)")
    return Int(gsl_rng_uniform_int(rng, UInt(bound)))
  }

  /// `true` with probability `p`.
  @inlinable
  public mutating func bernoulli(_ p: Double) -> Bool {
    p > 0 && cgsl_mt_uniform(state) < p
  }

  /// An exponential draw with the given mean. GSL: `gsl_ran_exponential`.
  @inlinable
  public mutating func exponential(mean: Double) -> Double { cgsl_mt_exponential(state, mean) }

  /// A lognormal draw with log-mean `mu` (the median is e^µ) and log-scale `sigma`.
  /// GSL: `gsl_ran_lognormal`.
  @inlinable
  public mutating func lognormal(mu: Double, sigma: Double) -> Double {
    cgsl_mt_lognormal(state, mu, sigma)
  }

  /// The next ``normalBlock`` standard normals of ``lognormal(mu:sigma:)``'s polar method, into
  /// `normals`: `cgsl_lognormal_of_normal(normals[i], mu, sigma)` is the i-th lognormal draw.
  mutating func polarNormals(into normals: UnsafeMutablePointer<Double>) {
    cgsl_mt_polar_normals(state, normals)
  }

  static var normalBlock: Int { Int(CGSL_NORMAL_BLOCK) }

  /// A gamma draw with shape k and scale θ (mean kθ). GSL: `gsl_ran_gamma`.
  public mutating func gamma(shape: Double, scale: Double) -> Double {
    gsl_ran_gamma(rng, shape, scale)
  }

  /// A uniform draw in [min, max). GSL: `gsl_ran_flat`.
  @inlinable
  public mutating func flat(min: Double, max: Double) -> Double {
    min == max ? min : cgsl_mt_flat(state, min, max)
  }

  /// A normal draw with mean `mean` and standard deviation `sd`, truncated to [0, ∞) by exact
  /// conditioning (not clamping): `mean + Y` with `Y ~ N(0, sd)` conditioned on `Y > −mean`.
  /// GSL: `gsl_ran_gaussian_tail`.
  public mutating func truncatedNormal(mean: Double, sd: Double) -> Double {
    if sd == 0 { return Swift.max(mean, 0) }
    return mean + gsl_ran_gaussian_tail(rng, -mean, sd)
  }

  /// A Poisson count with the given mean. GSL: `gsl_ran_poisson`.
  public mutating func poisson(mean: Double) -> Int {
    if mean <= 0 { return 0 }
    return Int(mean <= Self.smallPoissonMeanLimit ? cgsl_mt_poisson_small(state, mean) : gsl_ran_poisson(rng, mean))
  }

  /// A Poisson count with a mean of at most 10 whose e^-mean, `threshold`, was computed once
  /// with ``poissonThreshold(mean:)``: the draws of ``poisson(mean:)`` without an exp each.
  mutating func poisson(smallMeanThreshold threshold: Double) -> Int {
    Int(cgsl_mt_poisson_knuth(state, threshold))
  }

  static func poissonThreshold(mean: Double) -> Double { cgsl_poisson_threshold(mean) }

  /// GSL draws Poisson means up to this by Knuth's product of uniforms (inline here), larger
  /// ones through its gamma and binomial steps.
  static let smallPoissonMeanLimit = 10.0

  /// A binomial count of `trials` with success probability `p`. GSL: `gsl_ran_binomial`.
  public mutating func binomial(trials: Int, p: Double) -> Int {
    trials <= 0 || p <= 0 ? 0 : Int(gsl_ran_binomial(rng, p, UInt32(clamping: trials)))
  }
}
