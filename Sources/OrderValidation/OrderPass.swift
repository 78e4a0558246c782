/// One front-to-back pass over an order body: it checks the JSON grammar, applies the order
/// rules to the values it meets, and remembers the first failure.
///
/// "First" is the order of the pass: a value's own failure stands at the value's first byte,
/// a repeated key at the repeat, a missing field at the `}` of its object, and
/// `total_mismatch` after everything. Semantic failures are recorded and the pass goes on,
/// because a syntax error anywhere, even after them, means the body is not JSON and overrides
/// them with `malformed_json`: syntax errors are thrown, and end the pass.
struct OrderPass<Sink: OrderSink>: ~Copyable {
  var scanner: JSONScanner
  var keys: DuplicateKeyDetector
  var sink: Sink

  // The first failure met, by byte offset.
  private(set) var failureReason: ValidationReason?
  private(set) var failureField: FieldPath?
  private(set) var failureOffset = Int.max
  /// The failure is a repeated key of an extra member; its path is found when the pass is over.
  private(set) var failureIsExtraKey = false

  // What a valid order adds up to.
  private(set) var itemCount = 0
  var itemsCents: Int64 = 0
  private(set) var totalCents: Int64 = 0
  /// `total` is a valid amount but at least 10^16 units, more than any items can sum to.
  private(set) var totalIsHuge = false
  var createdAtInstant = RFC3339.Instant(unixSeconds: 0, nanoseconds: 0)
  /// The caller's memo of the last minute of `created_at` (``RFC3339/MinuteMemo``).
  var minuteMemo = RFC3339.MinuteMemo()

  init(scanner: JSONScanner, keys: consuming DuplicateKeyDetector, sink: Sink) {
    self.scanner = scanner
    self.keys = keys
    self.sink = sink
  }

  var base: UnsafePointer<UInt8> { scanner.base }

  /// Whether the pass met no failure and `total` matches the items; call after ``run()``.
  var totalMatches: Bool { !totalIsHuge && totalCents == itemsCents }

  /// Remembers a failure if it stands before the one already met. Failures are the cold
  /// path: kept out of line so the hot functions stay small.
  @inline(never)
  mutating func record(_ reason: ValidationReason, _ field: FieldPath?, at offset: Int) {
    guard offset < failureOffset else { return }
    failureReason = reason
    failureField = field
    failureOffset = offset
    failureIsExtraKey = false
  }

  mutating func recordRepeatedExtraKey(at offset: Int) {
    guard offset < failureOffset else { return }
    failureReason = .duplicateKey
    failureField = nil
    failureOffset = offset
    failureIsExtraKey = true
  }

  /// Walks the whole body. Throws on the first syntax error.
  mutating func run() throws(JSONSyntaxError) {
    scanner.skipWhitespace()
    if scanner.current == UInt8(ascii: "{") {
      try parseOrder()
    } else {
      record(.notAnObject, nil, at: scanner.position)
      try skipValue(depth: 1)
    }
    scanner.skipWhitespace()
    guard scanner.isAtEnd else { throw scanner.error() }
  }

  // MARK: - The order object

  mutating func parseOrder() throws(JSONSyntaxError) {
    scanner.position += 1
    var seen: UInt8 = 0
    let object = keys.open()
    var next: UInt8
    if parseCompactOrderHead() {
      // The first four members are read and valid; carry on at the delimiter after them.
      seen =
        OrderKey.orderID.rawValue | OrderKey.customerID.rawValue | OrderKey.createdAt.rawValue
        | OrderKey.currency.rawValue
      next = scanner.skipWhitespace()
      if next == UInt8(ascii: ",") {
        scanner.position += 1
        next = scanner.skipWhitespace()
      } else if next != UInt8(ascii: "}") {
        throw scanner.error()
      }
    } else {
      next = scanner.skipWhitespace()
    }
    if next != UInt8(ascii: "}") {
      while true {
        guard next == UInt8(ascii: "\"") else { throw scanner.error() }
        let keyOffset = scanner.position
        var field: OrderKey?
        if let predicted = OrderKey.predicted(after: seen), scanner.skip(predicted.member) {
          // The key producers write next, spelled plainly: no need to scan and identify it.
          field = predicted
          scanner.skipWhitespace()
        } else {
          let key = try scanner.scanString()
          try scanner.skipColon()
          field = key.hasEscapes ? key.withUnescapedBytes(in: base, { OrderKey($0) }) : OrderKey(key.rawBytes(in: base))
          if field == nil {
            addExtraKey(key, object: object, at: keyOffset)
            try skipValue(depth: 2)
          }
        }
        if let field {
          if seen & field.rawValue != 0 { record(.duplicateKey, field.path, at: keyOffset) }
          seen |= field.rawValue
          try parseOrderValue(field)
        }
        let delimiter = scanner.skipWhitespace()
        if delimiter == UInt8(ascii: ",") {
          scanner.position += 1
          next = scanner.skipWhitespace()
        } else if delimiter == UInt8(ascii: "}") {
          break
        } else {
          throw scanner.error()
        }
      }
    }
    let closeOffset = scanner.position
    scanner.position += 1
    if let repeated = keys.close(object, in: base) { recordRepeatedExtraKey(at: repeated) }
    if seen != OrderKey.allBits, let missing = OrderKey.firstMissing(seen) {
      record(.missingField, missing.path, at: closeOffset)
    }
  }

