import OrderValidation
import Randomness
import Testing

@testable import PipelineModel

@Suite struct OrderFactoryTests {
  /// 2026-11-26T00:00:00Z, the start of the Thanksgiving scenario.
  static let epoch: Int64 = 1_795_651_200
  static let factory = OrderFactory(seed: 2026, epochSeconds: epoch)

  /// Item counts and times for order `n`, drawn the way a simulator might (mostly small
  /// orders, sometimes the maximum).
  static func shape(_ n: UInt64) -> (items: Int, createdAtNanos: Int64) {
    var draws = SplitMix64(seed: n)
    let items = n % 50 == 0 ? 100 : 1 + Int(draws.next() % 6)
    return (items, Int64(draws.next() % (5 * 86_400 * 1_000_000_000)))
  }

  @Test func everyValidBodyValidatesAndItsTotalIsTheSumOfItsItems() throws {
    var buffer: [UInt8] = []
    var currencies = Set<String>()
    var withChannel = 0
    for n in 0..<3_000 as Range<UInt64> {
      let (items, createdAt) = Self.shape(n)
      Self.factory.writeBody(orderNumber: n, itemCount: items, defect: nil, createdAtNanos: createdAt, into: &buffer)
      let order = try #require(
        try? OrderValidator().validate(buffer).get(), "order \(n): \(String(decoding: buffer, as: UTF8.self))")
      #expect(order.items.count == items)
      #expect(order.totalCents == order.items.reduce(0) { $0 + $1.lineTotalCents })
      #expect(order.createdAtInstant.unixSeconds == Self.epoch + createdAt / 1_000_000_000)
      #expect(Int64(order.createdAtInstant.nanoseconds) == createdAt % 1_000_000_000 / 1_000_000 * 1_000_000)
      // ord-YYYYMMDD-nnnnnn, dated like created_at.
      #expect(order.orderID == "ord-" + order.createdAt.prefix(10).filter { $0 != "-" } + "-" + Self.padded(n))
      #expect(order.items.allSatisfy { (1...12).contains($0.quantity) && $0.priceCents >= 100 })
      currencies.insert(order.currency)
      if String(decoding: buffer, as: UTF8.self).contains(#""channel":"#) { withChannel += 1 }
    }
    #expect(currencies == ["USD", "EUR", "GBP"])
    #expect((500...1_000).contains(withChannel), "\(withChannel) of 3000 bodies have a channel member")
  }

