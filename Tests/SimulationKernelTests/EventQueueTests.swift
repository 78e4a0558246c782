import Testing

@testable import SimulationKernel

@Suite struct EventQueueTests {
  @Test func simultaneousEventsPopInTheOrderTheyWereScheduled() {
    var queue = EventQueue<Int>()
    let t = SimTime(nanoseconds: 5_000)
    for i in 0..<100 { queue.insert(i, at: t) }
    queue.insert(-1, at: SimTime(nanoseconds: 4_999))
    #expect(queue.popMin()?.event == -1)
    for i in 0..<100 { #expect(queue.popMin()?.event == i) }
    #expect(queue.popMin() == nil)
  }

  /// A differential test: many interleaved inserts and pops against a sorted reference list.
  /// `spread` 50 ns keeps every event in the near lane; 3 s puts a third of them in the far
  /// lane, so pops alternate between the lanes.
  @Test(arguments: [1 as UInt64, 2, 3, 42, 2026], [50 as UInt64, 3_000_000_000])
  func randomizedScheduleMatchesSortedReference(seed: UInt64, spread: UInt64) {
    var rng = TestRNG(seed: seed)
    var queue = EventQueue<Int>()
    var reference: [(time: Int64, seq: Int)] = []
    var seq = 0
    var now: Int64 = 0
    var popped = 0
    for _ in 0..<20_000 {
      if rng.next() % 3 != 0 || reference.isEmpty {
        // few distinct times so that ties are common
        let time = now + Int64(rng.next() % spread)
        queue.insert(seq, at: SimTime(nanoseconds: time))
        reference.append((time, seq))
        seq += 1
      } else {
        reference.sort { ($0.time, $0.seq) > ($1.time, $1.seq) }  // nearly sorted: cheap
        let expected = reference.removeLast()
        let entry = queue.popMin()!
        #expect(entry.time.nanoseconds == expected.time && entry.event == expected.seq)
        now = entry.time.nanoseconds
        popped += 1
      }
    }
    reference.sort { ($0.time, $0.seq) < ($1.time, $1.seq) }
    for expected in reference {
      let entry = queue.popMin()!
      #expect(entry.time.nanoseconds == expected.time && entry.event == expected.seq)
    }
    #expect(queue.isEmpty && popped > 3_000)
  }

  @Test func farEventsWaitInTheirOwnLaneAndStillPopInOrder() {
    var queue = EventQueue<Int>()
    queue.insert(1, at: SimTime(nanoseconds: 30_000_000_000))  // a visibility timeout: far
    queue.insert(2, at: SimTime(nanoseconds: 5_000_000))  // a handler step: near
    queue.insert(3, at: SimTime(nanoseconds: 30_000_000_000), priority: EventPriority(0))
    #expect(queue.near.storage.count == 1 && queue.far.storage.count == 2)
    #expect(queue.popMin()?.event == 2)
    #expect(queue.popMin()?.event == 3)  // same instant, lower priority first, across lanes
    queue.insert(4, at: SimTime(nanoseconds: 30_000_000_000))  // now near: the clock moved
    #expect(queue.near.storage.count == 1)
    #expect(queue.popMin()?.event == 1)
    #expect(queue.popMin()?.event == 4)
    #expect(queue.popMin() == nil)
  }

  @Test func storageIsReusedWithoutGrowingInSteadyState() {
    var queue = EventQueue<Int>()
    queue.reserveCapacity(1_024)
    for i in 0..<1_000 { queue.insert(i, at: SimTime(nanoseconds: Int64(i))) }
    let capacity = queue.capacity
    for i in 0..<100_000 {
      let e = queue.popMin()!
      queue.insert(e.event, at: e.time + .nanoseconds(Int64(i % 997)))
    }
    #expect(queue.capacity == capacity)
  }
}

/// xorshift64* for tests, independent of the code under test.
struct TestRNG {
  var state: UInt64
  init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9 : seed }
  mutating func next() -> UInt64 {
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27
    return state &* 2_685_821_657_736_338_717
  }
}