  mutating func parseOrderValue(_ field: OrderKey) throws(JSONSyntaxError) {
    let valueOffset = scanner.position
    let first = scanner.current
    switch field {
    case .items:
      guard first == UInt8(ascii: "[") else { return try wrongType(.items, depth: 2) }
      try parseItems()
    case .total:
      guard first == UInt8(ascii: "-") || first &- 0x30 < 10 else { return try wrongType(.total, depth: 2) }
      let number = try scanner.scanNumber()
      switch DecimalCents.read(number, in: base) {
      case .exact(let cents) where cents >= 0: totalCents = cents
      case .tooLarge(isNegative: false): totalIsHuge = true
      default: record(.invalidValue, .total, at: valueOffset)
      }
    default:
      guard first == UInt8(ascii: "\"") else { return try wrongType(field.path, depth: 2) }
      let string = try scanner.scanString()
      if string.hasEscapes {
        string.withUnescapedBytes(in: base) { checkOrderString(field, $0, at: valueOffset) }
      } else {
        checkOrderString(field, string.rawBytes(in: base), at: valueOffset)
      }
    }
  }

  /// Applies the rule of a string field of the order to its unescaped bytes.
  @inline(__always)
  mutating func checkOrderString(_ field: OrderKey, _ bytes: UnsafeBufferPointer<UInt8>, at valueOffset: Int) {
    switch field {
    case .orderID:
      guard Identifier.isValid(bytes) else { return record(.invalidValue, .orderID, at: valueOffset) }
      sink.orderID(bytes)
    case .customerID:
      guard Identifier.isValid(bytes) else { return record(.invalidValue, .customerID, at: valueOffset) }
      sink.customerID(bytes)
    case .currency:
      guard CurrencyCode.isValid(bytes) else { return record(.invalidValue, .currency, at: valueOffset) }
      sink.currency(bytes)
    case .createdAt:
      guard let instant = RFC3339.parse(bytes, memo: &minuteMemo) else {
        return record(.invalidValue, .createdAt, at: valueOffset)
      }
      createdAtInstant = instant
      sink.createdAt(bytes)
    case .items, .total:
      break
    }
  }

  /// Records `wrong_type` for the value at the cursor and skips it.
  mutating func wrongType(_ field: FieldPath, depth: Int) throws(JSONSyntaxError) {
    record(.wrongType, field, at: scanner.position)
    try skipValue(depth: depth)
  }

  // MARK: - Items

  mutating func parseItems() throws(JSONSyntaxError) {
    let openOffset = scanner.position
    scanner.position += 1
    var next = scanner.skipWhitespace()
    if next == UInt8(ascii: "]") {
      scanner.position += 1
      record(.invalidValue, .items, at: openOffset)
      return
    }
    var index = 0
    while true {
      if index == OrderValidator.maximumItemCount {
        record(.tooManyItems, .items, at: scanner.position)
      }
      if next == UInt8(ascii: "{") {
        if !parseCompactItem(index) { try parseItem(index) }
      } else {
        try wrongType(.item(index), depth: 3)
      }
      index += 1
      let delimiter = scanner.skipWhitespace()
      if delimiter == UInt8(ascii: ",") {
        scanner.position += 1
        next = scanner.skipWhitespace()
      } else if delimiter == UInt8(ascii: "]") {
        scanner.position += 1
        break
      } else {
        throw scanner.error()
      }
    }
    itemCount = index
  }

