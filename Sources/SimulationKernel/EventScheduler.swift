/// The simulation clock and its future-event list: the run loop of every peaksim model.
///
/// It knows nothing about AWS and never draws a random number; models schedule their own enum
/// events and handle them in a `switch`. Time only moves forward, to the time of the event
/// being handed out.
@frozen
public struct EventScheduler<Event> {
  @usableFromInline var _now: SimTime = .zero
  /// The current simulated instant.
  @inlinable public var now: SimTime { _now }
  @usableFromInline var queue = EventQueue<Event>()
  @usableFromInline var _eventsProcessed: UInt64 = 0
  /// Events handed out so far (the `events` figure of a run).
  @inlinable public var eventsProcessed: UInt64 { _eventsProcessed }

  @inlinable public init(expectedPending: Int = 0) { queue.reserveCapacity(expectedPending) }

  @inlinable public var pendingCount: Int { queue.count }
  @inlinable public var nextEventTime: SimTime? { queue.nextTime }

  /// Schedules `event` at `time`, which must not be in the past.
  @inlinable
  public mutating func schedule(_ event: Event, at time: SimTime) {
    precondition(time >= now, "cannot schedule into the past: \(time) < \(now)")
    queue.insert(event, at: time)
  }

  /// Schedules `event` `delay` after ``now``; a negative delay is a programming error.
  @inlinable
  public mutating func schedule(_ event: Event, after delay: SimDuration) {
    precondition(delay.nanoseconds >= 0, "cannot schedule into the past (delay \(delay))")
    queue.insert(event, at: now + delay)
  }

  /// Hands out the earliest event whose time is at or before `horizon`, advancing ``now`` to it.
  /// Returns `nil`, and leaves later events pending, when there is none.
  @inlinable
  public mutating func next(until horizon: SimTime) -> Event? {
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
public protocol EventHandler {
  associatedtype Event
  mutating func handle(_ event: Event, scheduler: inout EventScheduler<Event>)
}
