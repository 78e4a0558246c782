extension OrderPass {
  // Producers write compact JSON with the members in the documented order: these paths take
  // such bodies in one straight pass. They take only parts that are entirely valid and touch
  // nothing otherwise, so every verdict, failure and offset still comes from the general path.

  /// Accepts the item at the cursor in one straight pass when it is written exactly as
  /// producers write it, `{"sku":"<id>","quantity":<1-1000>,"price":<amount>}` with no
  /// whitespace, and every value passes its rule. Returns `false` without moving the cursor or
  /// recording anything otherwise, and ``parseItem(_:)`` then reads the item from its `{`.
  ///
  /// Items are most of an order's bytes: the general path's key prediction, whitespace skips
  /// and delimiter dispatch cost about twice as much as this.
  @inline(__always)
  mutating func parseCompactItem(_ index: Int) -> Bool {
    var cursor = scanner
    let base = cursor.base
    let count = cursor.count
    // `{"sku":"` is eight bytes.
    guard cursor.position &+ 8 <= count, Self.word(base, cursor.position) == Self.itemOpening else { return false }
    cursor.position &+= 8
    let skuStart = cursor.position
    guard cursor.skipPlainStringBytes() == UInt8(ascii: "\"") else { return false }
    let sku = UnsafeBufferPointer(start: base + skuStart, count: cursor.position &- skuStart)
    guard Identifier.isValid(sku) else { return false }
    guard cursor.skip("\",\"quantity\":") else { return false }

    // The quantity: 1 to 1000 without a leading zero, followed by the price member.
    var quantity = 0
    var digits = 0
    while cursor.position < count, case let digit = base[cursor.position] &- 0x30, digit < 10, digits < 5 {
      quantity = quantity &* 10 &+ Int(digit)
      digits &+= 1
      cursor.position &+= 1
    }
    guard digits > 0, base[cursor.position &- digits] != UInt8(ascii: "0"), quantity <= OrderValidator.maximumQuantity,
      cursor.skip(",\"price\":"),
      cursor.position < count, base[cursor.position] &- 0x31 < 9 || base[cursor.position] == UInt8(ascii: "0")
    else { return false }

    let number: JSONNumber
    do throws(JSONSyntaxError) {
      number = try cursor.scanNumber()
    } catch {
      return false
    }
    guard case .exact(let priceCents) = DecimalCents.read(number, in: base), priceCents >= 0,
      priceCents <= OrderValidator.maximumPriceCents,
      cursor.position < count, base[cursor.position] == UInt8(ascii: "}")
    else { return false }

    scanner.position = cursor.position &+ 1
    sink.sku(sku, item: index)
    // At most 1000 × 10^8 per item, so even thousands of items cannot overflow.
    itemsCents &+= Int64(quantity) &* priceCents
    sink.item(index, quantity: quantity, priceCents: priceCents)
    return true
  }

  /// Accepts the order's first four members at the cursor (just after the order's `{`) when
  /// they are written exactly as producers write them,
  /// `"order_id":"…","customer_id":"…","created_at":"…","currency":"…"` with no whitespace, and
  /// every value passes its rule; leaves the cursor after the currency's closing quote and
  /// returns `true`. Otherwise returns `false` without moving the cursor or recording
  /// anything, and ``parseOrder()`` reads the members one by one.
  @inline(__always)
  mutating func parseCompactOrderHead() -> Bool {
    var cursor = scanner
    let base = cursor.base
    guard cursor.skip("\"order_id\":\"") else { return false }
    let orderIDStart = cursor.position
    guard cursor.skipPlainStringBytes() == UInt8(ascii: "\"") else { return false }
    let orderID = UnsafeBufferPointer(start: base + orderIDStart, count: cursor.position &- orderIDStart)
    guard Identifier.isValid(orderID), cursor.skip("\",\"customer_id\":"), cursor.skip("\"") else { return false }

    let customerIDStart = cursor.position
    guard cursor.skipPlainStringBytes() == UInt8(ascii: "\"") else { return false }
    let customerID = UnsafeBufferPointer(start: base + customerIDStart, count: cursor.position &- customerIDStart)
    guard Identifier.isValid(customerID), cursor.skip("\",\"created_at\":\"") else { return false }

    let createdAtStart = cursor.position
    guard cursor.skipPlainStringBytes() == UInt8(ascii: "\"") else { return false }
    let createdAt = UnsafeBufferPointer(start: base + createdAtStart, count: cursor.position &- createdAtStart)
    guard let instant = RFC3339.parse(createdAt, memo: &minuteMemo), cursor.skip("\",\"currency\":\"") else {
      return false
    }

    let currencyStart = cursor.position
    guard cursor.skipPlainStringBytes() == UInt8(ascii: "\"") else { return false }
    let currency = UnsafeBufferPointer(start: base + currencyStart, count: cursor.position &- currencyStart)
    guard CurrencyCode.isValid(currency) else { return false }

    scanner.position = cursor.position &+ 1
    createdAtInstant = instant
    sink.orderID(orderID)
    sink.customerID(customerID)
    sink.createdAt(createdAt)
    sink.currency(currency)
    return true
  }

  /// `{"sku":"` as a little-endian word.
  static var itemOpening: UInt64 {
    @inline(__always) get { 0x22_3A_22_75_6B_73_22_7B }
  }

  @inline(__always)
  static func word(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
  }
}
