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
    let started = esm.startPoller()
    let p = try #require(started)
    let outcome = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    #expect(outcome == .full)
    let batch = esm.pollers[Int(p)].deliveries.count
    #expect(batch == 10)
    let inFlightCount = queue.inFlightCount
    let visibleCount = queue.visibleCount
    #expect(inFlightCount == 10 && visibleCount == 15)
    #expect(recorder.totals[.sqsReceiveRequests] == 1)
  }

  /// §2 "MaximumBatchingWindowInSeconds": a short batch waits for the window.
  @Test func shortBatchGathersUntilTheWindowCloses() throws {
    var esm = Self.mapping(batch: 10, window: .seconds(5))
    var queue = Self.queue(messages: 3)
    var recorder = MetricsRecorder(configuration: TestConfigurations.base(rate: 1, duration: .minutes(1)))
    var scheduler = EventScheduler<PipelineEvent>()
    let started = esm.startPoller()
    let p = try #require(started)
    let outcome = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    #expect(outcome == .gathering)
    let gatherer = esm.gatherer
    #expect(gatherer == p)
    #expect(scheduler.nextEventTime == .zero + .seconds(5))
    guard case .eventSource(.windowClosed(let batch)) = scheduler.next(until: .distantFuture) else {
      Issue.record("expected the window to close")
      return
    }
    let closeWindow = esm.closeWindow(batch)
    #expect(closeWindow)
    let gatherer2 = esm.gatherer
    #expect(gatherer2 == nil)
  }

  @Test func pollerOnAnEmptyQueueWaitsIdle() throws {
    var esm = Self.mapping(batch: 10, window: .zero)
    var queue = Self.queue(messages: 0)
    var recorder = MetricsRecorder(configuration: TestConfigurations.base(rate: 1, duration: .minutes(1)))
    var scheduler = EventScheduler<PipelineEvent>()
    let started = esm.startPoller()
    let p = try #require(started)
    let outcome = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    #expect(outcome == .idle)
    let idlePollers = esm.idlePollers.last
    #expect(idlePollers == p)
    let emptyLongPolls = esm.emptyLongPolls(now: .zero + .seconds(19))
    #expect(emptyLongPolls == 0)
    let emptyLongPolls2 = esm.emptyLongPolls(now: .zero + .seconds(20))
    #expect(emptyLongPolls2 == 1, "§1 Long polling: 20 s")
  }

  /// §2 "Behaviour when the function is throttled": retries back off, never past the timeout.
  @Test func throttledBatchRetriesUntilItsVisibilityTimeout() throws {
    var esm = Self.mapping(batch: 1, window: .zero)
    var queue = Self.queue(messages: 1)
    var recorder = MetricsRecorder(configuration: TestConfigurations.base(rate: 1, duration: .minutes(1)))
    var scheduler = EventScheduler<PipelineEvent>()
    let started = esm.startPoller()
    let p = try #require(started)
    _ = esm.poll(p, queue: &queue, now: .zero, recorder: &recorder, scheduler: &scheduler)
    let stillRetrying = esm.throttled(p, now: .zero, visibilityTimeout: .seconds(3), scheduler: &scheduler)
    #expect(stillRetrying)
    #expect(scheduler.nextEventTime == .zero + .seconds(1))
    let stillRetrying2 = esm.throttled(
      p, now: .zero + .seconds(1), visibilityTimeout: .seconds(3), scheduler: &scheduler)
    #expect(stillRetrying2)
    #expect(scheduler.pendingCount == 2)
    let stillRetrying3 = esm.throttled(
      p, now: .zero + .seconds(3), visibilityTimeout: .seconds(3), scheduler: &scheduler)
    #expect(!stillRetrying3)
  }
}
