import OrderValidation
import Testing

/// Seeded, deterministic fuzzing: mutated and randomly assembled bodies, each checked against
/// the reference rules. The validator must never crash, never accept a body that is not JSON,
/// never reject one that is as malformed, and report the same first failure as the reference.
@Suite struct MutationFuzzTests {
  static let corpus: [String] = [
    Bodies.example,
    Bodies.order(),
    Bodies.order(
      orderID: #""ord\u002d1""#, currency: #""\u0055SD""#,
      extra: [#""note":"gift \"wrap\" \u00e9 \ud83d\ude00 é 😀""#, #""meta":{"a":[1,-0.5e+3,true,null,{"b":""}]}"#]),
    // Six items: Σ i × (i + 0.25) for i in 1...6 = 96.25
    Bodies.order(
      items: "["
        + (1...6).map { Bodies.item(sku: "\"SKU-\($0)\"", quantity: "\($0)", price: "\($0).25") }
        .joined(separator: ",") + "]", total: "96.25"),
    " {\n  \"total\" : 1e0 , \"items\" : [ { \"price\" : 100e-2 , \"quantity\" : 1 , \"sku\" : \"A\" } ] ,\n  \"currency\":\"EUR\",\"created_at\":\"2024-02-29T23:59:59.999+14:00\",\"customer_id\":\"c\",\"order_id\":\"o\" }\n",
    Bodies.order(items: #"[{"sku":"SKU-1234","quantity":2,"price":"19.99"}]"#, total: "39.98"),
    Bodies.order(extra: [#""x":[[[[{"k":[{"k":1,"j":2}]}]]]]"#, #""y":{"a":1,"b":2,"c":3}"#]),
    // Every UTF-8 length at the edges of its ranges, so bit flips make overlongs and surrogates.
    Bodies.order(extra: ["\"u\":\"\u{80} \u{7FF} \u{800} \u{D7FF} \u{E000} \u{FFFF} \u{10000} \u{10FFFF} € ü 😀\""]),
  ]

  static let fragments: [[UInt8]] =
    [
      "\"", "\\", ",", "}", "]", "{", "[", ":", "\\u", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0041", "0", "-",
      "1e",
      "e5", ".", " ", "\n", "null", "true", "\"x\":1,", "\"order_id\":\"o\",", "\"price\":", "\"19.99\"", "1.999", "-0",
      "[]", "{}", "\u{FEFF}", "\u{7F}", "é", "😀",
    ].map { Array($0.utf8) } + [
      [0x80], [0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
      [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x00], [0x1F],
    ]

  static let structuralBytes = Set("{}[],:\"\\".utf8)

  static func mutate(_ body: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
    var bytes = body
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      // Half the mutations land next to a structural byte, where grammar bugs hide.
      let structural = bytes.indices.filter { Self.structuralBytes.contains(bytes[$0]) }
      let position =
        bytes.isEmpty
        ? 0
        : Bool.random(using: &generator) && !structural.isEmpty
          ? structural.randomElement(using: &generator)! + Int.random(in: 0...1, using: &generator)
          : Int.random(in: 0..<bytes.count, using: &generator)
      if position >= bytes.count {
        bytes.append(contentsOf: fragments.randomElement(using: &generator)!)
        continue
      }
      switch Int.random(in: 0..<8, using: &generator) {
      case 0 where !bytes.isEmpty:  // flip one bit
        bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
      case 1 where !bytes.isEmpty:  // replace a byte with a structural or tricky one
        bytes[position] = fragments.randomElement(using: &generator)!.first!
      case 2:  // truncate
        bytes.removeSubrange(position...)
      case 3:  // insert a fragment
        bytes.insert(contentsOf: fragments.randomElement(using: &generator)!, at: position)
      case 4 where !bytes.isEmpty:  // delete a range
        bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &generator)))
      case 5:  // splice with another body
        let other = Array(corpus.randomElement(using: &generator)!.utf8)
        bytes = Array(bytes[..<position]) + other[Int.random(in: 0..<other.count, using: &generator)...]
      case 6 where !bytes.isEmpty:  // duplicate a range elsewhere
        let end = min(bytes.count, position + Int.random(in: 1...24, using: &generator))
        let chunk = Array(bytes[position..<end])
        bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &generator))
      default:  // swap two bytes
        if bytes.count > 1 { bytes.swapAt(position, Int.random(in: 0..<bytes.count, using: &generator)) }
      }
    }
    return bytes
  }

