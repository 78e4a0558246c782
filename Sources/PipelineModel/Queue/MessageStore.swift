import BasicContainers

/// A slab of `MessageRecord`s addressed by `UInt32` slots, with a free list, so that sending
/// and settling messages allocates nothing once the slab has grown to the largest backlog.
///
/// Noncopyable, like the queue that owns it: its arrays are `UniqueArray`s, which write a slot
/// without the uniqueness check (a call) that a `ContiguousArray` makes at every write.
public struct MessageStore: ~Copyable, Sendable {
  @usableFromInline var records = UniqueArray<MessageRecord>()
  @usableFromInline var freeSlots = UniqueArray<UInt32>()
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
