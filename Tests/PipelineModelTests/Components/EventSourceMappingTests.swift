import SimulationKernel
import Testing

@testable import PipelineModel

/// The event source mapping alone (aws-behaviour.md §2).
@Suite struct EventSourceMappingTests {
  static func mapping(batch: Int, window: SimDuration) -> EventSourceMapping {
    var c = EventSourceConfiguration()
    c.batchSize = batch
    c.batchingWindow = window
    return EventSourceMapping(configuration: c, accountAvailable: 1_000)
  }

  static func queue(messages: Int) -> SQSQueue {
    var queue = SQSQueue(configuration: QueueConfiguration(), seed: 1)
    for n in 0..<messages {
      _ = queue.send(SQSQueueTests.record(UInt32(n)))
    }
    return queue
  }

  @Test func pollerTakesAFullBatchAndInvokes() throws {
    var esm = Self.mapping(batch: 10, window: .zero)
    var queue = Self.queue(messages: 25)
    var recorder = MetricsRecorder(configuration: TestConfigurations.base(rate: 1, duration: .minutes(1)))
    var scheduler = EventScheduler<PipelineEvent>()
    let v1 = esm.startPoller()
    let p = try #require(v1)
    let v2 = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    #expect(v2 == .full)
    let v3 = esm.pollers
    #expect(v3[Int(p)].deliveries.count == 10)
    let v4 = queue.inFlightCount
    let v5 = queue.visibleCount
    #expect(v4 == 10 && v5 == 15)
    #expect(recorder.totals[.sqsReceiveRequests] == 1)
  }

  /// §2 "MaximumBatchingWindowInSeconds": a short batch waits for the window.
  @Test func shortBatchGathersUntilTheWindowCloses() throws {
    var esm = Self.mapping(batch: 10, window: .seconds(5))
    var queue = Self.queue(messages: 3)
    var recorder = MetricsRecorder(configuration: TestConfigurations.base(rate: 1, duration: .minutes(1)))
    var scheduler = EventScheduler<PipelineEvent>()
    let v6 = esm.startPoller()
    let p = try #require(v6)
    let v7 = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    #expect(v7 == .gathering)
    let v8 = esm.gatherer
    #expect(v8 == p)
    #expect(scheduler.nextEventTime == .zero + .seconds(5))
    guard case .eventSource(.windowClosed(let batch)) = scheduler.next(until: .distantFuture) else {
      Issue.record("expected the window to close")
      return
    }
    let v9 = esm.closeWindow(batch)
    #expect(v9)
    let v10 = esm.gatherer
    #expect(v10 == nil)
  }

  @Test func pollerOnAnEmptyQueueWaitsIdle() throws {
    var esm = Self.mapping(batch: 10, window: .zero)
    var queue = Self.queue(messages: 0)
    var recorder = MetricsRecorder(configuration: TestConfigurations.base(rate: 1, duration: .minutes(1)))
    var scheduler = EventScheduler<PipelineEvent>()
    let v11 = esm.startPoller()
    let p = try #require(v11)
    let v12 = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    #expect(v12 == .idle)
    let v13 = esm.idlePollers.last
    #expect(v13 == p)
    let v14 = esm.emptyLongPolls(now: .zero + .seconds(19))
    #expect(v14 == 0)
    let v15 = esm.emptyLongPolls(now: .zero + .seconds(20))
    #expect(v15 == 1, "§1 Long polling: 20 s")
  }

  /// §2 "Behaviour when the function is throttled": retries back off, never past the timeout.
  @Test func throttledBatchRetriesUntilItsVisibilityTimeout() throws {
    var esm = Self.mapping(batch: 1, window: .zero)
    var queue = Self.queue(messages: 1)
    var recorder = MetricsRecorder(configuration: TestConfigurations.base(rate: 1, duration: .minutes(1)))
    var scheduler = EventScheduler<PipelineEvent>()
    let v16 = esm.startPoller()
    let p = try #require(v16)
    _ = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    let v17 = esm.throttled(p, now: .zero, visibilityTimeout: .seconds(3), scheduler: &scheduler)
    #expect(v17)
    #expect(scheduler.nextEventTime == .zero + .seconds(1))
    let v18 = esm.throttled(p, now: .zero + .seconds(1), visibilityTimeout: .seconds(3), scheduler: &scheduler)
    #expect(v18)
    #expect(scheduler.pendingCount == 2)
    let v19 = esm.throttled(p, now: .zero + .seconds(3), visibilityTimeout: .seconds(3), scheduler: &scheduler)
    #expect(!v19)
  }
}
