import BasicContainers
import DequeModule
import SimulationKernel

/// The SQS event source mapping (aws-behaviour.md §2): its poller fleet, each poller's batch,
/// the batching window, and the fleet's scaling (``PollerScaling``, or
/// ``ProvisionedPollerScaling`` in provisioned mode).
///
/// It receives from the queue itself (``receive(into:from:now:recorder:)``) and keeps each
/// batch's state; the architecture hands a full batch to the function and the invocation's
/// result back to the mapping (``settle(_:deliveries:timedOut:)``).
struct EventSourceMapping: ~Copyable {
  let configuration: EventSourceConfiguration
  var scaling: PollerScalingPolicy
  /// Provisioned mode's read throughput (§2 "Provisioned mode for SQS ESM"); nil in standard mode.
  var throughput: PollerThroughput?
  /// Noncopyable, so writing a poller's fields checks no buffer's uniqueness (``LambdaFunction``).
  var pollers: UniqueArray<Poller>
  /// Pollers waiting on an empty queue, longest-waiting first: new messages go to the most
  /// recently idle, so the surplus ones wait out a whole long poll and can be retired.
  var idlePollers = Deque<UInt32>()
  private(set) var activePollers = 0
  /// The poller whose batch is gathering messages until its batching window closes.
  var gatherer: UInt32?
  /// Whether any poller received a message since the last scaling tick.
  var receivedSinceTick = false

  init(configuration: EventSourceConfiguration, accountAvailable: Int) {
    self.configuration = configuration
    scaling = PollerScalingPolicy(configuration: configuration, accountAvailable: accountAvailable)
    pollers = UniqueArray(repeating: Poller(), count: scaling.ceiling)
    if configuration.provisionedMode != nil { throughput = PollerThroughput(eventPollers: scaling.eventPollers) }
  }

  var ceiling: Int { scaling.ceiling }
  var batchSize: Int { configuration.batchSize }

  /// Whether `batch` is the poller's current batch (events of ended batches are stale).
  @inline(__always)
  func isCurrent(_ batch: BatchHandle) -> Bool { pollers[Int(batch.poller)].generation == batch.generation }

  func handle(of p: UInt32) -> BatchHandle { BatchHandle(poller: p, generation: pollers[Int(p)].generation) }

  // MARK: - Receiving

  /// What a poller does after a receive.
  enum PollOutcome { case retired, idle, gathering, full }

  /// A poller receives what is visible, up to the batch size (§2 "How the ESM consumes"); it
  /// waits on an empty queue, gathers while its batching window is open, or has a batch to invoke.
  mutating func poll(
    _ p: UInt32, queue: inout SQSQueue, now: SimTime, recorder: inout MetricsRecorder,
    scheduler: inout EventScheduler<PipelineEvent>
  ) -> PollOutcome {
    let i = Int(p)
    if activePollers > scaling.pollers {
      retire(p)
      return .retired
    }
    pollers[i].state = .idle
    if !pollers[i].deliveries.isEmpty { pollers[i].deliveries.removeAllFromEnd() }
    receive(into: p, from: &queue, now: now, recorder: &recorder)
    if pollers[i].deliveries.isEmpty {
      pollers[i].idleSince = now
      idlePollers.append(p)
      return .idle
    }
    let window = configuration.batchingWindow
    if pollers[i].deliveries.count < batchSize && window > .zero && gatherer == nil {
      pollers[i].state = .gathering
      gatherer = p
      scheduler.schedule(.eventSource(.windowClosed(handle(of: p))), after: window)
      return .gathering
    }
    return .full
  }

  /// Receives visible messages into the poller's batch: lazy redrive to the DLQ when a receive
  /// would exceed `maxReceiveCount` (§1), retention expiry, the in-flight limit (§1), extra
  /// copies (§1 "Delivery semantics").
  mutating func receive(into p: UInt32, from queue: inout SQSQueue, now: SimTime, recorder: inout MetricsRecorder) {
    let i = Int(p)
    var received = 0
    while pollers[i].deliveries.count < batchSize, queue.canReceive, let slot = queue.popVisible() {
      if queue.isExpired(slot, now: now) {
        let record = queue.messages[slot]
        recorder.messageExpired(record, fate: queue.depart(slot))
        continue
      }
      if queue.redrivesOnReceive(slot) {
        let record = queue.messages[slot]
        if queue.moveToDLQ(slot) { recorder.parkedInDLQ(record, end: queue.parkingHorizon) }
        recorder.movedToDLQ(record)
        continue
      }
      if pollers[i].deliveries.isEmpty { pollers[i].receivedAt = now }
      queue.markReceived(slot)
      let record = queue.messages[slot]
      if record.receiveCount == 1 { recorder.queueWait.record(now - record.sentAt) }
      let receipt = ReceiptHandle(slot: slot, order: record.orderNumber, receiveCount: record.receiveCount)
      pollers[i].deliveries.append(Delivery(receipt: receipt, isExtraCopy: false))
      received += 1
      if queue.deliversExtraCopy(), pollers[i].deliveries.count < batchSize {
        pollers[i].deliveries.append(Delivery(receipt: receipt, isExtraCopy: true))
      }
    }
    if !queue.canReceive && queue.visibleCount > 0 && recorder.saturation.inFlightLimit == nil {
      recorder.saturation.inFlightLimit = now.seconds
    }
    if received > 0 {
      receivedSinceTick = true
      recorder.count(.sqsReceiveRequests, by: (received + 9) / 10)
    }
  }

