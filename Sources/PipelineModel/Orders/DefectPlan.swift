import Randomness

/// Exactly how one defective body departs from the valid body of the same order.
///
/// Drawn from the order's own defect stream, so the valid content of a body never depends on
/// whether or how it is defective, and the same order always gets the same defect.
struct DefectPlan {
  /// The members a `missing_field` body can lose, in body order.
  enum Member: CaseIterable {
    case orderID, customerID, createdAt, currency, items, total, sku, quantity, price
  }

  /// The ways a `malformed_json` body is broken: the mistakes hand-written or string-built
  /// JSON producers really make.
  enum Malformation: CaseIterable {
    /// Cut off at a random byte (a lost tail).
    case truncated
    /// `…,"total":45.48,}`
    case trailingComma
    /// `[{…},]`
    case trailingCommaInItems
    /// `{order_id:"…"`
    case unquotedKey
    /// `"currency":'USD'`
    case singleQuotes
    /// The `]` of `items` left out.
    case unclosedItems
    /// `"total":NaN`
    case notANumber
    /// `"quantity":02`
    case leadingZero
  }

  var defect: OrderDefect?
  /// The item a defect touches (price, quantity or a missing item member).
  var item = 0
  var missing: Member?
  var malformation: Malformation?
  /// Written instead of the quantity of `item` for `negative_quantity`: 0 or below.
  var quantity = 0
  /// Added to the total for `total_mismatch`: a few cents either way, never zero.
  var totalOffsetCents: Int64 = 0
  /// A random draw for sizes: where to truncate, how far past the limit to pad.
  var size: UInt64 = 0

  init(_ defect: OrderDefect?, itemCount: Int, draws: inout SplitMix64) {
    self.defect = defect
    guard let defect else { return }
    item = Int(draws.next() % UInt64(itemCount))
    size = draws.next()
    switch defect {
    case .missingField:
      missing = Member.allCases[Int(draws.next() % UInt64(Member.allCases.count))]
    case .malformedJSON:
      malformation = Malformation.allCases[Int(draws.next() % UInt64(Malformation.allCases.count))]
    case .negativeQuantity:
      let draw = draws.next() % 6
      quantity = draw == 0 ? 0 : draw < 3 ? -1 : -Int(draw)
    case .totalMismatch:
      let cents = Int64(1 + draws.next() % 5)
      totalOffsetCents = draws.next() % 2 == 0 ? cents : -cents
    case .priceAsString, .oversized:
      break
    }
  }
}
