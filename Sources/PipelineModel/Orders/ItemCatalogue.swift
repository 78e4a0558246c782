/// Every catalogue item of a run pre-rendered as JSON text, in the two price styles a body may
/// use: `{"sku":"SKU-123","quantity":` before the quantity and `,"price":19.99}` after it.
/// An untouched item of a body is then two copies and one digit, not a dozen appends and three
/// number conversions (the items are most of a body's bytes). Immutable once built; shared by
/// reference so copies of the factory share it.
final class ItemCatalogue: @unchecked Sendable {
  static let prefixStride = 32
  static let suffixStride = 32
  let count: Int
  private let prefixes: UnsafeMutablePointer<UInt8>
  private let prefixLengths: UnsafeMutablePointer<UInt8>
  /// Index 0: two decimals (`5.50`); index 1: shortest (`5.5`).
  private let suffixes: (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt8>)
  private let suffixLengths: (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt8>)

  init(prices: [Int64]) {
    count = prices.count
    prefixes = .allocate(capacity: count * Self.prefixStride)
    prefixLengths = .allocate(capacity: count)
    suffixes = (.allocate(capacity: count * Self.suffixStride), .allocate(capacity: count * Self.suffixStride))
    suffixLengths = (.allocate(capacity: count), .allocate(capacity: count))
    var writer = ByteWriter(capacity: 64)
    for sku in 0..<count {
      writer.count = 0
      writer.append("{\"sku\":\"SKU-")
      writer.appendDecimal(UInt64(sku))
      writer.append("\",\"quantity\":")
      Self.store(
        writer.bytes, into: prefixes + sku * Self.prefixStride, length: prefixLengths + sku, stride: Self.prefixStride)
      for shortest in [false, true] {
        writer.count = 0
        writer.append(",\"price\":")
        writer.appendCents(prices[sku], shortest: shortest)
        writer.append(UInt8(ascii: "}"))
        let (arena, lengths) = shortest ? (suffixes.1, suffixLengths.1) : (suffixes.0, suffixLengths.0)
        Self.store(
          writer.bytes, into: arena + sku * Self.suffixStride, length: lengths + sku, stride: Self.suffixStride)
      }
    }
  }

  private static func store(
    _ bytes: UnsafeRawBufferPointer, into slot: UnsafeMutablePointer<UInt8>, length: UnsafeMutablePointer<UInt8>,
    stride: Int
  ) {
    precondition(bytes.count <= stride, "catalogue text of \(bytes.count) bytes exceeds its slot of \(stride)")
    for i in 0..<bytes.count { slot[i] = bytes[i] }
    length.pointee = UInt8(bytes.count)
  }

  deinit {
    prefixes.deallocate()
    prefixLengths.deallocate()
    suffixes.0.deallocate()
    suffixes.1.deallocate()
    suffixLengths.0.deallocate()
    suffixLengths.1.deallocate()
  }

  /// Writes item `sku` with `quantity`, priced in the body's style.
  @inline(__always)
  func write(sku: Int, quantity: Int, shortest: Bool, into buffer: inout ByteWriter) {
    buffer.append(slot32: prefixes + sku * Self.prefixStride, count: Int(prefixLengths[sku]))
    buffer.appendDecimal(UInt64(quantity))
    if shortest {
      buffer.append(slot32: suffixes.1 + sku * Self.suffixStride, count: Int(suffixLengths.1[sku]))
    } else {
      buffer.append(slot32: suffixes.0 + sku * Self.suffixStride, count: Int(suffixLengths.0[sku]))
    }
  }
}
