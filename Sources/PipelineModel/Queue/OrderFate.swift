/// What became of an order when the last of its messages left the system: the order ledger's
/// terms (`orders = persisted + lost + discarded + unfinished`).
///
/// An order is persisted when its first write succeeds, whichever delivery or copy made it
/// (counted then, not here); it is lost only when no write ever succeeded and no message of it
/// is left anywhere: not in the queue, not in flight, not in the DLQ, not held by a running
/// invocation.
enum OrderFate: Equatable {
  /// Written to the table (already counted when the write landed).
  case persisted
  /// Its producer duplicate (the twin message) is still in the system: not decided yet.
  case livesOnInTwin
  /// A valid order that never reached the table.
  case lost
  /// An invalid order, never written: the end a poison message should have.
  case discarded
}

extension MessageStore {
  /// The other message of `record`'s producer duplicate, if it is still in the system (its
  /// slot not freed, nor re-used by another order).
  @inline(__always)
  func liveTwin(of record: MessageRecord) -> UInt32? {
    let twin = record.twin
    guard twin != .max, self[twin].orderNumber == record.orderNumber, self[twin].state != .free else { return nil }
    return twin
  }

  /// Frees a message's slot and says what that means for its order; the surviving twin, if any,
  /// becomes the order's only message.
  mutating func release(_ slot: UInt32) -> OrderFate {
    let record = self[slot]
    free(slot)
    if let twin = liveTwin(of: record) {
      self[twin].twin = .max
      if record.orderIsPersisted { self[twin].flags.insert(.orderPersisted) }
      return record.orderIsPersisted ? .persisted : .livesOnInTwin
    }
    if record.orderIsPersisted { return .persisted }
    return record.isValidOrder ? .lost : .discarded
  }

  /// Calls `each` once per order with a message still in the system and no successful write
  /// (a pair of twins once): the order ledger's `unfinished` and `invalid_held`, and the
  /// right-censored latency figures.
  func forEachUnfinishedOrder(_ each: (MessageRecord) -> Void) {
    for slot in records.indices {
      let record = records[slot]
      guard record.state != .free, !record.orderIsPersisted else { continue }
      if let twin = liveTwin(of: record), Int(twin) < slot { continue }  // met with its twin
      each(record)
    }
  }
}