  @Test(arguments: OrderDefect.allCases)
  func everyDefectiveBodyFailsWithTheDefectsReason(_ defect: OrderDefect) {
    var buffer: [UInt8] = []
    var fields = Set<String>()
    var mismatches: [String] = []
    for n in 0..<1_000 as Range<UInt64> {
      let (items, createdAt) = Self.shape(n)
      Self.factory.writeBody(orderNumber: n, itemCount: items, defect: defect, createdAtNanos: createdAt, into: &buffer)
      let failure = OrderValidator().check(buffer).failure
      if failure?.reason != defect.validationReason {
        mismatches.append("order \(n): \(failure?.description ?? "valid")")
      }
      if let field = failure?.field { fields.insert(Self.pathShape(field)) }
    }
    #expect(mismatches.isEmpty, "first: \(mismatches.prefix(3))")
    switch defect {
    case .missingField:
      // Each of the nine required members goes missing somewhere.
      #expect(
        fields == ["order_id", "customer_id", "created_at", "currency", "items", "total", "sku", "quantity", "price"])
    case .priceAsString: #expect(fields == ["price"])
    case .negativeQuantity: #expect(fields == ["quantity"])
    case .totalMismatch: #expect(fields == ["total"])
    case .malformedJSON, .oversized: #expect(fields.isEmpty)
    }
  }

  @Test func malformedBodiesAreBrokenInEveryWay() {
    var seen = Set<String>()
    var draws = SplitMix64(seed: 7)
    for _ in 0..<500 {
      let plan = DefectPlan(.malformedJSON, itemCount: 3, draws: &draws)
      seen.insert("\(plan.malformation.map { "\($0)" } ?? "none")")
    }
    #expect(seen == Set(DefectPlan.Malformation.allCases.map { "\($0)" }))
  }

  @Test func negativeQuantitiesAreZeroOrBelow() {
    var draws = SplitMix64(seed: 8)
    let quantities = (0..<500).map { _ in DefectPlan(.negativeQuantity, itemCount: 2, draws: &draws).quantity }
    #expect(quantities.allSatisfy { $0 <= 0 })
    #expect(Set(quantities).count >= 3)
  }

  @Test(arguments: [262_144, 1_000])
  func oversizedBodiesPassTheLimitByAtMostAKibibyte(_ limit: Int) {
    let factory = OrderFactory(seed: 1, epochSeconds: Self.epoch, maxMessageSize: limit)
    for n in 0..<50 as Range<UInt64> {
      let body = factory.body(orderNumber: n, itemCount: 3, defect: .oversized, createdAtNanos: 0)
      #expect(body.count > limit && body.count <= limit + 1_025, "\(body.count) bytes")
      // Under a larger limit the same body is a valid order: only the size is wrong.
      #expect(OrderValidator(maxMessageSize: 1 << 20).check(body).failure == nil)
    }
  }

  @Test func theSameInputsGiveTheSameBytes() {
    for n in [0, 1, 123, 999_999, 1_000_000, UInt64(UInt32.max)] {
      for defect in [nil] + OrderDefect.allCases.map(Optional.some) {
        let first = Self.factory.body(orderNumber: n, itemCount: 4, defect: defect, createdAtNanos: 86_400_000_000_123)
        let again = OrderFactory(seed: 2026, epochSeconds: Self.epoch)
          .body(orderNumber: n, itemCount: 4, defect: defect, createdAtNanos: 86_400_000_000_123)
        #expect(first == again)
      }
    }
  }

  @Test func bodiesDependOnTheSeedAndTheOrderNumber() {
    let body = Self.factory.body(orderNumber: 5, itemCount: 3, defect: nil, createdAtNanos: 0)
    #expect(body != Self.factory.body(orderNumber: 6, itemCount: 3, defect: nil, createdAtNanos: 0))
    #expect(
      body
        != OrderFactory(seed: 2027, epochSeconds: Self.epoch).body(
          orderNumber: 5, itemCount: 3, defect: nil, createdAtNanos: 0))
  }

  @Test func aDefectChangesOnlyWhatItNames() {
    // The total is the last member, so a total mismatch leaves everything before it alone.
    for n in 0..<200 as Range<UInt64> {
      let valid = Self.factory.body(orderNumber: n, itemCount: 3, defect: nil, createdAtNanos: 0)
      let wrong = Self.factory.body(orderNumber: n, itemCount: 3, defect: .totalMismatch, createdAtNanos: 0)
      let prefix = Self.prefix(valid, through: #""total":"#)
      #expect(!prefix.isEmpty && prefix == Self.prefix(wrong, through: #""total":"#))
      #expect(valid != wrong)
    }
  }

  @Test func aSKUHasOnePriceAcrossOrders() throws {
    var prices: [String: Int64] = [:]
    var conflicts = 0
    for n in 0..<2_000 as Range<UInt64> {
      let body = Self.factory.body(orderNumber: n, itemCount: 5, defect: nil, createdAtNanos: 0)
      for item in try OrderValidator().validate(body).get().items {
        if let known = prices.updateValue(item.priceCents, forKey: item.sku), known != item.priceCents {
          conflicts += 1
        }
      }
    }
    #expect(conflicts == 0)
    #expect(prices.count > 1_000, "only \(prices.count) distinct SKUs in 10,000 lines")
  }

  /// The producer prefetches the catalogue lines of the next order's items from
  /// `itemSKUs`, which must draw exactly as `writeBody` does (or it prefetches the wrong lines).
  @Test func prefetchedSKUsAreTheBodysSKUs() throws {
    for n in 0..<1_000 as Range<UInt64> {
      let (items, createdAt) = Self.shape(n)
      let body = Self.factory.body(orderNumber: n, itemCount: items, defect: nil, createdAtNanos: createdAt)
      let written = try OrderValidator().validate(body).get().items.map(\.sku)
      let drawn = Self.factory.itemSKUs(orderNumber: n, count: items).map { "SKU-\($0)" }
      #expect(drawn == written, "order \(n)")
    }
  }

  @Test func quantitiesAreMostlyOneToFive() throws {
    var counts = [Int](repeating: 0, count: 13)
    for n in 0..<2_000 as Range<UInt64> {
      let body = Self.factory.body(orderNumber: n, itemCount: 5, defect: nil, createdAtNanos: 0)
      for item in try OrderValidator().validate(body).get().items { counts[item.quantity] += 1 }
    }
    let lines = Double(counts.reduce(0, +))
    #expect(Double(counts[1]) / lines > 0.55 && Double(counts[1]) / lines < 0.65, "\(counts)")
    #expect(Double(counts[1...5].reduce(0, +)) / lines > 0.98, "\(counts)")
    #expect(counts[6...].reduce(0, +) > 0, "\(counts)")
  }

  /// The simulator writes into one reused `ByteWriter`; what it gets must be exactly the body
  /// the array API returns, whatever was written before.
  @Test func reusedWriterGivesTheSameBodiesAsTheArrayAPI() {
    var writer = ByteWriter(capacity: Self.factory.bodyCapacity)
    let defects: [OrderDefect?] = [nil] + OrderDefect.allCases
    for n in 1..<400 as Range<UInt64> {
      let defect = defects[Int(n % UInt64(defects.count))]
      let items = 1 + Int(n * 37 % 100)
      Self.factory.writeBody(
        orderNumber: n, itemCount: items, defect: defect, createdAtNanos: Int64(n) * 999_999, into: &writer)
      let expected = Self.factory.body(
        orderNumber: n, itemCount: items, defect: defect, createdAtNanos: Int64(n) * 999_999)
      #expect(writer.array == expected)
    }
  }

  /// The producer keeps the calendar text of the last minute (``MinuteText``) from body to
  /// body: across minutes, days and a year's end it must write exactly what a fresh one does.
  @Test func carryingTheMinuteTextAcrossBodiesChangesNoByte() {
    let newYearsEve = OrderFactory(seed: 7, epochSeconds: 1_798_761_480)  // 2026-12-31T23:58:00Z
    var writer = ByteWriter(capacity: newYearsEve.bodyCapacity)
    var minuteText = MinuteText()
    let defects: [OrderDefect?] = [nil] + OrderDefect.allCases
    var nanos: Int64 = 0
    for n in 1..<2_000 as Range<UInt64> {
      nanos += Int64(n % 7) * 137_000_000  // 0.41 s apart on average: 14 minutes across the new year
      let defect = defects[Int(n % UInt64(defects.count))]
      newYearsEve.writeBody(
        orderNumber: n, itemCount: 1 + Int(n % 5), defect: defect, createdAtNanos: nanos, into: &writer,
        minuteText: &minuteText)
      let fresh = newYearsEve.body(orderNumber: n, itemCount: 1 + Int(n % 5), defect: defect, createdAtNanos: nanos)
      #expect(writer.array == fresh, "order \(n) at \(nanos) ns")
      if writer.array != fresh { break }
    }
    #expect(minuteText.minute == (1_798_761_480 + nanos / 1_000_000_000) / 60)
  }

  @Test func theBodyFormatIsPinned() {
    // A golden body: reports are reproducible across versions only if bodies are. Change this
    // only on purpose, and say so in the change log.
    let body = OrderFactory(seed: 1, epochSeconds: Self.epoch)
      .body(orderNumber: 123, itemCount: 2, defect: nil, createdAtNanos: 18_753_120_000_000)
    #expect(String(decoding: body, as: UTF8.self) == Self.golden)
  }

  static let golden = """
    {"order_id":"ord-20261126-000123","customer_id":"cust-351120","created_at":"2026-11-26T05:12:33.120Z",\
    "currency":"USD","items":[{"sku":"SKU-354","quantity":1,"price":43.49},{"sku":"SKU-1079","quantity":1,"price":11}],\
    "total":54.49}
    """

  @Test func civilTimeAgreesWithTheValidatorsCalendar() {
    var draws = SplitMix64(seed: 3)
    for _ in 0..<20_000 {
      // Any millisecond from 0000-01-01 to 9999-12-31.
      let milliseconds = -62_167_219_200_000 + Int64(draws.next() % 315_537_897_600_000)
      // The path a body's created_at takes: the minute's text, then seconds and milliseconds.
      let (minute, millisecondOfMinute) = CivilTime.floorDivision(milliseconds, 60_000)
      var minuteText = MinuteText()
      minuteText.update(toMinute: minute)
      var writer = ByteWriter(capacity: 64)
      minuteText.appendTimestamp(millisecondOfMinute: millisecondOfMinute, to: &writer)
      let text = writer.array
      let instant = text.withUnsafeBufferPointer { RFC3339.parse($0) }
      let expected = RFC3339.Instant(
        unixSeconds: CivilTime.floorDivision(milliseconds, 1_000).quotient,
        nanoseconds: Int32(CivilTime.floorDivision(milliseconds, 1_000).remainder * 1_000_000))
      #expect(instant == expected, "\(String(decoding: text, as: UTF8.self))")
      if instant != expected { break }
    }
  }

  static func padded(_ n: UInt64) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  /// The last member name of a path: `items[3].price` → `price`.
  static func pathShape(_ field: FieldPath) -> String {
    String(field.description.split(separator: ".").last ?? "")
  }

  static func prefix(_ body: [UInt8], through marker: String) -> [UInt8] {
    let text = String(decoding: body, as: UTF8.self)
    guard let range = text.firstRange(of: marker) else { return [] }
    return Array(text[..<range.upperBound].utf8)
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let failure) = self { return failure }
    return nil
  }
}

@Suite struct ByteWriterBoundTests {
  /// The factory writes without per-byte capacity checks in release builds, so every body it
  /// can write must fit its declared capacity: the largest orders with every defect.
  @Test(arguments: [1_024, 262_144, 1_048_576])
  func everyBodyFitsTheFactorysDeclaredCapacity(maxMessageSize: Int) {
    let factory = OrderFactory(seed: 9, epochSeconds: 1_795_651_200, maxMessageSize: maxMessageSize)
    var writer = ByteWriter(capacity: factory.bodyCapacity)
    let defects: [OrderDefect?] = [nil] + OrderDefect.allCases
    for n in UInt64(0)..<300 {
      for defect in defects {
        factory.writeBody(
          orderNumber: n * 7_919, itemCount: 100, defect: defect, createdAtNanos: Int64(n) * 1_000_000_007,
          into: &writer)
        #expect(writer.count <= factory.bodyCapacity)
      }
    }
  }
}
