import OrderValidation
import Testing

/// One table per reason: each row changes one thing in a valid order and names the failure.
@Suite struct OrderRuleTests {
  static let items2 = Bodies.defaultItems

  static let oversized: [Case] = {
    var custom = Case("a custom limit applies", Bodies.example, ValidationFailure(.oversized))
    custom.maxMessageSize = 100
    return [
      Case("one byte over 256 KiB", ValidOrderTests.sized(to: 262_145), ValidationFailure(.oversized)),
      Case("size is checked before parsing", String(repeating: "{", count: 262_145), ValidationFailure(.oversized)),
      custom,
    ]
  }()

  static let notAnObject: [Case] = [
    Case("an array", "[]", ValidationFailure(.notAnObject)),
    Case("an array holding the order", "[" + Bodies.example + "]", ValidationFailure(.notAnObject)),
    Case("a string", #""order""#, ValidationFailure(.notAnObject)),
    Case("a number", " 42 ", ValidationFailure(.notAnObject)),
    Case("null", "null", ValidationFailure(.notAnObject)),
    Case("true", "true", ValidationFailure(.notAnObject)),
    Case("is reported before repeated keys inside", #"[{"a":1,"a":2}]"#, ValidationFailure(.notAnObject)),
    Case("but an unfinished array is malformed", "[1,", .malformed),
  ]

  static let duplicateKey: [Case] = [
    Case("order_id twice", Bodies.order(extra: [#""order_id":"ord-2""#]), .at(.duplicateKey, .orderID)),
    Case("total twice", Bodies.order(extra: [#""total":45.48"#]), .at(.duplicateKey, .total)),
    Case(
      "keys compare after unescaping", Bodies.order(extra: [#""order\u005fid":"ord-2""#]), .at(.duplicateKey, .orderID)),
    Case(
      "an item key twice",
      Bodies.order(
        items: #"[{"sku":"A","quantity":1,"price":1},{"sku":"B","quantity":1,"price":1,"price":1}]"#, total: "2"),
      .at(.duplicateKey, .price(item: 1))),
    Case("an extra key twice", Bodies.order(extra: [#""note":1"#, #""note":2"#]), .at(.duplicateKey, .other("note"))),
    Case(
      "an extra key twice in an item", Bodies.orderWithItem(Bodies.item(extra: [#""x":1"#, #""x":2"#])),
      .at(.duplicateKey, .other("items[0].x"))),
    Case(
      "a nested key twice", Bodies.order(extra: [#""meta":{"a":1,"b":{"c":1,"c":2}}"#]),
      .at(.duplicateKey, .other("meta.b.c"))),
    Case(
      "a key twice inside an array", Bodies.order(extra: [#""meta":{"list":[{"x":1},{"y":1,"y":2}]}"#]),
      .at(.duplicateKey, .other("meta.list[1].y"))),
    Case(
      "escaped and raw UTF-8 spellings are the same key", Bodies.order(extra: [#""n\u00e9":1"#, #""né":2"#]),
      .at(.duplicateKey, .other("né"))),
    Case(
      "a surrogate pair and raw UTF-8 are the same key", Bodies.order(extra: [#""\ud83d\ude00":1"#, #""😀":2"#]),
      .at(.duplicateKey, .other("😀"))),
    Case(
      "a repeat in a large object", Bodies.order(extra: (0..<40).map { #""k\#($0)":1"# } + [#""k7":2"#]),
      .at(.duplicateKey, .other("k7"))),
    Case(
      "the earliest repeat in a large object wins",
      Bodies.order(extra: [
        #""big":{"# + ((0..<30).map { #""k\#($0)":1"# } + [#""k20":2"#, #""k3":2"#]).joined(separator: ",") + "}"
      ]),
      .at(.duplicateKey, .other("big.k20"))),
    Case(
      "a repeat in a large nested object stands before a later failure",
      #"{"big":{"# + ((0..<30).map { #""k\#($0)":1"# } + [#""k0":2"#]).joined(separator: ",") + #"},"order_id":5}"#,
      .at(.duplicateKey, .other("big.k0"))),
    Case(
      "a failure before a repeat in a large object wins",
      #"{"order_id":5,"big":{"# + ((0..<30).map { #""k\#($0)":1"# } + [#""k0":2"#]).joined(separator: ",") + "}}",
      .at(.wrongType, .orderID)),
  ]

  static let missingField: [Case] = [
    Case("order_id", Bodies.order(orderID: nil), .at(.missingField, .orderID)),
    Case("customer_id", Bodies.order(customerID: nil), .at(.missingField, .customerID)),
    Case("created_at", Bodies.order(createdAt: nil), .at(.missingField, .createdAt)),
    Case("currency", Bodies.order(currency: nil), .at(.missingField, .currency)),
    Case("items", Bodies.order(items: nil), .at(.missingField, .items)),
    Case("total", Bodies.order(total: nil), .at(.missingField, .total)),
    Case("sku", Bodies.orderWithItem(Bodies.item(sku: nil)), .at(.missingField, .sku(item: 0))),
    Case("quantity", Bodies.orderWithItem(Bodies.item(quantity: nil)), .at(.missingField, .quantity(item: 0))),
    Case("price", Bodies.orderWithItem(Bodies.item(price: nil)), .at(.missingField, .price(item: 0))),
    Case(
      "the field order decides between two missing fields", Bodies.order(customerID: nil, total: nil),
      .at(.missingField, .customerID)),
    Case(
      "in a later item",
      Bodies.order(
        items: "[" + [Bodies.item(), Bodies.item(), Bodies.item(sku: nil, price: nil)].joined(separator: ",") + "]",
        total: "3"),
      .at(.missingField, .sku(item: 2))),
    Case("an empty object misses order_id first", "{}", .at(.missingField, .orderID)),
    Case("an empty item misses sku first", Bodies.orderWithItem("{}"), .at(.missingField, .sku(item: 0))),
    Case(
      "an item closes before its order",
      Bodies.order(total: nil, extra: []).replacingOccurrences(#""sku":"SKU-77","#, ""),
      .at(.missingField, .sku(item: 1))),
    Case(
      "an extra member does not stand in for a field", Bodies.order(orderID: nil, extra: [#""orderId":"o""#]),
      .at(.missingField, .orderID)),
  ]

  static let wrongType: [Case] = [
    Case(
      "price as a string (the classic)",
      Bodies.order(items: #"[{"sku":"SKU-1234","quantity":2,"price":"19.99"}]"#, total: "39.98"),
      .at(.wrongType, .price(item: 0))),
    Case("order_id a number", Bodies.order(orderID: "123"), .at(.wrongType, .orderID)),
    Case("customer_id null", Bodies.order(customerID: "null"), .at(.wrongType, .customerID)),
    Case("created_at a number", Bodies.order(createdAt: "1795756353"), .at(.wrongType, .createdAt)),
    Case("currency an array", Bodies.order(currency: #"["USD"]"#), .at(.wrongType, .currency)),
    Case("items an object", Bodies.order(items: Bodies.item()), .at(.wrongType, .items)),
    Case("items a string", Bodies.order(items: #""[]""#), .at(.wrongType, .items)),
    Case(
      "an item that is not an object", Bodies.order(items: "[" + Bodies.item() + #","SKU-2"]"#, total: "1"),
      .at(.wrongType, .item(1))),
    Case("an item that is an array", Bodies.order(items: "[[]]"), .at(.wrongType, .item(0))),
    Case("sku a number", Bodies.orderWithItem(Bodies.item(sku: "1234")), .at(.wrongType, .sku(item: 0))),
    Case(
      "quantity a string", Bodies.orderWithItem(Bodies.item(quantity: #""1""#)), .at(.wrongType, .quantity(item: 0))),
    Case(
      "quantity with a fraction", Bodies.orderWithItem(Bodies.item(quantity: "1.0")),
      .at(.wrongType, .quantity(item: 0))),
    Case(
      "quantity with an exponent", Bodies.orderWithItem(Bodies.item(quantity: "1e0")),
      .at(.wrongType, .quantity(item: 0))),
    Case("quantity 1e2", Bodies.orderWithItem(Bodies.item(quantity: "1e2")), .at(.wrongType, .quantity(item: 0))),
    Case("quantity 2.0", Bodies.orderWithItem(Bodies.item(quantity: "2.0")), .at(.wrongType, .quantity(item: 0))),
    Case("price true", Bodies.orderWithItem(Bodies.item(price: "true")), .at(.wrongType, .price(item: 0))),
    Case(
      "price an object", Bodies.orderWithItem(Bodies.item(price: #"{"amount":1}"#)), .at(.wrongType, .price(item: 0))),
    Case("total a string", Bodies.order(total: #""45.48""#), .at(.wrongType, .total)),
    Case("total null", Bodies.order(total: "null"), .at(.wrongType, .total)),
  ]

  static let invalidValue: [Case] = [
    Case("an empty order_id", Bodies.order(orderID: #""""#), .at(.invalidValue, .orderID)),
    Case(
      "a 65-character order_id", Bodies.order(orderID: "\"" + String(repeating: "a", count: 65) + "\""),
      .at(.invalidValue, .orderID)),
    Case("a space in order_id", Bodies.order(orderID: #""ord 1""#), .at(.invalidValue, .orderID)),
    Case("a dot in customer_id", Bodies.order(customerID: #""cust.1""#), .at(.invalidValue, .customerID)),
    Case(
      "a non-ASCII letter in sku", Bodies.orderWithItem(Bodies.item(sku: #""SKÜ""#)), .at(.invalidValue, .sku(item: 0))),
    Case(
      "an escaped space in sku", Bodies.orderWithItem(Bodies.item(sku: #""SKU\u0020""#)),
      .at(.invalidValue, .sku(item: 0))),
    Case(
      "64 characters after unescaping is fine, 65 is not",
      Bodies.order(orderID: "\"\\u0061" + String(repeating: "a", count: 64) + "\""), .at(.invalidValue, .orderID)),
    Case("currency lowercase", Bodies.order(currency: #""usd""#), .at(.invalidValue, .currency)),
    Case("currency two letters", Bodies.order(currency: #""US""#), .at(.invalidValue, .currency)),
    Case("currency four letters", Bodies.order(currency: #""USDX""#), .at(.invalidValue, .currency)),
    Case("currency with a digit", Bodies.order(currency: #""U5D""#), .at(.invalidValue, .currency)),
    Case("created_at not a date", Bodies.order(createdAt: #""yesterday""#), .at(.invalidValue, .createdAt)),
    Case(
      "created_at without an offset", Bodies.order(createdAt: #""2026-11-27T05:12:33""#), .at(.invalidValue, .createdAt)
    ),
    Case(
      "created_at on 2023-02-29", Bodies.order(createdAt: #""2023-02-29T00:00:00Z""#), .at(.invalidValue, .createdAt)),
    Case(
      "created_at with second 60", Bodies.order(createdAt: #""2026-12-31T23:59:60Z""#), .at(.invalidValue, .createdAt)),
    Case("quantity 0", Bodies.orderWithItem(Bodies.item(quantity: "0")), .at(.invalidValue, .quantity(item: 0))),
    Case("quantity -1", Bodies.orderWithItem(Bodies.item(quantity: "-1")), .at(.invalidValue, .quantity(item: 0))),
    Case("quantity -0", Bodies.orderWithItem(Bodies.item(quantity: "-0")), .at(.invalidValue, .quantity(item: 0))),
    Case("quantity 1001", Bodies.orderWithItem(Bodies.item(quantity: "1001")), .at(.invalidValue, .quantity(item: 0))),
    Case(
      "quantity with 30 digits", Bodies.orderWithItem(Bodies.item(quantity: String(repeating: "9", count: 30))),
      .at(.invalidValue, .quantity(item: 0))),
    Case(
      "price with three decimals", Bodies.orderWithItem(Bodies.item(price: "19.999")),
      .at(.invalidValue, .price(item: 0))),
    Case("price 1e-3", Bodies.orderWithItem(Bodies.item(price: "1e-3")), .at(.invalidValue, .price(item: 0))),
    Case("price negative", Bodies.orderWithItem(Bodies.item(price: "-0.01")), .at(.invalidValue, .price(item: 0))),
    Case(
      "price a cent over a million", Bodies.orderWithItem(Bodies.item(price: "1000000.01")),
      .at(.invalidValue, .price(item: 0))),
    Case("price 1e7", Bodies.orderWithItem(Bodies.item(price: "1e7")), .at(.invalidValue, .price(item: 0))),
    Case(
      "price with a huge exponent", Bodies.orderWithItem(Bodies.item(price: "1e999999999999999999")),
      .at(.invalidValue, .price(item: 0))),
    Case(
      "price with a huge negative exponent", Bodies.orderWithItem(Bodies.item(price: "1e-999999999999999999")),
      .at(.invalidValue, .price(item: 0))),
    Case("total negative", Bodies.order(total: "-45.48"), .at(.invalidValue, .total)),
    Case("total with three decimals", Bodies.order(total: "45.481"), .at(.invalidValue, .total)),
    Case("no items", Bodies.order(items: "[]", total: "0"), .at(.invalidValue, .items)),
    Case("no items, with whitespace", Bodies.order(items: "[ \n ]", total: "0"), .at(.invalidValue, .items)),
  ]

  static let exactAmounts: [Case] = [
    Case("19.990 is 19.99", Bodies.orderWithItem(Bodies.item(price: "19.990"), total: "19.99"), nil),
    Case("1999e-2 is 19.99", Bodies.orderWithItem(Bodies.item(price: "1999e-2"), total: "19.99"), nil),
    Case("0.1999E+2 is 19.99", Bodies.orderWithItem(Bodies.item(price: "0.1999E+2"), total: "19.99"), nil),
    Case("1E+2 is 100", Bodies.orderWithItem(Bodies.item(price: "1E+2"), total: "100"), nil),
    Case("0.10 is ten cents", Bodies.orderWithItem(Bodies.item(price: "0.10"), total: "0.1"), nil),
    Case("1e-2 is one cent", Bodies.orderWithItem(Bodies.item(price: "1e-2"), total: "0.01"), nil),
    Case(
      "trailing zeros past the cent are fine",
      Bodies.orderWithItem(Bodies.item(price: "5.5000000000000000000000"), total: "5.50"), nil),
    Case(
      "a long zero fraction with a huge exponent is zero",
      Bodies.orderWithItem(Bodies.item(price: "0.000e999999999999"), total: "0"), nil),
    Case(
      "0.1 + 0.2 is 0.3 in cents",
      Bodies.order(items: "[" + Bodies.item(price: "0.1") + "," + Bodies.item(price: "0.2") + "]", total: "0.3"), nil),
    Case("total as 4548e-2", Bodies.order(total: "4548e-2"), nil),
    Case("total with an exponent and trailing zeros", Bodies.order(total: "0.45480e2"), nil),
  ]

  static let tooManyItems: [Case] = [
    Case(
      "101 items",
      Bodies.order(items: "[" + Array(repeating: Bodies.item(), count: 101).joined(separator: ",") + "]", total: "101"),
      .at(.tooManyItems, .items)),
    Case(
      "a failure in the first 100 items comes first",
      Bodies.order(
        items: "["
          + (Array(repeating: Bodies.item(), count: 100) + [Bodies.item()]).enumerated()
          .map { $0.offset == 99 ? Bodies.item(quantity: "0") : $0.element }.joined(separator: ",") + "]", total: "101"),
      .at(.invalidValue, .quantity(item: 99))),
    Case(
      "a failure in the 101st item comes after",
      Bodies.order(
        items: "[" + (Array(repeating: Bodies.item(), count: 100) + [Bodies.item(quantity: "0")]).joined(separator: ",")
          + "]", total: "101"),
      .at(.tooManyItems, .items)),
  ]

  static let totalMismatch: [Case] = [
    Case("a cent too much", Bodies.order(total: "45.49"), .at(.totalMismatch, .total)),
    Case("a cent too little", Bodies.order(total: "45.47"), .at(.totalMismatch, .total)),
    Case("zero", Bodies.order(total: "0"), .at(.totalMismatch, .total)),
    Case("a total larger than any order", Bodies.order(total: "1e30"), .at(.totalMismatch, .total)),
    Case("a total of 10^16 units", Bodies.order(total: "10000000000000000"), .at(.totalMismatch, .total)),
    Case(
      "mismatch comes after every other failure", Bodies.order(total: "1", extra: [#""x":1"#, #""x":2"#]),
      .at(.duplicateKey, .other("x"))),
    Case(
      "mismatch comes after a missing field", Bodies.order(customerID: nil, total: "1"), .at(.missingField, .customerID)
    ),
  ]

  static let firstFailure: [Case] = [
    Case("the earlier value wins", Bodies.order(orderID: "1", customerID: "2"), .at(.wrongType, .orderID)),
    Case(
      "a value before its object's missing field",
      Bodies.order(customerID: nil, currency: #""usd""#), .at(.invalidValue, .currency)),
    Case(
      "a bad total written first wins over a bad price",
      #"{"total":"x","items":[{"sku":"S","quantity":1,"price":"1"}]}"#,
      .at(.wrongType, .total)),
    Case(
      "a bad price written first wins over a bad total",
      Bodies.order(items: #"[{"sku":"S","quantity":1,"price":"1"}]"#, total: #""x""#),
      .at(.wrongType, .price(item: 0))),
    Case(
      "an item's missing field stands at its close, before later members",
      Bodies.order(items: "[" + Bodies.item(price: nil) + "]", total: #""x""#), .at(.missingField, .price(item: 0))),
    Case(
      "the order's missing field stands at its close, after everything in it",
      Bodies.order(orderID: nil, total: #""x""#), .at(.wrongType, .total)),
    Case(
      "a repeated key stands at its second occurrence",
      Bodies.order(orderID: "5", extra: [#""order_id":"o""#]), .at(.wrongType, .orderID)),
    Case(
      "a repeated key before the failing value wins",
      #"{"order_id":"o","order_id":5}"#, .at(.duplicateKey, .orderID)),
    Case("a syntax error after a semantic failure is still malformed", Bodies.order(orderID: "5") + " x", .malformed),
    Case("a syntax error inside an ignored member is malformed", Bodies.order(extra: [#""x":[1,]"#]), .malformed),
  ]

  @Test(arguments: oversized) func oversizedBodies(_ row: Case) { expectVerdict(row) }
  @Test(arguments: notAnObject) func topLevelValuesThatAreNotObjects(_ row: Case) { expectVerdict(row) }
  @Test(arguments: duplicateKey) func repeatedKeys(_ row: Case) { expectVerdict(row) }
  @Test(arguments: missingField) func missingFields(_ row: Case) { expectVerdict(row) }
  @Test(arguments: wrongType) func wrongTypes(_ row: Case) { expectVerdict(row) }
  @Test(arguments: invalidValue) func invalidValues(_ row: Case) { expectVerdict(row) }
  @Test(arguments: exactAmounts) func amountsAreComparedExactlyInCents(_ row: Case) { expectVerdict(row) }
  @Test(arguments: tooManyItems) func tooManyItemsStandsAtTheHundredAndFirstItem(_ row: Case) { expectVerdict(row) }
  @Test(arguments: totalMismatch) func totalMismatchComesLast(_ row: Case) { expectVerdict(row) }
  @Test(arguments: firstFailure) func theFirstFailureInPassOrderIsReported(_ row: Case) { expectVerdict(row) }

  @Test func everyReasonIsCoveredByATable() {
    let all =
      Self.oversized + Self.notAnObject + Self.duplicateKey + Self.missingField + Self.wrongType
      + Self.invalidValue + Self.tooManyItems + Self.totalMismatch + JSONGrammarTests.malformed
    let covered = Set(all.compactMap(\.expected?.reason))
    #expect(covered == Set(ValidationReason.allCases))
  }

  @Test func reasonNamesAreTheDocumentedSnakeCaseStrings() {
    #expect(
      ValidationReason.allCases.map(\.rawValue) == [
        "oversized", "malformed_json", "not_an_object", "duplicate_key", "missing_field", "wrong_type",
        "invalid_value", "too_many_items", "total_mismatch",
      ])
  }

  @Test func failuresPrintAsReasonAtField() {
    #expect(ValidationFailure(.wrongType, at: .price(item: 0)).description == "wrong_type at items[0].price")
    #expect(ValidationFailure(.missingField, at: .sku(item: 2)).description == "missing_field at items[2].sku")
    #expect(ValidationFailure(.malformedJSON).description == "malformed_json")
    #expect(FieldPath.item(3).description == "items[3]")
    #expect(FieldPath.customerID.description == "customer_id")
  }
}

extension String {
  /// Foundation-free replacement, enough for building test bodies.
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
