import CGSL
import Randomness
import Testing

/// `SamplerStream` draws the standard normals of a lognormal-only stream ahead, 64 at a time.
/// Reports must not change by a bit, so its draws are compared with `gsl_ran_lognormal` on a twin
/// generator, across many blocks and with two lognormals (the handler's per-invocation and
/// per-message durations) and a constant interleaved as the model interleaves them.
@Suite struct SamplerStreamTests {
  static let seeds: [UInt32] = [0, 1, 2026, 0xFFFF_FFFF]

  @Test(arguments: seeds) func lognormalsDrawnAheadAreGSLsBitForBit(seed: UInt32) {
    let perInvocation = Distribution.lognormal(median: 0.020, sigma: 0.5).sampler()
    let perMessage = Distribution.lognormal(median: 0.005, sigma: 0.4).sampler()
    let constant = Distribution.constant(0.25).sampler()
    var stream = SamplerStream(RandomStream(rawSeed: seed), for: [perInvocation, perMessage, constant])
    let ahead = stream.drawsAhead
    #expect(ahead)
    let twin = InlineDrawsTests.Twin(rawSeed: seed)
    var mismatches: [String] = []
    func compare(_ name: String, _ i: Int, _ mine: Double, _ gsl: Double) {
      if mine.bitPattern != gsl.bitPattern && mismatches.count < 5 {
        mismatches.append("\(name) #\(i): \(mine) drawn ahead, \(gsl) from GSL")
      }
    }
    // Batches of 0 to 10 messages: about 110,000 draws, some 1,700 blocks ending at every point of a batch.
    for i in 0..<20_000 {
      compare("per invocation", i, stream.draw(perInvocation), gsl_ran_lognormal(twin.rng, gsl_sf_log(0.020), 0.5))
      for k in 0..<(i % 11) {
        compare("per message \(k)", i, stream.draw(perMessage), gsl_ran_lognormal(twin.rng, gsl_sf_log(0.005), 0.4))
      }
      #expect(stream.draw(constant) == 0.25)
    }
    #expect(mismatches.isEmpty, "lognormals drawn ahead differ from GSL's: \(mismatches)")
  }

  /// A gamma needs the uniforms that normals drawn ahead would have taken: such a stream is
  /// drawn from directly, exactly as a plain `RandomStream` is.
  @Test func aStreamAnyOtherDistributionDrawsFromIsDrawnDirectly() {
    let lognormal = Distribution.lognormal(median: 0.006, sigma: 0.3).sampler()
    let gamma = Distribution.gamma(mean: 0.01, cv: 0.5).sampler()
    var stream = SamplerStream(RandomStream(rawSeed: 7), for: [lognormal, gamma])
    let ahead = stream.drawsAhead
    #expect(!ahead)
    var plain = RandomStream(rawSeed: 7)
    for i in 0..<5_000 {
      let sampler = i % 3 == 0 ? gamma : lognormal
      let mine = stream.draw(sampler)
      let direct = sampler.draw(&plain)
      if mine.bitPattern != direct.bitPattern {
        Issue.record("draw \(i): \(mine) from the sampler stream, \(direct) directly")
        return
      }
    }
  }
}
