/// A slab of `MessageRecord`s addressed by `UInt32` slots, with a free list, so that sending
/// and settling messages allocates nothing once the slab has grown to the largest backlog.
public struct MessageStore: Sendable {
  @usableFromInline var records: ContiguousArray<MessageRecord> = []
  @usableFromInline var freeSlots: ContiguousArray<UInt32> = []
  public private(set) var live = 0
  public private(set) var peakLive = 0

  public init() {}

  @inlinable
  public subscript(slot: UInt32) -> MessageRecord {
    get { records[Int(slot)] }
    _modify { yield &records[Int(slot)] }
  }

  public mutating func allocate(_ record: MessageRecord) -> UInt32 {
    live += 1
    if live > peakLive { peakLive = live }
    if let slot = freeSlots.popLast() {
      records[Int(slot)] = record
      return slot
    }
    precondition(records.count < Int(UInt32.max), "more than 4 billion live messages")
    records.append(record)
    return UInt32(records.count - 1)
  }

  public mutating func free(_ slot: UInt32) {
    records[Int(slot)].state = .free
    records[Int(slot)].orderNumber = .max
    freeSlots.append(slot)
    live -= 1
  }

  /// Bytes held by the slab (for the memory-growth check).
  public var footprintBytes: Int {
    records.capacity * MemoryLayout<MessageRecord>.stride + freeSlots.capacity * 4
  }
}
