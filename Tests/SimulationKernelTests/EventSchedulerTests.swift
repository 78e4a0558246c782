import Testing

@testable import SimulationKernel

private enum Ping { case tick(Int), stop }

private struct Recorder: EventHandler {
  var seen: [(SimTime, Int)] = []
  mutating func handle(_ event: Ping, scheduler: inout EventScheduler<Ping>) {
    if case .tick(let n) = event {
      seen.append((scheduler.now, n))
      scheduler.schedule(.tick(n + 1), after: .seconds(1))
    }
  }
}

@Suite struct EventSchedulerTests {
  @Test func horizonIsRespectedAndClockEndsAtIt() {
    var scheduler = EventScheduler<Ping>()
    scheduler.schedule(.tick(0), at: .zero)
    var recorder = Recorder()
    scheduler.run(until: SimTime(nanoseconds: 10_500_000_000), handler: &recorder)
    #expect(recorder.seen.count == 11)  // t = 0 … 10 s
    #expect(recorder.seen.last?.0 == SimTime(nanoseconds: 10_000_000_000))
    #expect(scheduler.now == SimTime(nanoseconds: 10_500_000_000))
    #expect(scheduler.pendingCount == 1 && scheduler.nextEventTime == SimTime(nanoseconds: 11_000_000_000))
    #expect(scheduler.eventsProcessed == 11)
  }

  @Test func eventExactlyAtTheHorizonIsHandled() {
    var scheduler = EventScheduler<Ping>()
    scheduler.schedule(.stop, at: SimTime(nanoseconds: 7))
    #expect(scheduler.next(until: SimTime(nanoseconds: 6)) == nil)
    #expect(scheduler.next(until: SimTime(nanoseconds: 7)) != nil)
  }

  @Test func clockNeverRunsBackwards() {
    var scheduler = EventScheduler<Int>()
    var rng = TestRNG(seed: 9)
    for i in 0..<1_000 { scheduler.schedule(i, at: SimTime(nanoseconds: Int64(rng.next() % 1_000_000))) }
    var last = SimTime.zero
    while let e = scheduler.next(until: .distantFuture) {
      #expect(scheduler.now >= last)
      last = scheduler.now
      if e % 2 == 0 { scheduler.schedule(e + 1, after: .nanoseconds(Int64(rng.next() % 1_000))) }
    }
  }

  @Test func schedulingIntoThePastTraps() async {
    await #expect(processExitsWith: .failure) {
      var scheduler = EventScheduler<Int>()
      scheduler.schedule(1, at: SimTime(nanoseconds: 10))
      _ = scheduler.next(until: .distantFuture)
      scheduler.schedule(2, at: SimTime(nanoseconds: 5))
    }
  }

  @Test func durationsRenderInTheirShortestUnit() {
    #expect(SimDuration.milliseconds(250).description == "250ms")
    #expect(SimDuration.minutes(15).description == "15m")
    #expect(SimDuration.days(4).description == "4d")
    #expect(SimDuration(seconds: 1.5).description == "1500ms")
    #expect(SimDuration(seconds: 0.25).nanoseconds == 250_000_000)
  }
}
