import Testing

@testable import SimulationKernel

/// The one event order of the kernel: `(time, priority, sequence)`, the stream event included.
@Suite struct EventOrderTests {
  @Test func simultaneousEventsFireByPriorityThenInScheduleOrder() {
    var scheduler = EventScheduler<String>()
    let t = SimTime(nanoseconds: 5)
    scheduler.schedule("normal-1", at: t)
    scheduler.schedule("late", at: SimTime(nanoseconds: 6), priority: EventPriority(0))
    scheduler.schedule("urgent-1", at: t, priority: EventPriority(1))
    scheduler.schedule("normal-2", at: t)
    scheduler.schedule("urgent-2", at: t, priority: EventPriority(1))
    var fired: [String] = []
    while let e = scheduler.next(until: .distantFuture) { fired.append(e) }
    #expect(fired == ["urgent-1", "urgent-2", "normal-1", "normal-2", "late"])
  }

  @Test func streamEventTakesItsPlaceInTheSameOrder() {
    var scheduler = EventScheduler<String>()
    let t = SimTime(nanoseconds: 10)
    scheduler.schedule("heap-normal", at: t)
    scheduler.schedule("heap-first", at: t, priority: EventPriority(0))
    scheduler.schedule("heap-earlier", at: SimTime(nanoseconds: 9), priority: EventPriority(200))
    scheduler.scheduleStream("stream", at: t, priority: EventPriority(0))
    var fired: [String] = []
    while let e = scheduler.next(until: .distantFuture) { fired.append(e) }
    // Same time and priority as "heap-first": the stream event goes first (documented tie rule).
    #expect(fired == ["heap-earlier", "stream", "heap-first", "heap-normal"])
  }

  @Test func everyHandedOutEventIsCountedStreamIncluded() {
    var scheduler = EventScheduler<Int>()
    scheduler.schedule(1, at: SimTime(nanoseconds: 1))
    scheduler.scheduleStream(2, at: SimTime(nanoseconds: 2), priority: EventPriority(0))
    scheduler.schedule(3, at: SimTime(nanoseconds: 3))
    #expect(scheduler.nextEventTime == SimTime(nanoseconds: 1))
    var count = 0
    while scheduler.next(until: .distantFuture) != nil { count += 1 }
    #expect(count == 3)
    #expect(scheduler.eventsProcessed == 3)
    #expect(scheduler.nextEventTime == nil)
  }

  @Test func streamEventPastTheHorizonStaysPending() {
    var scheduler = EventScheduler<Int>()
    scheduler.scheduleStream(7, at: SimTime(nanoseconds: 100), priority: EventPriority(0))
    #expect(scheduler.next(until: SimTime(nanoseconds: 99)) == nil)
    #expect(scheduler.nextEventTime == SimTime(nanoseconds: 100))
    #expect(scheduler.next(until: SimTime(nanoseconds: 100)) == 7)
  }
}
