import CPrefetch

/// Every catalogue item of a run pre-rendered as JSON text, in the two price styles a body may
/// use: `{"sku":"SKU-123","quantity":` before the quantity and `19.99}` after `,"price":`.
/// An untouched item of a body is then two copies and one digit, not a dozen appends and three
/// number conversions (the items are most of a body's bytes). Immutable once built; shared by
/// reference so copies of the factory share it.
///
/// Each SKU's texts, lengths and price fill one 64-byte cache line. A third of the items come
/// from the 100,000-product tail, and perf showed the body writer waiting on three misses per
/// such item when price, prefix and suffix lived in separate arrays (half of its time).
final class ItemCatalogue: @unchecked Sendable {
  static let lineSize = 64
  /// Offsets within a line: the prefix (≤ 32 bytes), the price in two decimals (`5.50}`) and
  /// in the shortest form (`5.5}`), each ≤ 8 bytes, the price in cents, then the three lengths.
  static let prefixOffset = 0
  static let decimalsOffset = 32
  static let shortestOffset = 40
  static let centsOffset = 48
  static let lengthsOffset = 56

  let count: Int
  private let lines: UnsafeMutableRawPointer

  init(prices: [Int64]) {
    count = prices.count
    lines = .allocate(byteCount: count * Self.lineSize, alignment: Self.lineSize)
    lines.initializeMemory(as: UInt8.self, repeating: 0, count: count * Self.lineSize)
    var writer = ByteWriter(capacity: 64)
    for sku in 0..<count {
      let line = line(sku)
      writer.count = 0
      writer.append("{\"sku\":\"SKU-")
      writer.appendDecimal(UInt64(sku))
      writer.append("\",\"quantity\":")
      Self.store(writer.bytes, at: line + Self.prefixOffset, limit: 32, length: line + Self.lengthsOffset)
      for (shortest, offset) in [(false, Self.decimalsOffset), (true, Self.shortestOffset)] {
        writer.count = 0
        writer.appendCents(prices[sku], shortest: shortest)
        writer.append(UInt8(ascii: "}"))
        Self.store(
          writer.bytes, at: line + offset, limit: 8, length: line + Self.lengthsOffset + (shortest ? 2 : 1))
      }
      line.storeBytes(of: prices[sku], toByteOffset: Self.centsOffset, as: Int64.self)
    }
  }

  private static func store(
    _ bytes: UnsafeRawBufferPointer, at slot: UnsafeMutableRawPointer, limit: Int, length: UnsafeMutableRawPointer
  ) {
    precondition(bytes.count <= limit, "catalogue text of \(bytes.count) bytes exceeds its slot of \(limit)")
    slot.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
    length.storeBytes(of: UInt8(bytes.count), as: UInt8.self)
  }

  deinit { lines.deallocate() }

  /// The line of `sku`.
  @inline(__always)
  private func line(_ sku: Int) -> UnsafeMutableRawPointer { lines + sku * Self.lineSize }

  /// The catalogue price of `sku` in cents, from the line ``write(sku:quantity:shortest:into:)``
  /// copies next.
  @inline(__always)
  func priceCents(sku: Int) -> Int64 {
    line(sku).load(fromByteOffset: Self.centsOffset, as: Int64.self)
  }

  /// Starts loading the line of `sku` into the cache, so that writing it later does not wait.
  @inline(__always)
  func prefetch(sku: Int) { cprefetch_read(line(sku)) }

  /// Writes item `sku` with `quantity`, priced in the body's style.
  @inline(__always)
  func write(sku: Int, quantity: Int, shortest: Bool, into buffer: inout ByteWriter) {
    let line = line(sku)
    let lengths = line.load(fromByteOffset: Self.lengthsOffset, as: SIMD4<UInt8>.self)
    buffer.append(slot32: line.assumingMemoryBound(to: UInt8.self), count: Int(lengths[0]))
    buffer.appendDecimal(UInt64(quantity))
    buffer.append(",\"price\":")
    let price = line.load(fromByteOffset: shortest ? Self.shortestOffset : Self.decimalsOffset, as: UInt64.self)
    buffer.append(word: price, count: Int(shortest ? lengths[2] : lengths[1]))
  }
}
