import Randomness
import Testing

@Suite struct RandomStreamTests {
  @Test func sameSeedAndNameGiveTheSameSequence() {
    var a = RandomStream(seed: 7, name: "traffic.arrivals")
    var b = RandomStream(seed: 7, name: "traffic.arrivals")
    for _ in 0..<10_000 { #expect(a.uniform() == b.uniform()) }
  }

  @Test func differentNamesGiveDifferentSequences() {
    var a = RandomStream(seed: 7, name: "traffic.arrivals")
    var b = RandomStream(seed: 7, name: "lambda.duration")
    var equal = 0
    for _ in 0..<1_000 where a.uniform() == b.uniform() { equal += 1 }
    #expect(equal == 0)
  }

  @Test func differentSeedsGiveDifferentSequences() {
    var a = RandomStream(seed: 1, name: "x")
    var b = RandomStream(seed: 2, name: "x")
    #expect((0..<100).map { _ in a.uniform() } != (0..<100).map { _ in b.uniform() })
  }

  /// The derivation is a documented contract: reports must reproduce across versions.
  @Test func streamSeedDerivationIsTheDocumentedHash() {
    #expect(StreamSeed.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
    #expect(StreamSeed.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)  // FNV-1a 64 test vector
    let expected = UInt32(truncatingIfNeeded: SplitMix64.mix(42 ^ SplitMix64.mix(StreamSeed.fnv1a64("queue"))))
    #expect(StreamSeed.derive(scenarioSeed: 42, name: "queue") == expected)
    var reference = SplitMix64(seed: 0)
    #expect(reference.next() == 0xE220_A839_7B1D_CDAF)  // SplitMix64 reference output for seed 0
  }

  @Test func streamsAreIndependentOfOtherStreamsExisting() {
    var alone = RandomStream(seed: 3, name: "orders.defects")
    let first = (0..<50).map { _ in alone.uniform() }
    var other = RandomStream(seed: 3, name: "a.new.stream")
    _ = other.uniform()
    var again = RandomStream(seed: 3, name: "orders.defects")
    #expect((0..<50).map { _ in again.uniform() } == first)
  }

  @Test func uniformIntStaysInRangeAndCoversIt() {
    var s = RandomStream(seed: 5, name: "int")
    var seen = Set<Int>()
    for _ in 0..<10_000 {
      let v = s.uniformInt(below: 10)
      #expect((0..<10).contains(v))
      seen.insert(v)
    }
    #expect(seen.count == 10)
  }
}

@Suite struct StudentTTests {
  @Test func quantilesMatchPublishedTables() {
    // Two-sided 95% critical values from standard t tables.
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - 12.7062) < 1e-3)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.2622) < 1e-3)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 30) - 2.0423) < 1e-3)
    #expect(abs(StudentT.quantile(0.995, degreesOfFreedom: 4) - 4.6041) < 1e-3)
  }

  @Test func confidenceHalfWidthUsesNMinusOneDegrees() {
    let hw = StudentT.confidenceHalfWidth(sd: 2, count: 10)
    #expect(abs(hw - 2.2622 * 2 / 10.0.squareRoot()) < 1e-3)
    #expect(StudentT.confidenceHalfWidth(sd: 2, count: 1) == 0)
  }

  @Test func sampleQuantilesInterpolateLinearly() {
    #expect(Quantiles.ofSorted([1, 2, 3, 4], 0.5) == 2.5)
    #expect(Quantiles.ofSorted([10], 0.99) == 10)
    #expect(abs(Quantiles.standardNormal(0.975) - 1.959964) < 1e-6)
  }
}
