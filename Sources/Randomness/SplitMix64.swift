/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, well-mixed 64-bit generator.
///
/// peaksim uses it for two things only: deriving independent stream seeds from the scenario seed
/// (``StreamSeed``), and counter-based hashing where a value must be a pure function of its inputs
/// (an order body is a function of `(seed, order number)`). Draws for the models come from GSL.
public struct SplitMix64: Sendable {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// Advances the state by the golden-ratio increment and returns the mixed value.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// The SplitMix64 finaliser: a bijection on `UInt64` with full avalanche.
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Hashes an ordered pair of words into one, for counter-based draws: `hash(seed, n)`.
  @inlinable
  public static func hash(_ a: UInt64, _ b: UInt64) -> UInt64 {
    mix(mix(a &+ 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xD6E8_FEB8_6659_FD93))
  }
}
