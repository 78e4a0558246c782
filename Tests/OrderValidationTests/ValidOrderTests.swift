import OrderValidation
import Testing

@Suite struct ValidOrderTests {
  @Test func theDocumentedExampleIsValidAndParsesExactly() throws {
    let order = try OrderValidator().validate(Bodies.example).get()
    #expect(order.orderID == "ord-20261127-000123")
    #expect(order.customerID == "cust-8812")
    #expect(order.createdAt == "2026-11-27T05:12:33.120Z")
    #expect(order.currency == "USD")
    #expect(
      order.items == [
        OrderItem(sku: "SKU-1234", quantity: 2, priceCents: 1999),
        OrderItem(sku: "SKU-77", quantity: 1, priceCents: 550),
      ])
    #expect(order.totalCents == 4548)
    // 2026-11-27T05:12:33Z = 1795756353 (date -u -d 2026-11-27T05:12:33Z +%s)
    #expect(order.createdAtInstant == RFC3339.Instant(unixSeconds: 1_795_756_353, nanoseconds: 120_000_000))
  }

  @Test func theSummaryAgreesWithTheFullOrder() throws {
    let summary = try OrderValidator().check(Bodies.example).get()
    let order = try OrderValidator().validate(Bodies.example).get()
    #expect(summary.itemCount == order.items.count)
    #expect(summary.totalCents == order.totalCents)
    #expect(summary.createdAtInstant == order.createdAtInstant)
    #expect(summary.orderIDHash == StableHash.hash("ord-20261127-000123"))
    #expect(summary.orderIDHash != StableHash.hash("ord-20261127-000124"))
  }

  @Test func theStringAndByteAPIsAgree() {
    let bytes = Array(Bodies.example.utf8)
    #expect(OrderValidator().check(bytes) == OrderValidator().check(Bodies.example))
    #expect(OrderValidator().validate(bytes) == OrderValidator().validate(Bodies.example))
    let raw = bytes.withUnsafeBytes { OrderValidator().check($0) }
    #expect(raw == OrderValidator().check(bytes))
  }

  @Test func firstFailureIsTheVerdictOfCheck() {
    let bad = Bodies.order(total: "1")
    #expect(OrderValidator().firstFailure(in: Bodies.example) == nil)
    #expect(OrderValidator().firstFailure(in: bad) == ValidationFailure(.totalMismatch, at: .total))
    #expect(OrderValidator().firstFailure(in: Array(bad.utf8)) == OrderValidator().check(bad).failure)
  }

  @Test func escapedStringsAreValidatedAndReturnedUnescaped() throws {
    let body = Bodies.order(
      orderID: #""ord\u002d1""#, customerID: #""c\u0075st_9""#, createdAt: #""2026-11-27T05:12:33\u005a""#,
      currency: #""\u0055SD""#, items: #"[{"\u0073ku":"SKU\u002d1","quantity":1,"price":45.48}]"#)
    let order = try OrderValidator().validate(body).get()
    #expect(order.orderID == "ord-1")
    #expect(order.customerID == "cust_9")
    #expect(order.createdAt == "2026-11-27T05:12:33Z")
    #expect(order.currency == "USD")
    #expect(order.items.map(\.sku) == ["SKU-1"])
    #expect(try OrderValidator().check(body).get().orderIDHash == StableHash.hash("ord-1"))
  }

  static let validBodies: [Case] = [
    Case("the documented example", Bodies.example, nil),
    Case("compact", Bodies.order(), nil),
    Case(
      "members in another order",
      #"{"total":45.48,"items":\#(Bodies.defaultItems),"currency":"USD","created_at":"2026-11-27T05:12:33.120Z","customer_id":"c","order_id":"o"}"#,
      nil),
    Case(
      "whitespace everywhere JSON allows it",
      " \t\r\n{ \"order_id\" :\n\"o\" , \"customer_id\"\t:\"c\",\"created_at\":\"2026-11-27T05:12:33Z\",\"currency\":\"USD\",\"items\":[ { \"sku\" : \"S\" , \"quantity\" : 1 , \"price\" : 1 } ] ,\"total\":1 } \n\r\t ",
      nil),
    Case(
      "extra members of every type are ignored",
      Bodies.order(extra: [
        #""note":"gift \"wrap\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 é 😀""#, #""flags":[true,false,null]"#,
        #""meta":{"a":{"b":[1,-0,0.5,1E+2,1e-2,-3.25e10,{}]},"empty":[],"s":""}"#, #""n":-0"#,
        #""price":"not the item price""#, #""sku":7"#,
      ]), nil),
    Case(
      "extra members inside items are ignored",
      Bodies.orderWithItem(Bodies.item(extra: [#""name":"Mug""#, #""tags":["a","b"]"#, #""quantity_note":null"#])), nil),
    Case(
      "the same extra key in different objects is not a repeat",
      Bodies.order(extra: [#""a":{"a":{"a":1}}"#, #""b":[{"a":1},{"a":1}]"#]), nil),
    Case("keys that differ only in case are different keys", Bodies.order(extra: [#""Note":1"#, #""note":2"#]), nil),
    Case(
      "100 items is the maximum",
      Bodies.order(items: "[" + Array(repeating: Bodies.item(), count: 100).joined(separator: ",") + "]", total: "100"),
      nil),
    Case(
      "quantity 1000 and price 1,000,000 are the maxima",
      Bodies.orderWithItem(Bodies.item(quantity: "1000", price: "1000000"), total: "1000000000"), nil),
    Case("price 0 is allowed", Bodies.orderWithItem(Bodies.item(price: "0"), total: "0"), nil),
    Case("price -0 is zero", Bodies.orderWithItem(Bodies.item(price: "-0"), total: "0.00"), nil),
    Case("total -0 is zero", Bodies.orderWithItem(Bodies.item(price: "0"), total: "-0"), nil),
    Case("a 64-character id is allowed", Bodies.order(orderID: "\"" + String(repeating: "a", count: 64) + "\""), nil),
    Case("a one-character id is allowed", Bodies.order(customerID: #""c""#), nil),
    Case(
      "ids may use every allowed character",
      Bodies.order(orderID: #""ABCXYZabcxyz0189-_""#), nil),
    Case("exactly the maximum size is allowed", sized(to: 262_144), nil),
  ]

  /// A valid order padded with an extra member to exactly `size` bytes.
  static func sized(to size: Int) -> String {
    let shell = Bodies.order(extra: [#""pad":"""#])
    return Bodies.order(extra: [#""pad":""# + String(repeating: "x", count: size - shell.utf8.count) + "\""])
  }

  @Test(arguments: validBodies)
  func validBodiesAreAccepted(_ row: Case) {
    expectVerdict(row)
  }
}
