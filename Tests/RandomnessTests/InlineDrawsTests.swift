import CGSL
import Randomness
import Testing

/// `RandomStream` draws its uniforms, exponentials, flats, lognormals and small-mean Poisson
/// counts inline from GSL's own mt19937 state (shim.h) instead of through `gsl_rng_uniform` and
/// `gsl_ran_*`. Reports must not change by a bit, so each draw is compared with GSL's on a twin
/// generator with the same seed, over several refills of the 624-word state and with GSL's own
/// distributions drawing from the same stream in between.
@Suite struct InlineDrawsTests {
  /// A GSL mt19937 generator seeded as `RandomStream(rawSeed:)` seeds its own.
  final class Twin {
    let rng: UnsafeMutablePointer<gsl_rng>
    init(rawSeed: UInt32) {
      rng = gsl_rng_alloc(cgsl_rng_type_mt19937())!
      gsl_rng_set(rng, UInt(rawSeed))
    }
    deinit { gsl_rng_free(rng) }
  }

  static let seeds: [UInt32] = [0, 1, 4357, 2026, 0xFFFF_FFFF, 0x9E37_79B9]

  @Test(arguments: seeds) func uniformsAreGSLsBitForBit(seed: UInt32) {
    var stream = RandomStream(rawSeed: seed)
    let twin = Twin(rawSeed: seed)
    for i in 0..<5_000 {
      let mine = stream.uniform()
      let gsl = gsl_rng_uniform(twin.rng)
      if mine.bitPattern != gsl.bitPattern {
        Issue.record("seed \(seed), draw \(i): \(mine) inline, \(gsl) from GSL")
        return
      }
    }
  }

  @Test(arguments: seeds) func distributionsAreGSLsBitForBit(seed: UInt32) {
    var stream = RandomStream(rawSeed: seed)
    let twin = Twin(rawSeed: seed)
    var mismatches: [String] = []
    func compare(_ name: String, _ i: Int, _ mine: Double, _ gsl: Double) {
      if mine.bitPattern != gsl.bitPattern && mismatches.count < 5 {
        mismatches.append("\(name) #\(i): \(mine) inline, \(gsl) from GSL")
      }
    }
    // 20,000 rounds draw about 150,000 words: some 240 refills, each at a different point of a round.
    for i in 0..<20_000 {
      let sigma = [0.0, 0.3, 0.5, 1.0, 2.5][i % 5]
      let mu = [-4.6, -3.0, 0.0, 1.5][i % 4]
      compare("lognormal", i, stream.lognormal(mu: mu, sigma: sigma), gsl_ran_lognormal(twin.rng, mu, sigma))
      let mean = [1e-3, 0.25, 1e9 / 60][i % 3]
      compare("exponential", i, stream.exponential(mean: mean), gsl_ran_exponential(twin.rng, mean))
      compare("flat", i, stream.flat(min: 0.02, max: 7.5), gsl_ran_flat(twin.rng, 0.02, 7.5))
      compare("uniformPositive", i, stream.uniformPositive(), gsl_rng_uniform_pos(twin.rng))
      let p = 0.01 * Double(i % 100)
      let bernoulli = stream.bernoulli(p)
      let gslBernoulli = p > 0 && gsl_rng_uniform(twin.rng) < p
      if bernoulli != gslBernoulli && mismatches.count < 5 { mismatches.append("bernoulli #\(i)") }
      // Inline up to a mean of 10, GSL's own steps above it (and at 10.5, just past the switch).
      let poissonMean = [0.5, 2.5, 10, 10.5, 40][i % 5]
      compare(
        "poisson(\(poissonMean))", i, Double(stream.poisson(mean: poissonMean)),
        Double(gsl_ran_poisson(twin.rng, poissonMean)))
      // GSL's own samplers on the same state in between: the inline draws must leave it as GSL would.
      compare("gamma", i, stream.gamma(shape: 4, scale: 0.5), gsl_ran_gamma(twin.rng, 4, 0.5))
    }
    #expect(mismatches.isEmpty, "inline draws differ from GSL's: \(mismatches)")
  }

  /// A Poisson sampler with a mean up to 10 computes GSL's e^-mean once, not at every draw.
  @Test(arguments: [0.5, 2.5, 10, 10.5, 40]) func poissonSamplersAreGSLsBitForBit(mean: Double) {
    let sampler = Distribution.poisson(mean: mean).sampler()
    var stream = RandomStream(rawSeed: 2026)
    let twin = Twin(rawSeed: 2026)
    for i in 0..<20_000 {
      let mine = sampler.draw(&stream)
      let gsl = Double(gsl_ran_poisson(twin.rng, mean))
      if mine != gsl {
        Issue.record("mean \(mean), draw \(i): \(mine) from the sampler, \(gsl) from GSL")
        return
      }
    }
  }
}
