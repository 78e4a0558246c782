/// Where in an order a failure stands, printed as a JSON path such as `items[0].price`.
///
/// The fields of the order format are enum cases, so recording a failure on them never
/// allocates; anything else (a repeated key the format does not define) carries its path as
/// text.
public enum FieldPath: Hashable, Sendable, CustomStringConvertible {
  case orderID
  case customerID
  case createdAt
  case currency
  case items
  case total
  /// One element of `items`, which must be an object: `items[3]`.
  case item(Int)
  case sku(item: Int)
  case quantity(item: Int)
  case price(item: Int)
  /// A member the order format does not define, as its path text: `meta.tags[2].source`.
  case other(String)

  public var description: String {
    switch self {
    case .orderID: "order_id"
    case .customerID: "customer_id"
    case .createdAt: "created_at"
    case .currency: "currency"
    case .items: "items"
    case .total: "total"
    case .item(let index): "items[\(index)]"
    case .sku(let index): "items[\(index)].sku"
    case .quantity(let index): "items[\(index)].quantity"
    case .price(let index): "items[\(index)].price"
    case .other(let path): path
    }
  }
}
