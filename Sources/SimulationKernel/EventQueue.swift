/// The future-event list: two 8-ary min-heaps of small value entries ordered by
/// `(time, priority, sequence)`, specialised to them (no comparator closure, no existential).
///
/// Events at the same instant pop by ``EventPriority``, then in the order they were scheduled
/// (the sequence number), deterministically. Sifting moves a hole instead of swapping,
/// and an 8-ary layout cuts the depth to a third of a binary heap's, so a pop with a million
/// pending events touches 7 levels of memory instead of 20 (measured with `peaksim bench engine`
/// at N = 10⁶: 2-ary 0.5x, 4-ary 0.9x, 8-ary 1.3x the swift-collections `Heap`).
///
/// **Two lanes.** An event due within ``nearHorizon`` of the clock goes to the *near* heap,
/// any later one to the *far* heap, and a pop takes the smaller of the two tops: the order is
/// exactly one heap's, whatever lane an event is in. The split only saves work. A pipeline
/// keeps a few hundred short steps pending (invocations, writes) and thousands of long waits
/// (visibility timeouts of failed messages, 30 s and more, report ticks); almost every pop is
/// a short step, and now sifts through the short steps only (measured on the demo's first
/// hour: 386 instructions a pop with one heap).
///
/// Storage grows geometrically and is reused, so steady-state scheduling allocates nothing.
@frozen
public struct EventQueue<Event> {
  /// One pending event.
  @frozen
  public struct Entry {
    public var time: SimTime
    /// The priority in the top 8 bits, the insertion sequence in the low 56.
    @usableFromInline var rank: UInt64
    public var event: Event

    @inlinable
    init(time: SimTime, rank: UInt64, event: Event) {
      self.time = time
      self.rank = rank
      self.event = event
    }

    /// The event's priority among those at the same instant.
    @inlinable public var priority: EventPriority { EventPriority(UInt8(truncatingIfNeeded: rank >> 56)) }
    /// The insertion sequence: the last part of the order.
    @inlinable public var sequence: UInt64 { rank & Self.sequenceMask }

    @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }

    /// `(time, priority, sequence)` as one unsigned 128-bit key (time's sign bit flipped so the
    /// order of signed times is kept): one wide comparison instead of three branches.
    @inlinable @inline(__always)
    var key: UInt128 { Self.key(time: time, rank: rank) }

    @inlinable @inline(__always)
    static func key(time: SimTime, rank: UInt64) -> UInt128 {
      UInt128(UInt64(bitPattern: time.nanoseconds) ^ (1 << 63)) << 64 | UInt128(rank)
    }

    @inlinable @inline(__always)
    func precedes(_ other: Entry) -> Bool { key < other.key }
  }

  /// How far ahead of the clock an event still counts as near: one second, longer than any
  /// handler step, shorter than the timeouts and ticks that pile up.
  public static var nearHorizon: SimDuration { .seconds(1) }

  @usableFromInline var near = Lane()
  @usableFromInline var far = Lane()
  @usableFromInline var nextSequence: UInt64 = 0
  /// Events before this time go to the near lane: the clock (the last event handed out) plus
  /// ``nearHorizon``.
  @usableFromInline var nearLimit = Int64(1_000_000_000)

  @inlinable public init() {}

  /// Reserves room for `capacity` pending events in each lane, so the first run allocates once.
  @inlinable public mutating func reserveCapacity(_ capacity: Int) {
    near.storage.reserveCapacity(capacity)
    far.storage.reserveCapacity(capacity)
  }

  @inlinable public var count: Int { near.storage.count + far.storage.count }
  @inlinable public var isEmpty: Bool { near.storage.isEmpty && far.storage.isEmpty }
  /// Entries the storage of both lanes can hold without growing.
  @inlinable public var capacity: Int { near.storage.capacity + far.storage.capacity }
  /// The time of the earliest pending event.
  @inlinable public var nextTime: SimTime? {
    guard let n = near.storage.first else { return far.storage.first?.time }
    guard let f = far.storage.first else { return n.time }
    return n.key < f.key ? n.time : f.time
  }
  /// The order key of the earliest pending event (`UInt128.max` when there is none).
  @inlinable var nextKey: UInt128 { Swift.min(near.storage.first?.key ?? .max, far.storage.first?.key ?? .max) }

  /// Moves the clock that splits near from far events (the scheduler's `now`).
  @inlinable @inline(__always)
  mutating func advanceClock(to time: SimTime) {
    let (limit, overflow) = time.nanoseconds.addingReportingOverflow(Self.nearHorizon.nanoseconds)
    nearLimit = overflow ? .max : limit
  }

  /// Adds `event` at `time`, after the events already pending at `time` with the same priority.
  ///
  /// - Complexity: O(log₈ n).
  @inlinable
  public mutating func insert(_ event: Event, at time: SimTime, priority: EventPriority = .normal) {
    let entry = Entry(time: time, rank: UInt64(priority.rawValue) << 56 | nextSequence, event: event)
    nextSequence &+= 1
    precondition(nextSequence <= Entry.sequenceMask, "more than 2^56 events scheduled")
    if time.nanoseconds < nearLimit {
      near.insert(entry)
    } else {
      far.insert(entry)
    }
  }

  /// Removes and returns the earliest entry, and moves the clock to it.
  ///
  /// - Complexity: O(log₈ n).
  @inlinable
  public mutating func popMin() -> Entry? {
    let entry: Entry?
    if let f = far.storage.first, near.storage.first.map({ f.key < $0.key }) ?? true {
      entry = far.popMin()
    } else {
      entry = near.popMin()
    }
    if let entry { advanceClock(to: entry.time) }
    return entry
  }

  /// Removes every pending event, keeping the storage.
  @inlinable public mutating func removeAll() {
    near.storage.removeAll(keepingCapacity: true)
    far.storage.removeAll(keepingCapacity: true)
  }
}
