import SimulationKernel
import Testing

@testable import PipelineModel

@Suite struct SynchronousClientTests {
  @Test func clientRetriesItsAllowanceThenGivesUp() {
    var client = SynchronousClient(retries: 2, seed: 1)
    var scheduler = EventScheduler<PipelineEvent>()
    let slot = client.open(SQSQueueTests.record(1))
    let retried = client.retryLater(slot, scheduler: &scheduler)
    #expect(retried)
    let retried2 = client.retryLater(slot, scheduler: &scheduler)
    #expect(retried2)
    let retried3 = client.retryLater(slot, scheduler: &scheduler)
    #expect(!retried3)
    #expect(scheduler.pendingCount == 2)
    // The first retry's event is stale once a second retry is scheduled.
    let isCurrent = client.isCurrent(.retry(request: slot, attempt: 1))
    #expect(!isCurrent)
    let isCurrent2 = client.isCurrent(.retry(request: slot, attempt: 2))
    #expect(isCurrent2)
  }

  /// Full jitter: the n-th wait is uniform on [0, 2^(n-1)) s.
  @Test func retryWaitsStayWithinTheirJitterCaps() {
    var client = SynchronousClient(retries: 3, seed: 9)
    var scheduler = EventScheduler<PipelineEvent>()
    for n in 0..<200 {
      let slot = client.open(SQSQueueTests.record(UInt32(n)))
      _ = client.retryLater(slot, scheduler: &scheduler)
    }
    var latest = SimTime.zero
    while scheduler.next(until: .distantFuture) != nil { latest = scheduler.now }
    #expect(latest < .zero + .seconds(1))
    #expect(latest > .zero + .milliseconds(900), "200 draws of U(0,1) s reach past 0.9 s")
  }
}
