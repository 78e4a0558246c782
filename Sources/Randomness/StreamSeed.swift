/// Derives the seed of one named random stream from the scenario seed.
///
/// The rule is fixed and documented because reports must be reproducible across versions:
/// `seed32 = low32(SplitMix64.mix(scenarioSeed ^ SplitMix64.mix(fnv1a64(name))))`.
/// Each stream depends only on the scenario seed and its own name, so adding a stream never
/// changes the draws of another, and variants of a scenario share their arrivals (common random
/// numbers). GSL's `mt19937` reads only the low 32 bits of a seed; a derived value of 0 is
/// replaced by 1 because GSL maps seed 0 to its default seed 4357.
public enum StreamSeed {
  /// FNV-1a, 64-bit, over the UTF-8 bytes of `name`.
  public static func fnv1a64(_ name: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// The 32-bit `mt19937` seed of the stream `name` under `scenarioSeed`.
  public static func derive(scenarioSeed: UInt64, name: String) -> UInt32 {
    let mixed = SplitMix64.mix(scenarioSeed ^ SplitMix64.mix(fnv1a64(name)))
    let low = UInt32(truncatingIfNeeded: mixed)
    return low == 0 ? 1 : low
  }

  /// Seeds of independent replications: replication `index` of scenario seed `seed`.
  /// Replication 0 is the scenario seed itself, so a single run and the first replication agree.
  public static func replication(_ index: Int, of seed: UInt64) -> UInt64 {
    index == 0 ? seed : SplitMix64.hash(seed, UInt64(index))
  }
}