  /// The gathering batch took messages: it is full, or keeps gathering.
  mutating func gathererIsFull() -> UInt32? {
    guard let g = gatherer, pollers[Int(g)].deliveries.count >= batchSize else { return nil }
    gatherer = nil
    return g
  }

  /// The batching window of `batch` closed: the batch is invoked if it is still gathering.
  mutating func closeWindow(_ batch: BatchHandle) -> Bool {
    guard pollers[Int(batch.poller)].state == .gathering else { return false }
    if gatherer == batch.poller { gatherer = nil }
    return true
  }

  // MARK: - The fleet

  mutating func retire(_ p: UInt32) {
    pollers[Int(p)].state = .retired
    pollers[Int(p)].generation &+= 1
    activePollers -= 1
  }

  /// A retired poller to start, if the fleet is below its target and has one.
  mutating func startPoller() -> UInt32? {
    guard activePollers < min(scaling.pollers, pollers.count),
      let p = pollers.indices.first(where: { pollers[$0].state == .retired })
    else { return nil }
    activePollers += 1
    pollers[p].state = .idle
    return UInt32(p)
  }

  /// Retires idle pollers above the fleet's target.
  mutating func retireSurplus() {
    while activePollers > min(scaling.pollers, pollers.count), let p = idlePollers.popFirst() {
      retire(p)
    }
  }

  /// One scaling decision (§2), once a second.
  mutating func scalingTick(now: SimTime, messagesWaiting: Bool, recorder: inout MetricsRecorder) {
    scaling.tick(
      now: now, messagesWaiting: messagesWaiting, receivedRecently: receivedSinceTick,
      emptyLongPolls: emptyLongPolls(now: now))
    receivedSinceTick = false
    recorder.count(.idlePollerSeconds, by: idlePollers.count)
    recorder.eventPollerSeconds += Double(scaling.eventPollers)
    if activePollers >= scaling.ceiling && messagesWaiting && recorder.saturation.esmCeiling == nil {
      recorder.saturation.esmCeiling = now.seconds
    }
  }

  /// Idle pollers whose 20 s long poll has come back empty (§1 "Long polling"): the surplus the
  /// mapping may retire.
  func emptyLongPolls(now: SimTime) -> Int {
    var count = 0
    for p in idlePollers {
      guard now - pollers[Int(p)].idleSince >= PollerScaling.longPoll else { break }
      count += 1
    }
    return count
  }

  // MARK: - Invocation results

  /// A throttled batch waits before asking again: 1 s, doubling to 16 s, never past its
  /// visibility timeout (§2 "Behaviour when the function is throttled"). Returns false when the
  /// visibility timeout has run out: the batch is dropped.
  mutating func throttled(
    _ p: UInt32, now: SimTime, visibilityTimeout: SimDuration, scheduler: inout EventScheduler<PipelineEvent>
  ) -> Bool {
    let i = Int(p)
    let visibilityDeadline = pollers[i].receivedAt + visibilityTimeout
    if now >= visibilityDeadline { return false }
    pollers[i].state = .throttled
    let backoff = SimDuration.seconds(1) * (1 << Int64(min(pollers[i].invokeAttempts, 4)))
    pollers[i].invokeAttempts += 1
    scheduler.schedule(.eventSource(.invokeRetry(handle(of: p))), at: min(now + backoff, visibilityDeadline))
    return true
  }

  /// One batch failed with a function error or was throttled out: back off by one batch (§2).
  mutating func backOff() { scaling.backOff() }

  /// The batch is over: its poller polls again.
  mutating func endBatch(_ p: UInt32) {
    let i = Int(p)
    pollers[i].generation &+= 1
    pollers[i].invokeAttempts = 0
    if !pollers[i].deliveries.isEmpty { pollers[i].deliveries.removeAllFromEnd() }
  }
}
