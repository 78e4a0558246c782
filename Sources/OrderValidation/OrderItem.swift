/// One line of a validated order.
public struct OrderItem: Hashable, Sendable {
  public var sku: String
  /// 1 to 1000.
  public var quantity: Int
  /// 0 to 100,000,000 (one million in the order's currency), exact.
  public var priceCents: Int64

  public init(sku: String, quantity: Int, priceCents: Int64) {
    self.sku = sku
    self.quantity = quantity
    self.priceCents = priceCents
  }

  /// quantity × price, exact.
  public var lineTotalCents: Int64 { Int64(quantity) * priceCents }
}
