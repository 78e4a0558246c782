/// A validated order, with its strings unescaped and its money in integer cents.
///
/// Produced by `OrderValidator.validate(_:)`. Building it allocates
/// strings and an array; code that only needs the verdict uses
/// `OrderValidator.check(_:)` and its ``OrderSummary`` instead.
public struct Order: Hashable, Sendable {
  public var orderID: String
  public var customerID: String
  /// `created_at` as written (after unescaping), for storing it unchanged.
  public var createdAt: String
  /// The instant `created_at` names.
  public var createdAtInstant: RFC3339.Instant
  /// Three uppercase ASCII letters, such as `USD`.
  public var currency: String
  /// 1 to ``OrderValidator/maximumItemCount`` items, in body order.
  public var items: [OrderItem]
  /// Equal to the sum of the items' line totals.
  public var totalCents: Int64

  public init(
    orderID: String, customerID: String, createdAt: String, createdAtInstant: RFC3339.Instant,
    currency: String, items: [OrderItem], totalCents: Int64
  ) {
    self.orderID = orderID
    self.customerID = customerID
    self.createdAt = createdAt
    self.createdAtInstant = createdAtInstant
    self.currency = currency
    self.items = items
    self.totalCents = totalCents
  }
}
