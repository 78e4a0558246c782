/// The simulation clock and its future-event list: the run loop of every peaksim model.
///
/// It knows nothing about AWS and never draws a random number; models schedule their own enum
/// events and handle them in a `switch`. Time only moves forward, to the time of the event
/// being handed out.
///
/// **One event order.** Every event, whatever its source, is handed out by one key:
/// `(time, priority, sequence)` — the earliest instant first; at the same instant the lower
/// ``EventPriority``; at the same priority the one scheduled first. Besides the heap, the
/// scheduler holds one *stream* event: the next item of a source that always has exactly one
/// pending (a model's arrival process), kept out of the heap because it is replaced on every
/// pop. It takes its place in the same order, before heap events of equal time and priority.
/// Every event handed out, stream or heap, counts in ``eventsProcessed``.
@frozen
public struct EventScheduler<Event> {
  @usableFromInline var _now: SimTime = .zero
  /// The current simulated instant.
  @inlinable public var now: SimTime { _now }
  @usableFromInline var queue = EventQueue<Event>()
  @usableFromInline var _eventsProcessed: UInt64 = 0
  /// Events handed out so far (the `events` figure of a run).
  @inlinable public var eventsProcessed: UInt64 { _eventsProcessed }
  /// The pending stream event and its order key (`UInt128.max` when there is none).
  @usableFromInline var streamEvent: Event?
  @usableFromInline var streamKey: UInt128 = .max
  @usableFromInline var streamTime: SimTime = .distantFuture

  @inlinable public init(expectedPending: Int = 0) { queue.reserveCapacity(expectedPending) }

  /// Events pending in the heap (the stream event not counted).
  @inlinable public var pendingCount: Int { queue.count }
  /// The time of the next event the scheduler will hand out, stream included.
  @inlinable public var nextEventTime: SimTime? {
    guard streamEvent != nil else { return queue.nextTime }
    return min(queue.nextTime ?? .distantFuture, streamTime)
  }

  /// Schedules `event` at `time`, which must not be in the past.
  @inlinable
  public mutating func schedule(_ event: Event, at time: SimTime, priority: EventPriority = .normal) {
    precondition(time >= now, "cannot schedule into the past: \(time) < \(now)")
    queue.insert(event, at: time, priority: priority)
  }

  /// Schedules `event` `delay` after ``now``; a negative delay is a programming error.
  @inlinable
  public mutating func schedule(_ event: Event, after delay: SimDuration, priority: EventPriority = .normal) {
    precondition(delay.nanoseconds >= 0, "cannot schedule into the past (delay \(delay))")
    queue.insert(event, at: now + delay, priority: priority)
  }

  /// Sets the stream event: the next item of a source with exactly one pending item, replacing
  /// none (the previous one must have been handed out). `nil` ends the stream.
  @inlinable
  public mutating func scheduleStream(_ event: Event?, at time: SimTime, priority: EventPriority) {
    guard let event else {
      streamEvent = nil
      streamKey = .max
      streamTime = .distantFuture
      return
    }
    precondition(time >= now, "cannot schedule into the past: \(time) < \(now)")
    streamEvent = event
    streamTime = time
    streamKey = EventQueue<Event>.Entry.key(time: time, rank: UInt64(priority.rawValue) << 56)
  }

  /// Hands out the earliest event (by the order above) whose time is at or before `horizon`,
  /// advancing ``now`` to it. Returns `nil`, and leaves later events pending, when there is none.
  @inlinable
  public mutating func next(until horizon: SimTime) -> Event? {
    let heapKey = queue.nextKey
    if streamKey < heapKey {
      guard streamTime <= horizon, let event = streamEvent else { return nil }
      streamEvent = nil
      streamKey = .max
      _now = streamTime
      queue.advanceClock(to: streamTime)
      _eventsProcessed &+= 1
      return event
    }
    guard let time = queue.nextTime, time <= horizon, let entry = queue.popMin() else { return nil }
    _now = entry.time
    _eventsProcessed &+= 1
    return entry.event
  }

  /// Moves the clock forward to `time` without an event (the end of a run at its horizon).
  @inlinable
  public mutating func advance(to time: SimTime) {
    precondition(time >= now, "the clock cannot run backwards: \(time) < \(now)")
    _now = time
  }

  /// Runs `handler` on every event up to `horizon`, then sets the clock to `horizon`.
  /// `handler` is generic, so the call is specialised: no existential, no closure per event.
  @inlinable
  public mutating func run<Handler: EventHandler>(until horizon: SimTime, handler: inout Handler)
  where Handler.Event == Event {
    while let event = next(until: horizon) {
      handler.handle(event, scheduler: &self)
    }
    if horizon > _now { _now = horizon }
  }
}

/// A model that reacts to its own events by changing its state and scheduling more events.
public protocol EventHandler: ~Copyable {
  associatedtype Event
  mutating func handle(_ event: Event, scheduler: inout EventScheduler<Event>)
}
