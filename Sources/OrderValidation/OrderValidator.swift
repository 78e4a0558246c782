/// Validates order message bodies: the same rules the production order processor applies
/// before it writes an order to the table.
///
/// A body is checked in one pass over its UTF-8 bytes, without Foundation and, for the
/// `check(_:)` and `firstFailure(in:)` families, without heap allocation for ordinary orders,
/// so the simulator can run it on every simulated message and a Lambda handler can run it on
/// real ones.
///
/// The result is the first failure a front-to-back pass meets (see ``ValidationReason`` for
/// the rules):
///
/// - `oversized` is decided by length alone, before parsing.
/// - Any syntax error anywhere is `malformed_json`, even after a semantic failure: a body that
///   is not JSON is reported as such.
/// - Otherwise a value's own failure stands at the value, a repeated key at its second
///   occurrence, a missing field at the `}` that closes its object (fields in the order
///   `order_id`, `customer_id`, `created_at`, `currency`, `items`, `total`, then `sku`,
///   `quantity`, `price`), `too_many_items` at the 101st item, and `total_mismatch` last.
///
/// Choices where the format leaves room, made so a body means one thing:
///
/// - A byte-order mark is not whitespace (RFC 8259 §8.1 forbids sending one): `malformed_json`.
/// - Keys are equal when their unescaped code points are equal; `"é"` and `"e\u0301"` differ
///   (no Unicode normalisation), `"\u00e9"` and `"é"` do not.
/// - `\u` escapes of unpaired surrogates are `malformed_json`, as are UTF-8 encoded surrogates.
/// - `-0` is zero: a valid price and total, an invalid quantity.
/// - Money is exact: `19.990` and `1999e-2` are 19.99; `19.999` is `invalid_value`. A total of
///   10^16 or more is a valid amount that no items can add up to: `total_mismatch`.
/// - `created_at` follows ``RFC3339``: lowercase `t` and `z` are accepted, `:60` is not.
///
/// ```swift
/// let validator = OrderValidator()
/// switch validator.check(body) {
/// case .success(let summary): print(summary.totalCents)
/// case .failure(let failure): print(failure)  // "wrong_type at items[0].price"
/// }
/// ```
public struct OrderValidator: Sendable {
  /// SQS's maximum message size: 256 KiB.
  public static let defaultMaxMessageSize = 262_144
  /// Arrays and objects may nest this deep; one level more is `malformed_json`.
  public static let maximumDepth = 64
  public static let maximumItemCount = 100
  public static let maximumQuantity = 1_000
  /// One million, in cents.
  public static let maximumPriceCents: Int64 = 100_000_000

  /// Bodies longer than this many bytes are `oversized`.
  public var maxMessageSize: Int

  public init(maxMessageSize: Int = OrderValidator.defaultMaxMessageSize) {
    self.maxMessageSize = maxMessageSize
  }

  // MARK: - The verdict and a summary, without allocation

  /// Validates `body` and returns a summary of a valid order, allocating nothing for ordinary
  /// bodies.
  ///
  /// The only allocations happen for bodies that need them: more than 32 extra keys open at
  /// once, escaped strings longer than the stack buffer, or the path text of a repeated extra
  /// key.
  public func check(_ body: UnsafeRawBufferPointer) -> Result<OrderSummary, ValidationFailure> {
    var memo = RFC3339.MinuteMemo()
    return check(body, memo: &memo)
  }

  /// As ``check(_:)``, keeping the calendar check of the last `created_at` minute in `memo`
  /// for the next body (a stream of orders in time order meets each minute many times).
  public func check(_ body: UnsafeRawBufferPointer, memo: inout RFC3339.MinuteMemo) -> Result<
    OrderSummary, ValidationFailure
  > {
    var sink = SummarySink()
    return pass(body, &sink, memo: &memo).map { totals in
      OrderSummary(
        orderIDHash: sink.orderIDHash, itemCount: totals.itemCount, totalCents: totals.totalCents,
        createdAtInstant: totals.createdAtInstant)
    }
  }

  @inlinable
  public func check(_ body: [UInt8]) -> Result<OrderSummary, ValidationFailure> {
    body.withUnsafeBytes { check($0) }
  }

  @inlinable
  public func check(_ body: String) -> Result<OrderSummary, ValidationFailure> {
    if let result = body.utf8.withContiguousStorageIfAvailable({ check(UnsafeRawBufferPointer($0)) }) {
      return result
    }
    return check(Array(body.utf8))
  }