  mutating func parseItem(_ index: Int) throws(JSONSyntaxError) {
    // Work on a local copy of the cursor so the optimiser can keep it in registers; hand it
    // back before anything else reads `scanner`.
    var cursor = scanner
    defer { scanner = cursor }
    cursor.position += 1
    var seen: UInt8 = 0
    var skuIsValid = false
    var quantity = -1
    var priceCents: Int64 = -1
    let object = keys.open()
    var next = cursor.skipWhitespace()
    if next != UInt8(ascii: "}") {
      while true {
        guard next == UInt8(ascii: "\"") else { throw cursor.error() }
        let keyOffset = cursor.position
        var field: ItemKey?
        var first: UInt8
        if let predicted = ItemKey.predicted(after: seen), cursor.skip(predicted.member) {
          // The key producers write next, spelled plainly: no need to scan and identify it.
          field = predicted
          first = cursor.skipWhitespace()
        } else {
          let key = try cursor.scanString()
          first = try cursor.skipColon()
          field = key.hasEscapes ? key.withUnescapedBytes(in: base, { ItemKey($0) }) : ItemKey(key.rawBytes(in: base))
          if field == nil {
            addExtraKey(key, object: object, at: keyOffset)
            scanner = cursor
            try skipValue(depth: 4)
            cursor = scanner
          }
        }
        if let field {
          if seen & field.rawValue != 0 { record(.duplicateKey, field.path(item: index), at: keyOffset) }
          seen |= field.rawValue
          let valueOffset = cursor.position
          switch field {
          case .sku:
            guard first == UInt8(ascii: "\"") else {
              scanner = cursor
              try wrongType(.sku(item: index), depth: 4)
              cursor = scanner
              break
            }
            let string = try cursor.scanString()
            if !string.hasEscapes, Identifier.isValid(string.rawBytes(in: base)) {
              skuIsValid = true
              sink.sku(string.rawBytes(in: base), item: index)
            } else {
              string.withUnescapedBytes(in: base) { bytes in
                guard Identifier.isValid(bytes) else {
                  return record(.invalidValue, .sku(item: index), at: valueOffset)
                }
                skuIsValid = true
                sink.sku(bytes, item: index)
              }
            }
          case .quantity:
            guard first == UInt8(ascii: "-") || first &- 0x30 < 10 else {
              scanner = cursor
              try wrongType(.quantity(item: index), depth: 4)
              cursor = scanner
              break
            }
            let number = try cursor.scanNumber()
            guard number.isIntegerForm else {
              record(.wrongType, .quantity(item: index), at: valueOffset)
              break
            }
            let value = Self.smallInteger(number)
            if value >= 1, value <= OrderValidator.maximumQuantity {
              quantity = value
            } else {
              record(.invalidValue, .quantity(item: index), at: valueOffset)
            }
          case .price:
            guard first == UInt8(ascii: "-") || first &- 0x30 < 10 else {
              scanner = cursor
              try wrongType(.price(item: index), depth: 4)
              cursor = scanner
              break
            }
            let number = try cursor.scanNumber()
            if case .exact(let cents) = DecimalCents.read(number, in: base),
              cents >= 0, cents <= OrderValidator.maximumPriceCents
            {
              priceCents = cents
            } else {
              record(.invalidValue, .price(item: index), at: valueOffset)
            }
          }
        }
        let delimiter = cursor.skipWhitespace()
        if delimiter == UInt8(ascii: ",") {
          cursor.position += 1
          next = cursor.skipWhitespace()
        } else if delimiter == UInt8(ascii: "}") {
          break
        } else {
          throw cursor.error()
        }
      }
    }
    let closeOffset = cursor.position
    cursor.position += 1
    if let repeated = keys.close(object, in: base) { recordRepeatedExtraKey(at: repeated) }
    if seen != ItemKey.allBits, let missing = ItemKey.firstMissing(seen) {
      record(.missingField, missing.path(item: index), at: closeOffset)
    } else if skuIsValid, quantity >= 0, priceCents >= 0 {
      // At most 1000 × 10^8 per item, so even thousands of items cannot overflow.
      itemsCents &+= Int64(quantity) &* priceCents
      sink.item(index, quantity: quantity, priceCents: priceCents)
    }
  }

  /// The value of an integer-form number, or -1 when it is negative or has more than four
  /// digits (outside every range the order format allows for integers). `-0` reads as -1 too:
  /// it is zero, which no quantity may be either.
  @inline(__always)
  static func smallInteger(_ number: JSONNumber) -> Int {
    guard !number.isNegative, number.integerCount <= 4 else { return -1 }
    return Int(number.significand)
  }
}
