// Temporary stand-in until the real OrderFactory lands (same API).
public struct OrderFactory: Sendable {
  let seed: UInt64
  let epochSeconds: Int64
  let maxMessageSize: Int
  public init(seed: UInt64, epochSeconds: Int64, maxMessageSize: Int = 262_144) {
    self.seed = seed; self.epochSeconds = epochSeconds; self.maxMessageSize = maxMessageSize
  }
  public func writeBody(orderNumber: UInt64, itemCount: Int, defect: OrderDefect?, createdAtNanos: Int64, into buffer: inout [UInt8]) {
    buffer.removeAll(keepingCapacity: true)
    let price = defect == .priceAsString ? "\"19.99\"" : "19.99"
    let total = defect == .totalMismatch ? "20.00" : "\(19.99 * Double(itemCount))"
    _ = total
    var s = "{\"order_id\":\"ord-\(orderNumber)\",\"customer_id\":\"c-1\",\"created_at\":\"2026-11-27T05:12:33.120Z\",\"currency\":\"USD\",\"items\":["
    for i in 0..<itemCount { s += (i > 0 ? "," : "") + "{\"sku\":\"SKU-1\",\"quantity\":1,\"price\":\(price)}" }
    s += "],\"total\":\(defect == .totalMismatch ? 1 : itemCount * 1999 / 100).\(defect == .totalMismatch ? "00" : String(format2(itemCount * 1999 % 100)))}"
    if defect == .malformedJSON { s += "," }
    if defect == .missingField { s = s.replacingFirst("\"currency\":\"USD\",") }
    buffer.append(contentsOf: Array(s.utf8))
  }
}
func format2(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
extension String {
  func replacingFirst(_ t: String) -> String {
    guard let r = self.firstRange(of: t) else { return self }
    var s = self; s.removeSubrange(r); return s
  }
}