  /// Compares validator and reference on `body`; returns a description of any disagreement.
  static func disagreement(_ body: [UInt8]) -> String? {
    let validator = OrderValidator()
    let checked = validator.check(body)
    let validated = validator.validate(body)
    let reference = ReferenceOrderRules.firstFailure(body)
    let isJSON = ReferenceJSON.parse(body) != nil
    let text = String(decoding: body, as: UTF8.self).debugDescription
    if !isJSON, checked.failure?.reason != .malformedJSON {
      return "accepted a body that is not JSON as \(checked.failure?.description ?? "valid"): \(text)"
    }
    if checked.failure != reference {
      return
        "check says \(checked.failure?.description ?? "valid"), reference says \(reference?.description ?? "valid"): \(text)"
    }
    // The simulator checks bodies with a memo of the last `created_at` minute, met first in
    // another body: primed by every corpus body in turn, it must not change a verdict.
    for primer in corpus {
      var memo = RFC3339.MinuteMemo()
      _ = Array(primer.utf8).withUnsafeBytes { validator.check($0, memo: &memo) }
      let memoised = body.withUnsafeBytes { validator.check($0, memo: &memo) }
      if memoised.failure != checked.failure || memoised.value?.createdAtInstant != checked.value?.createdAtInstant {
        return
          "check with a memo primed by another body says \(memoised.failure?.description ?? "valid"), without "
          + "\(checked.failure?.description ?? "valid"): \(text)"
      }
    }
    var verdictMemo = RFC3339.MinuteMemo()
    let judged = body.withUnsafeBytes { validator.firstFailure(in: $0, memo: &verdictMemo) }
    if judged != checked.failure {
      return
        "firstFailure says \(judged?.description ?? "valid"), check says \(checked.failure?.description ?? "valid"): \(text)"
    }
    if validated.failure != checked.failure {
      return
        "validate says \(validated.failure?.description ?? "valid"), check says \(checked.failure?.description ?? "valid"): \(text)"
    }
    if let order = validated.value, order.totalCents != order.items.reduce(0, { $0 + $1.lineTotalCents }) {
      return "a valid order's total is not the sum of its items: \(text)"
    }
    return nil
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func mutatedBodiesAgreeWithTheReference(seed: UInt64) {
    var generator = SplitMix64(seed: 0xF0_22 &+ seed)
    var problems: [String] = []
    var malformedCount = 0
    for _ in 0..<6_250 {
      let body = Self.mutate(Array(Self.corpus.randomElement(using: &generator)!.utf8), &generator)
      if OrderValidator().check(body).failure?.reason == .malformedJSON { malformedCount += 1 }
      if let problem = Self.disagreement(body) { problems.append(problem) }
    }
    #expect(problems.isEmpty, "\(problems.count) disagreements, first: \(problems.prefix(3))")
    // The mutations must exercise both sides: plenty of broken bodies and plenty of JSON.
    #expect(malformedCount > 1_000 && malformedCount < 6_000, "\(malformedCount) malformed of 6250")
  }

  // MARK: - Assembled orders: every rule, in every order

  /// Values for each field: the first list is valid, the second breaks a rule.
  static let pools: [String: (good: [String], bad: [String])] = [
    "order_id": (
      [#""ord-1""#, #""o""#, #""ord\u002d1""#],
      [#""""#, "5", "null", #""a b""#, "\"" + String(repeating: "x", count: 65) + "\""]
    ),
    "customer_id": ([#""cust-8812""#, #""c_1""#], ["[]", #""é""#, #""c\u0020""#]),
    "created_at": (
      [#""2026-11-27T05:12:33.120Z""#, #""2024-02-29T00:00:00+14:00""#, #""2026-11-27t05:12:33z""#],
      [#""2023-02-29T00:00:00Z""#, #""2026-11-27T05:12:60Z""#, "0"]
    ),
    "currency": ([#""USD""#, #""EUR""#, #""\u0047BP""#], [#""usd""#, #""US""#, "1"]),
    "total": (["TOTAL"], ["0", "-1", "1.001", #""1""#, "1e30", "null"]),
    "sku": ([#""SKU-1""#, #""S""#], ["7", #""""#, #""SKU 1""#]),
    "quantity": (["1", "2", "1000"], ["0", "-1", "1001", "2.0", "1e2", #""2""#]),
    "price": (["1", "19.99", "1999e-2", "0", "0.10"], ["19.999", "-1", "1000000.01", #""19.99""#, "true"]),
    "extra": (
      [#""x":1"#, #""z":"\u00e9""#, #""m":{"a":[1,{"b":2}]}"#],
      [#""x":{"a":1,"a":2}"#, #""y":[{"k":1},{"k":1,"k":2}]"#, #""order_id":"dup""#]
    ),
  ]

  static func assemble(_ generator: inout SplitMix64) -> String {
    // Now and then a large order, with valid items so the item count is what fails.
    let isLarge = Int.random(in: 0..<100, using: &generator) == 0
    let itemCount =
      isLarge
      ? Int.random(in: 99...102, using: &generator) : [0, 1, 1, 2, 3, 3, 4, 6].randomElement(using: &generator)!
    func pick(_ field: String) -> String {
      let pool = pools[field]!
      let bad = !isLarge && Int.random(in: 0..<16, using: &generator) == 0
      return (bad ? pool.bad : pool.good).randomElement(using: &generator)!
    }
    var itemCents = 0
    var itemTexts: [String] = []
    for _ in 0..<itemCount {
      var members: [String] = []
      var values: [String: String] = [:]
      for field in ["sku", "quantity", "price"] where isLarge || Int.random(in: 0..<60, using: &generator) > 0 {
        let value = pick(field)
        values[field] = value
        members.append("\"\(field)\":\(value)")
        if !isLarge, Int.random(in: 0..<100, using: &generator) == 0 { members.append("\"\(field)\":\(value)") }
      }
      if Int.random(in: 0..<8, using: &generator) == 0 { members.append(pick("extra")) }
      members.shuffle(using: &generator)
      itemTexts.append("{" + members.joined(separator: ",") + "}")
      // Sum what valid items add, so TOTAL usually matches.
      if let quantity = values["quantity"].flatMap({ Int($0) }), (1...1000).contains(quantity),
        let price = values["price"], price.first.map({ "0123456789".contains($0) }) == true,
        let cents = Decimal2(price).cents, cents <= 100_000_000
      {
        itemCents += quantity * cents
      }
    }
    if Int.random(in: 0..<100, using: &generator) == 0 { itemTexts.append(#""not an item""#) }
    var members: [String] = []
    for field in ["order_id", "customer_id", "created_at", "currency", "items", "total"]
    where Int.random(in: 0..<60, using: &generator) > 0 {
      switch field {
      case "items":
        members.append(
          Int.random(in: 0..<100, using: &generator) == 0
            ? #""items":{"sku":"S"}"# : #""items":["# + itemTexts.joined(separator: ",") + "]")
      case "total":
        var total = pick("total")
        if total == "TOTAL" {
          total = "\(itemCents / 100).\(itemCents % 100 < 10 ? "0" : "")\(itemCents % 100)"
          if Int.random(in: 0..<30, using: &generator) == 0 { total += "1" }  // a sub-cent digit: invalid
          if Int.random(in: 0..<30, using: &generator) == 0 { total = "\(itemCents + 1)e-2" }  // a cent off
        }
        members.append(#""total":"# + total)
      default:
        members.append("\"\(field)\":\(pick(field))")
      }
    }
    for _ in 0..<Int.random(in: 0...1, using: &generator) { members.append(pick("extra")) }
    members.shuffle(using: &generator)
    return "{" + members.joined(separator: ",") + "}"
  }

  @Test(arguments: 0..<4 as Range<UInt64>)
  func assembledOrdersAgreeWithTheReference(seed: UInt64) {
    var generator = SplitMix64(seed: 0xA55E_3B1E &+ seed)
    var problems: [String] = []
    var reasons: [ValidationReason: Int] = [:]
    var validCount = 0
    for _ in 0..<3_000 {
      let body = Array(Self.assemble(&generator).utf8)
      if let problem = Self.disagreement(body) { problems.append(problem) }
      if let reason = OrderValidator().check(body).failure?.reason {
        reasons[reason, default: 0] += 1
      } else {
        validCount += 1
      }
    }
    #expect(problems.isEmpty, "\(problems.count) disagreements, first: \(problems.prefix(3))")
    // The generator must reach every semantic reason and valid orders too.
    let semantic: Set<ValidationReason> = [
      .duplicateKey, .missingField, .wrongType, .invalidValue, .tooManyItems, .totalMismatch,
    ]
    #expect(semantic.isSubset(of: Set(reasons.keys)), "reached \(reasons)")
    #expect(validCount > 300, "only \(validCount) valid orders")
    #expect(reasons[.malformedJSON] == nil, "the generator writes only JSON")
  }
}