  /// The first failure in `body`, or `nil` when it is a valid order: the verdict alone, the
  /// same as ``check(_:)``'s, without the summary.
  public func firstFailure(in body: UnsafeRawBufferPointer) -> ValidationFailure? {
    var memo = RFC3339.MinuteMemo()
    return firstFailure(in: body, memo: &memo)
  }

  /// As ``firstFailure(in:)-(UnsafeRawBufferPointer)``, keeping the calendar check of the last
  /// `created_at` minute in `memo` as ``check(_:memo:)`` does.
  public func firstFailure(in body: UnsafeRawBufferPointer, memo: inout RFC3339.MinuteMemo) -> ValidationFailure? {
    var sink = VerdictSink()
    if case .failure(let failure) = pass(body, &sink, memo: &memo) { return failure }
    return nil
  }

  @inlinable
  public func firstFailure(in body: [UInt8]) -> ValidationFailure? {
    body.withUnsafeBytes { firstFailure(in: $0) }
  }

  @inlinable
  public func firstFailure(in body: String) -> ValidationFailure? {
    if case .failure(let failure) = check(body) { return failure }
    return nil
  }

  // MARK: - The full order

  /// Validates `body` and returns the order with its strings and items.
  public func validate(_ body: UnsafeRawBufferPointer) -> Result<Order, ValidationFailure> {
    var builder = OrderBuilder()
    return pass(body, &builder).map { totals in
      Order(
        orderID: builder.orderID, customerID: builder.customerID, createdAt: builder.createdAt,
        createdAtInstant: totals.createdAtInstant, currency: builder.currency, items: builder.items,
        totalCents: totals.totalCents)
    }
  }

  @inlinable
  public func validate(_ body: [UInt8]) -> Result<Order, ValidationFailure> {
    body.withUnsafeBytes { validate($0) }
  }

  @inlinable
  public func validate(_ body: String) -> Result<Order, ValidationFailure> {
    if let result = body.utf8.withContiguousStorageIfAvailable({ validate(UnsafeRawBufferPointer($0)) }) {
      return result
    }
    return validate(Array(body.utf8))
  }

  // MARK: - The pass

  struct Totals {
    var itemCount: Int
    var totalCents: Int64
    var createdAtInstant: RFC3339.Instant
  }

  /// How many extra keys can be open at once before the duplicate-key stack leaves the stack.
  static let scratchKeyCapacity = 32

  func pass<Sink: OrderSink>(_ body: UnsafeRawBufferPointer, _ sink: inout Sink) -> Result<Totals, ValidationFailure> {
    var memo = RFC3339.MinuteMemo()
    return pass(body, &sink, memo: &memo)
  }

  func pass<Sink: OrderSink>(
    _ body: UnsafeRawBufferPointer, _ sink: inout Sink, memo: inout RFC3339.MinuteMemo
  ) -> Result<Totals, ValidationFailure> {
    guard body.count <= maxMessageSize else { return .failure(ValidationFailure(.oversized)) }
    guard body.count > 0, let raw = body.baseAddress else { return .failure(ValidationFailure(.malformedJSON)) }
    let base = raw.assumingMemoryBound(to: UInt8.self)
    return withUnsafeTemporaryAllocation(
      of: DuplicateKeyDetector.Entry.self, capacity: Self.scratchKeyCapacity
    ) { scratch in
      var pass = OrderPass(
        scanner: JSONScanner(base: base, count: body.count), keys: DuplicateKeyDetector(scratch: scratch),
        sink: sink)
      pass.minuteMemo = memo
      do {
        try pass.run()
      } catch {
        memo = pass.minuteMemo
        return .failure(ValidationFailure(.malformedJSON))
      }
      memo = pass.minuteMemo
      sink = pass.sink
      if let reason = pass.failureReason {
        var field = pass.failureField
        if pass.failureIsExtraKey {
          field = KeyPathFinder.path(ofKeyAt: pass.failureOffset, in: base, count: body.count).map(FieldPath.other)
        }
        return .failure(ValidationFailure(reason, at: field))
      }
      guard pass.totalMatches else { return .failure(ValidationFailure(.totalMismatch, at: .total)) }
      return .success(
        Totals(itemCount: pass.itemCount, totalCents: pass.totalCents, createdAtInstant: pass.createdAtInstant))
    }
  }
}
