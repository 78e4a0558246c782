import OrderValidation
import Randomness

/// Writes the JSON body of simulated order *n*: a pure function of
/// `(seed, n, itemCount, defect, createdAt)`, so the simulator can regenerate a body whenever
/// a message is received instead of keeping millions of bodies in its backlog, and a producer
/// duplicate (order *n* sent twice) gets byte-identical bodies.
///
/// The content comes from a counter-based SplitMix64 stream keyed by `(seed, n)`:
///
/// - `order_id` `ord-YYYYMMDD-nnnnnn` from the order's UTC date and *n*; `customer_id`
///   `cust-N` over 400,000 customers.
/// - `created_at` RFC 3339 UTC with milliseconds, from the simulated clock.
/// - `currency` USD (85 %), EUR (10 %) or GBP (5 %); a `channel` member on a quarter of orders
///   (an extra member the validator must ignore).
/// - Items: SKUs `SKU-N` with a popular head of 2,000 products and a long tail of 100,000;
///   each SKU has one catalogue price (a function of the seed and the SKU) from $1 to $2,999
///   with typical endings (.99, .95, .49, .00…); quantity 1 most of the time, up to 5 and
///   rarely 12. Amounts are written either as `JSON.stringify` does (`5.5`, `20`) or with two
///   decimals (`5.50`), per order.
/// - `total` is the exact sum of quantity × price.
///
/// The simulator draws the item count and the defect itself and passes them in. A defect
/// changes only what it names (see ``OrderDefect``); the rest of the body is the valid one.
/// A valid body is not shortened to fit `maxMessageSize`: a 100-item order under a 1 KB limit
/// is simply oversized, as SQS would find it.
public struct OrderFactory: Sendable {
  public let seed: UInt64
  /// Unix seconds of simulated time 0.
  public let epochSeconds: Int64
  /// An `oversized` body is made longer than this.
  public let maxMessageSize: Int

  public init(seed: UInt64, epochSeconds: Int64, maxMessageSize: Int = OrderValidator.defaultMaxMessageSize) {
    self.seed = seed
    self.epochSeconds = epochSeconds
    self.maxMessageSize = maxMessageSize
    catalogue = ItemCatalogue(prices: (0...UInt64(Self.catalogueSize)).map { Self.cataloguePrice(seed: seed, sku: $0) })
  }

  /// The catalogue's items (SKUs 1…100,000) pre-rendered as JSON text with their prices,
  /// computed once: a body looks one up per item.
  let catalogue: ItemCatalogue

  static let catalogueSize = 100_000

  /// The capacity a ``ByteWriter`` needs for any body this factory writes.
  public var bodyCapacity: Int { maxMessageSize + 2_048 + OrderValidator.maximumItemCount * 96 }

  /// Returns the body of order `orderNumber`. Allocates a new array; the simulator's hot path
  /// writes into a reused ``ByteWriter`` instead.
  public func body(orderNumber: UInt64, itemCount: Int, defect: OrderDefect?, createdAtNanos: Int64) -> [UInt8] {
    var buffer: [UInt8] = []
    writeBody(
      orderNumber: orderNumber, itemCount: itemCount, defect: defect, createdAtNanos: createdAtNanos, into: &buffer)
    return buffer
  }

