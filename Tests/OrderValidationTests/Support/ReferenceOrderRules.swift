import OrderValidation

/// The order rules applied to a parsed ``ReferenceJSON`` tree, written the slow and plain way:
/// collect every failure with the byte offset where it stands, then pick the earliest.
///
/// This restates the validator's contract independently of its streaming implementation, so
/// the two can be compared on any body (see `MutationFuzzTests`).
enum ReferenceOrderRules {
  /// The failure the validator must report for `body`, or `nil` if the order is valid.
  static func firstFailure(_ body: [UInt8], maxMessageSize: Int = 262_144) -> ValidationFailure? {
    if body.count > maxMessageSize { return ValidationFailure(.oversized) }
    guard let document = ReferenceJSON.parse(body) else { return ValidationFailure(.malformedJSON) }
    var failures: [(offset: Int, failure: ValidationFailure)] = []
    func fail(_ reason: ValidationReason, _ field: FieldPath?, at offset: Int) {
      failures.append((offset, ValidationFailure(reason, at: field)))
    }

    // Repeated keys, in every object of the document.
    func findRepeats(
      _ node: ReferenceJSON.Node, path: [PathComponent], knownPath: ([PathComponent], String) -> FieldPath?
    ) {
      switch node.value {
      case .object(let members, _):
        for (position, member) in members.enumerated() {
          let earlier = members[..<position].contains { Array($0.key.utf8) == Array(member.key.utf8) }
          if earlier {
            let field = knownPath(path, member.key) ?? .other(render(path + [.key(member.key)]))
            fail(.duplicateKey, field, at: member.keyOffset)
          }
          findRepeats(member.value, path: path + [.key(member.key)], knownPath: knownPath)
        }
      case .array(let elements):
        for (position, element) in elements.enumerated() {
          findRepeats(element, path: path + [.index(position)], knownPath: knownPath)
        }
      default:
        break
      }
    }

    guard case .object(let members, let closeOffset) = document.value else {
      return ValidationFailure(.notAnObject)
    }

    // Repeated keys that have a path of their own: order keys at the top, and item keys in
    // the objects of an `items` array.
    findRepeats(document, path: []) { path, key in
      if path.isEmpty { return orderKeyPath(key) }
      if path.count == 2, case .key("items") = path[0], case .index(let index) = path[1], itemsIsArray(members) {
        return itemKeyPath(key, index)
      }
      return nil
    }

    // Order members.
    var totalCents: Decimal2?
    var itemsCents = 0
    for member in members {
      let value = member.value
      switch member.key {
      case "order_id", "customer_id":
        let field: FieldPath = member.key == "order_id" ? .orderID : .customerID
        guard case .string(let text) = value.value else { fail(.wrongType, field, at: value.offset); continue }
        if !isIdentifier(text) { fail(.invalidValue, field, at: value.offset) }
      case "created_at":
        guard case .string(let text) = value.value else { fail(.wrongType, .createdAt, at: value.offset); continue }
        if !isRFC3339(text) { fail(.invalidValue, .createdAt, at: value.offset) }
      case "currency":
        guard case .string(let text) = value.value else { fail(.wrongType, .currency, at: value.offset); continue }
        if !(text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }) {
          fail(.invalidValue, .currency, at: value.offset)
        }
      case "total":
        guard case .number(let text) = value.value else { fail(.wrongType, .total, at: value.offset); continue }
        let amount = Decimal2(text)
        if (amount.isNegative && !amount.digits.isEmpty) || !amount.isWholeCents {
          fail(.invalidValue, .total, at: value.offset)
        }
        totalCents = amount
      case "items":
        guard case .array(let elements) = value.value else { fail(.wrongType, .items, at: value.offset); continue }
        if elements.isEmpty { fail(.invalidValue, .items, at: value.offset) }
        if elements.count > 100 { fail(.tooManyItems, .items, at: elements[100].offset) }
        for (index, element) in elements.enumerated() {
          guard case .object(let itemMembers, let itemClose) = element.value else {
            fail(.wrongType, .item(index), at: element.offset)
            continue
          }
          var quantity: Int?
          var price: Int?
          var skuIsValid = false
          for itemMember in itemMembers {
            let itemValue = itemMember.value
            switch itemMember.key {
            case "sku":
              guard case .string(let text) = itemValue.value else {
                fail(.wrongType, .sku(item: index), at: itemValue.offset)
                continue
              }
              if isIdentifier(text) {
                skuIsValid = true
              } else {
                fail(.invalidValue, .sku(item: index), at: itemValue.offset)
              }
            case "quantity":
              guard case .number(let text) = itemValue.value else {
                fail(.wrongType, .quantity(item: index), at: itemValue.offset)
                continue
              }
              guard !text.contains(where: { ".eE".contains($0) }) else {
                fail(.wrongType, .quantity(item: index), at: itemValue.offset)
                continue
              }
              if let number = Int(text), (1...1000).contains(number) {
                quantity = number
              } else {
                fail(.invalidValue, .quantity(item: index), at: itemValue.offset)
              }
            case "price":
              guard case .number(let text) = itemValue.value else {
                fail(.wrongType, .price(item: index), at: itemValue.offset)
                continue
              }
              let amount = Decimal2(text)
              if let cents = amount.cents, cents >= 0, cents <= 100_000_000 {
                price = cents
              } else {
                fail(.invalidValue, .price(item: index), at: itemValue.offset)
              }
            default:
              break
            }
          }
          let keys = Set(itemMembers.map(\.key))
          if let missing = ["sku", "quantity", "price"].first(where: { !keys.contains($0) }) {
            fail(.missingField, itemKeyPath(missing, index), at: itemClose)
          } else if skuIsValid, let quantity, let price {
            itemsCents += quantity * price
          }
        }
      default:
        break
      }
    }
    let keys = Set(members.map(\.key))
    let required = ["order_id", "customer_id", "created_at", "currency", "items", "total"]
    if let missing = required.first(where: { !keys.contains($0) }) {
      fail(.missingField, orderKeyPath(missing), at: closeOffset)
    }

