/// A fixed 64-bit hash of a byte string, the same on every run and machine.
///
/// Swift's `Hasher` is seeded per process, so its values must never reach results; this one
/// is a plain function of the bytes (8-byte little-endian words, multiply–rotate mixing and
/// the SplitMix64 finaliser). It is not cryptographic: it keys ids, it does not defend
/// against chosen collisions.
public enum StableHash {
  /// Hashes `bytes`.
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let count = bytes.count
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(truncatingIfNeeded: count) &* 0xFF51_AFD7_ED55_8CCD)
    var offset = 0
    while offset + 8 <= count {
      let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      state = absorb(state, word)
      offset += 8
    }
    if offset < count {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < count {
        tail |= UInt64(bytes[offset]) &<< shift
        shift += 8
        offset += 1
      }
      state = absorb(state, tail)
    }
    return finalize(state)
  }

  /// Hashes the UTF-8 bytes of `string`.
  public static func hash(_ string: String) -> UInt64 {
    var copy = string
    return copy.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
  }

  @inline(__always)
  static func absorb(_ state: UInt64, _ word: UInt64) -> UInt64 {
    let mixed = (state ^ (word &* 0x87C3_7B91_1142_53D5))
    return ((mixed &<< 31) | (mixed &>> 33)) &* 0x4CF5_AD43_2745_937F
  }

  /// The SplitMix64 output function (Steele, Lea and Flood 2014).
  @inline(__always)
  static func finalize(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }
}