  /// Replaces the contents of `buffer` with the body of order `orderNumber`.
  public func writeBody(
    orderNumber: UInt64, itemCount: Int, defect: OrderDefect?, createdAtNanos: Int64, into buffer: inout [UInt8]
  ) {
    var writer = ByteWriter(capacity: bodyCapacity)
    writeBody(
      orderNumber: orderNumber, itemCount: itemCount, defect: defect, createdAtNanos: createdAtNanos, into: &writer)
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: writer.bytes)
  }

  /// Replaces the contents of `buffer` (of at least ``bodyCapacity`` bytes) with the body of
  /// order `orderNumber`; allocates nothing.
  ///
  /// - Parameters:
  ///   - itemCount: 1 to ``OrderValidator/maximumItemCount``.
  ///   - defect: `nil` for a valid body.
  ///   - createdAtNanos: simulated time of the order (ns since simulated time 0).
  public func writeBody(
    orderNumber: UInt64, itemCount: Int, defect: OrderDefect?, createdAtNanos: Int64, into buffer: inout ByteWriter
  ) {
    var minuteText = MinuteText()
    writeBody(
      orderNumber: orderNumber, itemCount: itemCount, defect: defect, createdAtNanos: createdAtNanos, into: &buffer,
      minuteText: &minuteText)
  }

  /// As above, with the calendar text of the last minute written kept in `minuteText`: the
  /// simulator's producer writes bodies in time order and passes the same one every time.
  func writeBody(
    orderNumber: UInt64, itemCount: Int, defect: OrderDefect?, createdAtNanos: Int64, into buffer: inout ByteWriter,
    minuteText: inout MinuteText
  ) {
    precondition(
      buffer.capacity >= bodyCapacity, "ByteWriter of \(buffer.capacity) bytes is smaller than \(bodyCapacity)")
    precondition(
      (1...OrderValidator.maximumItemCount).contains(itemCount),
      "itemCount must be 1...\(OrderValidator.maximumItemCount), got \(itemCount)")
    buffer.count = 0
    var draws = SplitMix64(seed: SplitMix64.hash(seed, orderNumber))
    var defectDraws = SplitMix64(seed: SplitMix64.hash(seed ^ Self.defectSalt, orderNumber))
    let plan = DefectPlan(defect, itemCount: itemCount, draws: &defectDraws)
    let missing = plan.missing
    let malformation = plan.malformation

    // Everything below draws in the same order whatever the defect (``itemSKUs`` relies on it).
    let customer = 1 + draws.next() % 400_000
    let currencyDraw = draws.next() % 100
    let channelDraw = draws.next() % 12
    let shortest = draws.next() % 10 < 7
    let unixMilliseconds = epochSeconds &* 1_000 &+ CivilTime.floorDivision(createdAtNanos, 1_000_000).quotient
    let (unixMinute, millisecondOfMinute) = CivilTime.floorDivision(unixMilliseconds, 60_000)
    minuteText.update(toMinute: unixMinute)

    var needsComma = false
    @inline(__always)
    func member(_ key: StaticString, unquoted: Bool = false) {
      if needsComma { buffer.append(UInt8(ascii: ",")) }
      needsComma = true
      if unquoted {
        buffer.append(key)
      } else {
        buffer.append(UInt8(ascii: "\""))
        buffer.append(key)
        buffer.append(UInt8(ascii: "\""))
      }
      buffer.append(UInt8(ascii: ":"))
    }

    buffer.append(UInt8(ascii: "{"))
    if missing != .orderID {
      member("order_id", unquoted: malformation == .unquotedKey)
      buffer.append("\"ord-")
      buffer.append(word: minuteText.date, count: 8)
      buffer.append(UInt8(ascii: "-"))
      buffer.appendDecimal(orderNumber, width: 6)
      buffer.append(UInt8(ascii: "\""))
    }
    if missing != .customerID {
      member("customer_id")
      buffer.append("\"cust-")
      buffer.appendDecimal(customer)
      buffer.append(UInt8(ascii: "\""))
    }
    if missing != .createdAt {
      member("created_at")
      buffer.append(UInt8(ascii: "\""))
      minuteText.appendTimestamp(millisecondOfMinute: millisecondOfMinute, to: &buffer)
      buffer.append(UInt8(ascii: "\""))
    }
    if missing != .currency {
      member("currency")
      let quote = malformation == .singleQuotes ? UInt8(ascii: "'") : UInt8(ascii: "\"")
      buffer.append(quote)
      buffer.append(currencyDraw < 85 ? "USD" : currencyDraw < 95 ? "EUR" : "GBP")
      buffer.append(quote)
    }
    if channelDraw < 3 {
      member("channel")
      buffer.append(channelDraw == 0 ? "\"web\"" : channelDraw == 1 ? "\"ios\"" : "\"android\"")
    }

    var sumCents: Int64 = 0
    if missing != .items { member("items") }
    let itemsStart = buffer.count
    if missing != .items { buffer.append(UInt8(ascii: "[")) }
    for index in 0..<itemCount {
      let sku = Self.sku(draws.next())
      let quantity = Self.quantity(draws.next())
      let priceCents = catalogue.priceCents(sku: Int(sku))
      sumCents += Int64(quantity) * priceCents
      if index > 0 { buffer.append(UInt8(ascii: ",")) }
      let touched = index == plan.item
      if defect == nil || !touched {
        catalogue.write(sku: Int(sku), quantity: quantity, shortest: shortest, into: &buffer)
        continue
      }
      var itemNeedsComma = false
      func itemMember(_ key: StaticString) {
        if itemNeedsComma { buffer.append(UInt8(ascii: ",")) }
        itemNeedsComma = true
        buffer.append(UInt8(ascii: "\""))
        buffer.append(key)
        buffer.append("\":")
      }
      buffer.append(UInt8(ascii: "{"))
      if !(touched && missing == .sku) {
        itemMember("sku")
        buffer.append("\"SKU-")
        buffer.appendDecimal(sku)
        buffer.append(UInt8(ascii: "\""))
      }
      if !(touched && missing == .quantity) {
        itemMember("quantity")
        if touched && defect == .negativeQuantity {
          if plan.quantity < 0 { buffer.append(UInt8(ascii: "-")) }
          buffer.appendDecimal(UInt64(plan.quantity.magnitude))
        } else {
          if touched && malformation == .leadingZero { buffer.append(UInt8(ascii: "0")) }
          buffer.appendDecimal(UInt64(quantity))
        }
      }
      if !(touched && missing == .price) {
        itemMember("price")
        if touched && defect == .priceAsString {
          buffer.append(UInt8(ascii: "\""))
          buffer.appendCents(priceCents, shortest: false)
          buffer.append(UInt8(ascii: "\""))
        } else {
          buffer.appendCents(priceCents, shortest: shortest)
        }
      }
      buffer.append(UInt8(ascii: "}"))
    }
    if missing == .items {
      buffer.count = itemsStart  // the items were drawn (to keep the stream aligned), not kept
    } else {
      if malformation == .trailingCommaInItems { buffer.append(UInt8(ascii: ",")) }
      if malformation != .unclosedItems { buffer.append(UInt8(ascii: "]")) }
    }

    if missing != .total {
      member("total")
      if malformation == .notANumber {
        buffer.append("NaN")
      } else {
        // Off by a few cents for total_mismatch, but never below zero (that would be
        // invalid_value instead).
        let offset = sumCents + plan.totalOffsetCents >= 0 ? plan.totalOffsetCents : -plan.totalOffsetCents
        buffer.appendCents(sumCents + offset, shortest: shortest)
      }
    }

    if defect == .oversized {
      // An extra member the validator would ignore, long enough to pass the limit by 1 to 1,024 bytes.
      member("note")
      buffer.append(UInt8(ascii: "\""))
      let target = maxMessageSize + 1 + Int(plan.size % 1_024)
      let padding = max(0, target - buffer.count - 2)
      for index in 0..<padding { buffer.append(Self.notePattern[index % Self.notePattern.count]) }
      buffer.append(UInt8(ascii: "\""))
    }
    if malformation == .trailingComma { buffer.append(UInt8(ascii: ",")) }
    buffer.append(UInt8(ascii: "}"))

    if malformation == .truncated {
      // Any proper prefix of an object is not JSON: its closing brace is the last byte.
      buffer.count = 1 + Int(plan.size % UInt64(buffer.count - 1))
    }
  }

  /// The SKUs of the first `count` items of order `orderNumber`'s body, drawn as ``writeBody``
  /// draws them: four header draws, then a SKU and a quantity per item.
  func itemSKUs(orderNumber: UInt64, count: Int) -> [Int] {
    var skus: [Int] = []
    forEachItemSKU(orderNumber: orderNumber, count: count) { skus.append($0) }
    return skus
  }

  @inline(__always)
  func forEachItemSKU(orderNumber: UInt64, count: Int, _ body: (Int) -> Void) {
    var draws = SplitMix64(seed: SplitMix64.hash(seed, orderNumber))
    for _ in 0..<Self.headerDraws { _ = draws.next() }
    for _ in 0..<count {
      body(Int(Self.sku(draws.next())))
      _ = draws.next()  // the quantity
    }
  }

  /// Draws of a body before its first item's: customer, currency, channel, number style.
  static let headerDraws = 4

  /// Starts loading the catalogue lines of the first `itemCount` items (at most
  /// ``maximumPrefetchedItems``) of order `orderNumber`. The producer calls it for the next
  /// order before judging the current one: a tail SKU's line is usually not cached, and the
  /// body writer otherwise waits for it (perf: a third of its time).
  @inline(__always)
  func prefetchItems(orderNumber: UInt64, itemCount: Int) {
    forEachItemSKU(orderNumber: orderNumber, count: min(itemCount, Self.maximumPrefetchedItems)) {
      catalogue.prefetch(sku: $0)
    }
  }

  /// Orders of more items are rare (the demo's mean is 2.5); their later lines load on demand.
  static let maximumPrefetchedItems = 8

  // MARK: - Content

  /// Salts that separate the defect stream and the catalogue from the order's own stream.
  static let defectSalt: UInt64 = 0x6465_6665_6374_7321  // "defects!"
  static let catalogueSalt: UInt64 = 0x6361_7461_6C6F_6775  // "catalogu"

  static let notePattern: [UInt8] = Array("Please leave the parcel with the neighbour at number 12. ".utf8)

  /// A SKU number: a popular head of 2,000 products gets 70 % of lines.
  static func sku(_ draw: UInt64) -> UInt64 {
    draw % 10 < 7 ? 1 + (draw >> 8) % 2_000 : 1 + (draw >> 8) % UInt64(catalogueSize)
  }

  /// Quantity: 1 (60 %), 2 (25 %), 3, 4, 5, and now and then 6–12.
  static func quantity(_ draw: UInt64) -> Int {
    switch draw % 100 {
    case 0..<60: 1
    case 60..<85: 2
    case 85..<93: 3
    case 93..<97: 4
    case 97..<99: 5
    default: 6 + Int((draw >> 8) % 7)
    }
  }

  /// The catalogue price of a SKU in cents: the same for every order of one seed.
  func cataloguePrice(sku: UInt64) -> Int64 { catalogue.priceCents(sku: Int(sku)) }

  static func cataloguePrice(seed: UInt64, sku: UInt64) -> Int64 {
    let draw = SplitMix64.hash(seed ^ Self.catalogueSalt, sku)
    let dollars: UInt64
    switch draw % 100 {
    case 0..<40: dollars = 1 + (draw >> 8) % 19
    case 40..<75: dollars = 20 + (draw >> 8) % 80
    case 75..<95: dollars = 100 + (draw >> 8) % 400
    default: dollars = 500 + (draw >> 8) % 2_500
    }
    let cents: UInt64
    switch (draw >> 40) % 10 {
    case 0, 1, 2: cents = 99
    case 3: cents = 95
    case 4: cents = 49
    case 5, 6: cents = 0
    case 7: cents = 50
    case 8: cents = 25
    default: cents = (draw >> 48) % 100
    }
    return Int64(dollars * 100 + cents)
  }
}
