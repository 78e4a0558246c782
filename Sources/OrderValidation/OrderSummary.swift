/// What the allocation-free check of a valid order reports: enough to key, count and bill it.
public struct OrderSummary: Hashable, Sendable {
  /// ``StableHash`` of the unescaped `order_id` bytes: equal ids give equal hashes on every
  /// run and machine (unlike `Hasher`), so it can stand in for the id as a table key.
  public var orderIDHash: UInt64
  /// 1 to ``OrderValidator/maximumItemCount``.
  public var itemCount: Int
  public var totalCents: Int64
  public var createdAtInstant: RFC3339.Instant

  public init(orderIDHash: UInt64, itemCount: Int, totalCents: Int64, createdAtInstant: RFC3339.Instant) {
    self.orderIDHash = orderIDHash
    self.itemCount = itemCount
    self.totalCents = totalCents
    self.createdAtInstant = createdAtInstant
  }
}