    if let first = failures.min(by: { $0.offset < $1.offset }) { return first.failure }
    if totalCents?.cents != itemsCents { return ValidationFailure(.totalMismatch, at: .total) }
    return nil
  }

  static func itemsIsArray(_ members: [ReferenceJSON.Member]) -> Bool {
    // Item keys have their own path only inside the items array the validator walks.
    members.contains { member in
      if member.key == "items", case .array = member.value.value { return true }
      return false
    }
  }

  static func orderKeyPath(_ key: String) -> FieldPath? {
    switch key {
    case "order_id": .orderID
    case "customer_id": .customerID
    case "created_at": .createdAt
    case "currency": .currency
    case "items": .items
    case "total": .total
    default: nil
    }
  }

  static func itemKeyPath(_ key: String, _ index: Int) -> FieldPath? {
    switch key {
    case "sku": .sku(item: index)
    case "quantity": .quantity(item: index)
    case "price": .price(item: index)
    default: nil
    }
  }

  enum PathComponent {
    case key(String)
    case index(Int)
  }

  static func render(_ path: [PathComponent]) -> String {
    var text = ""
    for component in path {
      switch component {
      case .key(let name): text += text.isEmpty ? name : "." + name
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }

  static func isIdentifier(_ text: String) -> Bool {
    let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)
    return (1...64).contains(text.unicodeScalars.count) && text.unicodeScalars.allSatisfy(allowed.contains)
  }

  /// RFC 3339 date-time with the validator's documented choices (lowercase `t`/`z` allowed,
  /// second < 60).
  static func isRFC3339(_ text: String) -> Bool {
    let pattern =
      /^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-]([0-9]{2}):([0-9]{2}))$/
    guard let match = text.wholeMatch(of: pattern) else { return false }
    let year = Int(match.1)!, month = Int(match.2)!, day = Int(match.3)!
    let hour = Int(match.4)!, minute = Int(match.5)!, second = Int(match.6)!
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...12).contains(month), (1...monthDays[month - 1]).contains(day), hour < 24, minute < 60, second < 60
    else { return false }
    if let offsetHours = match.9, let offsetMinutes = match.10 {
      guard Int(offsetHours)! < 24, Int(offsetMinutes)! < 60 else { return false }
    }
    return true
  }
}

/// A JSON number's exact value in cents, worked out on its decimal text.
struct Decimal2 {
  var isNegative: Bool
  /// Significant digits without leading or trailing zeros ("" for zero).
  var digits: String
  /// value = digits × 10^exponent
  var exponent: Int

  init(_ text: String) {
    var rest = Substring(text)
    isNegative = rest.first == "-"
    if isNegative { rest = rest.dropFirst() }
    var exponentPart = 0
    if let marker = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      // Exponents beyond any sane range saturate; they only decide "huge" or "tiny".
      let exponentText = rest[rest.index(after: marker)...]
      let negative = exponentText.first == "-"
      let magnitude = exponentText.drop(while: { $0 == "+" || $0 == "-" || $0 == "0" })
      let value = magnitude.count > 12 ? 1_000_000_000_000 : Int(magnitude) ?? 0
      exponentPart = negative ? -value : value
      rest = rest[..<marker]
    }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    let integer = String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var all = integer + fraction
    var exponent = exponentPart - fraction.count
    while all.hasSuffix("0") {
      all.removeLast()
      exponent += 1
    }
    while all.hasPrefix("0") { all.removeFirst() }
    digits = all
    self.exponent = all.isEmpty ? 0 : exponent
  }

  var isWholeCents: Bool { digits.isEmpty || exponent >= -2 }

  /// The value in cents if it is whole and below 10^18 in magnitude.
  var cents: Int? {
    if digits.isEmpty { return 0 }
    guard isWholeCents, digits.count + exponent + 2 <= 18 else { return nil }
    let magnitude = Int(digits + String(repeating: "0", count: exponent + 2))!
    return isNegative ? -magnitude : magnitude
  }
}
