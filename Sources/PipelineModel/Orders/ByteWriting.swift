/// A fixed-capacity byte buffer for writing JSON text without building `String`s or paying an
/// `Array`'s uniqueness and growth checks per byte: the order factory writes every simulated
/// body through it, tens of millions of times a run. It owns its memory; noncopyable, so it is
/// freed exactly once.
public struct ByteWriter: ~Copyable {
  @usableFromInline let base: UnsafeMutablePointer<UInt8>
  public let capacity: Int
  public var count = 0

  public init(capacity: Int) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  /// The bytes written so far.
  public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Writers check their capacity once per body (``OrderFactory/bodyCapacity`` bounds every
  /// body it writes); per-append checks run in debug builds only.
  @inline(__always)
  mutating func reserve(_ n: Int) {
    assert(count &+ n <= capacity, "ByteWriter overflow: \(count) + \(n) > \(capacity)")
  }

  @inline(__always)
  public mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count &+= 1
  }

  @inline(__always)
  mutating func append(_ text: StaticString) {
    let n = text.utf8CodeUnitCount
    reserve(n)
    (base + count).update(from: text.utf8Start, count: n)
    count &+= n
  }

  @inline(__always)
  mutating func append(bytes: UnsafePointer<UInt8>, count n: Int) {
    reserve(n)
    (base + count).update(from: bytes, count: n)
    count &+= n
  }

  /// The first `n` (≤ 32) bytes of a 32-byte slot, copied as one 32-byte block: the bytes past
  /// `n` land beyond `count` and are overwritten by what follows (bodies leave ample slack).
  @inline(__always)
  mutating func append(slot32 slot: UnsafePointer<UInt8>, count n: Int) {
    reserve(32)
    let block = UnsafeRawPointer(slot).loadUnaligned(as: SIMD32<UInt8>.self)
    UnsafeMutableRawPointer(base + count).storeBytes(of: block, as: SIMD32<UInt8>.self)
    count &+= n
  }

  /// The first `n` (≤ 8) bytes of `word`, as stored in memory, in one 8-byte store (the bytes
  /// past `n` are overwritten by what follows).
  @inline(__always)
  mutating func append(word: UInt64, count n: Int) {
    reserve(8)
    UnsafeMutableRawPointer(base + count).storeBytes(of: word, as: UInt64.self)
    count &+= n
  }

  /// The first `n` (≤ 32) bytes of `block` in one 32-byte store, as ``append(slot32:count:)``.
  @inline(__always)
  mutating func append(block: SIMD32<UInt8>, count n: Int) {
    reserve(32)
    UnsafeMutableRawPointer(base + count).storeBytes(of: block, as: SIMD32<UInt8>.self)
    count &+= n
  }

  /// `value` (< 100) as exactly two digits: the calendar fields of every timestamp.
  @inline(__always)
  mutating func appendTwoDigits(_ value: Int) {
    reserve(2)
    base[count] = UInt8(truncatingIfNeeded: value / 10) &+ UInt8(ascii: "0")
    base[count &+ 1] = UInt8(truncatingIfNeeded: value % 10) &+ UInt8(ascii: "0")
    count &+= 2
  }

  /// `value` in decimal, zero-padded to at least `width` digits (at most 20).
  @inline(__always)
  mutating func appendDecimal(_ value: UInt64, width: Int = 1) {
    if value < 10 && width <= 1 {
      append(UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0"))
      return
    }
    var digits = 1
    var probe = value
    while probe >= 10 {
      probe /= 10
      digits &+= 1
    }
    let length = Swift.max(digits, Swift.min(width, 20))
    reserve(length)
    var index = count &+ length &- 1
    var remaining = value
    for _ in 0..<length {
      base[index] = UInt8(truncatingIfNeeded: remaining % 10) &+ UInt8(ascii: "0")
      remaining /= 10
      index &-= 1
    }
    count &+= length
  }

  /// An amount in cents as a JSON number: `19.99`, or the shortest form (`5.5`, `20`) when
  /// `shortest` is set, as JavaScript's `JSON.stringify` writes it.
  mutating func appendCents(_ cents: Int64, shortest: Bool) {
    if cents < 0 { append(UInt8(ascii: "-")) }
    let magnitude = cents.magnitude
    appendDecimal(magnitude / 100)
    let fraction = magnitude % 100
    if shortest {
      if fraction == 0 { return }
      append(UInt8(ascii: "."))
      if fraction % 10 == 0 { appendDecimal(fraction / 10) } else { appendDecimal(fraction, width: 2) }
    } else {
      append(UInt8(ascii: "."))
      appendDecimal(fraction, width: 2)
    }
  }
}
