import DequeModule
import OrderValidation
import Randomness
import SimulationKernel

/// The decoupled architecture: producer → SQS standard queue → Lambda through the event source
/// mapping → DynamoDB, with a DLQ (DESIGN.md, "Models"). One value owns every component and
/// handles every event in a `switch`; arrivals are merged into the event loop without going
/// through the event queue, because there is always exactly one next arrival.
struct DecoupledPipeline: ~Copyable {
  let configuration: PipelineConfiguration
  var scheduler = EventScheduler<PipelineEvent>(expectedPending: 4_096)
  var feed: OrderFeed
  var nextArrival: PreparedOrder?
  var queue: SQSQueue
  var esm: EventSourceMapping
  var lambda: LambdaService
  var table: DynamoDBTable
  var recorder: MetricsRecorder
  let retryPolicy: SDKRetryPolicy
  let horizon: SimTime

  // Random streams, one per concern (DESIGN.md "Engine": named streams).
  var deliveryStream: RandomStream
  var durationStream: RandomStream
  var coldStartStream: RandomStream
  var tableStream: RandomStream
  var retryStream: RandomStream

  let perInvocation: Distribution.Sampler
  let perMessage: Distribution.Sampler
  let coldStart: Distribution.Sampler
  let tableLatency: Distribution.Sampler

  var pollers: [Poller]
  /// Pollers waiting on an empty queue, longest-waiting first: new messages go to the most
  /// recently idle, so the surplus ones wait out a whole long poll and can be retired.
  var idlePollers = Deque<UInt32>()
  var activePollers = 0
  var gatherer: UInt32?
  var receivedSinceTick = false
  var maxPollerIndexUsed = 0
  /// Failed deliveries waiting out their visibility timeout.
  var returns = EventQueue<ReturningMessage>()

  struct ReturningMessage {
    var slot: UInt32
    var order: UInt32
    var receiveCount: UInt16
  }

  init(_ configuration: PipelineConfiguration, prefetch: Bool) {
    self.configuration = configuration
    let seed = configuration.seed
    horizon = SimTime(nanoseconds: configuration.duration.nanoseconds)
    feed = OrderFeed(configuration, prefetch: prefetch)
    retryPolicy = SDKRetryPolicy(configuration.retries)
    queue = SQSQueue(configuration: configuration.queue)
    lambda = LambdaService(configuration: configuration.lambda)
    let accountAvailable = max(
      0, configuration.lambda.accountConcurrency - configuration.lambda.otherFunctionsConcurrency)
    esm = EventSourceMapping(configuration: configuration.eventSource, accountAvailable: accountAvailable)
    table = DynamoDBTable(configuration: configuration.table, startEpochSeconds: configuration.startEpochSeconds)
    recorder = MetricsRecorder(configuration: configuration)
    deliveryStream = RandomStream(seed: seed, name: "queue.delivery")
    durationStream = RandomStream(seed: seed, name: "lambda.duration")
    coldStartStream = RandomStream(seed: seed, name: "lambda.cold_start")
    tableStream = RandomStream(seed: seed, name: "table.latency")
    retryStream = RandomStream(seed: seed, name: "sdk.retries")
    perInvocation = configuration.lambda.perInvocation.sampler()
    perMessage = configuration.lambda.perMessage.sampler()
    coldStart = configuration.lambda.coldStart.sampler()
    tableLatency = configuration.table.latency.sampler()
    pollers = [Poller](repeating: Poller(), count: esm.ceiling)
  }

  // MARK: - The run loop

  /// When and at what size the backlog passed `configuration.maxBacklog`; the run stops there.
  var backlogExceeded: (at: SimTime, backlog: Int)?

  mutating func run(progress: ((SimTime) -> Void)?) -> SimTime {
    nextArrival = feed.next()
    scheduler.schedule(.scalingTick, at: SimTime(nanoseconds: 1_000_000_000))
    scheduler.schedule(
      .reportTick, at: SimTime(nanoseconds: min(configuration.interval.nanoseconds, horizon.nanoseconds)))
    adjustPollers()
    var ticker = ProgressTicker(report: progress)
    while true {
      let eventTime = scheduler.nextEventTime ?? .distantFuture
      let returnTime = returns.nextTime ?? .distantFuture
      if let arrival = nextArrival, arrival.time <= eventTime.nanoseconds, arrival.time <= returnTime.nanoseconds,
        arrival.time <= horizon.nanoseconds
      {
        scheduler.advance(to: SimTime(nanoseconds: arrival.time))
        handleArrival(arrival)
        nextArrival = feed.next()
        continue
      }
      if returnTime <= eventTime, returnTime <= horizon {
        scheduler.advance(to: returnTime)
        let entry = returns.popMin()!
        returnMessage(entry.event)
        continue
      }
      guard let event = scheduler.next(until: horizon) else { break }
      handle(event)
      if backlogExceeded != nil { break }
      ticker.eventHandled(now: scheduler.now)
    }
    scheduler.advance(to: horizon)
    return scheduler.now
  }

  var now: SimTime { scheduler.now }

  mutating func handle(_ event: PipelineEvent) {
    switch event {
    case .windowClosed(let p, let g):
      if pollers[Int(p)].generation == g, pollers[Int(p)].state == .gathering {
        if gatherer == p { gatherer = nil }
        invoke(p)
      }
    case .invokeRetry(let p, let g):
      if pollers[Int(p)].generation == g { invoke(p) }
    case .writePhase(let p, let g):
      if pollers[Int(p)].generation == g { writePhase(p) }
    case .writeRetry(let p, let g):
      if pollers[Int(p)].generation == g { writeAttempt(p) }
    case .invocationEnd(let p, let g):
      if pollers[Int(p)].generation == g { finishInvocation(p) }
    case .visibilityExpired(let p, let g):
      if pollers[Int(p)].generation == g { visibilityExpired(p) }
    case .scalingTick:
      // Issue 13: stop an overloaded run (Simulation.run throws) before it eats the machine.
      let backlog = queue.visibleCount + queue.inFlightCount
      if backlog > configuration.maxBacklog {
        backlogExceeded = (now, backlog)
        return
      }
      scalingTick()
    case .reportTick:
      reportTick()
    case .clientRetry, .requestWrite, .requestEnd:
      break
    }
  }

  // MARK: - Producer

  mutating func handleArrival(_ order: PreparedOrder) {
    recorder.current.arrivals += 1
    recorder.arrived += 1
    var record = MessageRecord(
      sentAt: now.nanoseconds, orderNumber: order.number, twin: .max, receiveCount: 0, state: .visible,
      defect: order.defect, items: order.items, flags: [], lastFailure: 0, verdict: order.verdict, units: order.units)
    if order.defect == 0 { recorder.validOrders += 1 }
    let tooLarge = Int(order.bodyLength) > configuration.queue.maxMessageSize
    let first = send(record, tooLarge: tooLarge, isCopy: false)
    if order.sentTwice {
      record.twin = first ?? .max
      if let second = send(record, tooLarge: tooLarge, isCopy: true), let first { queue.messages[first].twin = second }
    }
  }

  /// `SendMessage`: rejected when the body is over the maximum message size (§1 "Maximum
  /// message size"); the factory's `oversized` bodies are the ones that are.
  mutating func send(_ record: MessageRecord, tooLarge: Bool, isCopy: Bool) -> UInt32? {
    recorder.ledger.sent += 1
    recorder.current.sent += 1
    recorder.sqsSendRequests += 1
    if tooLarge {
      recorder.ledger.rejectedAtSend += 1
      recorder.current.rejectedAtSend += 1
      if record.isValidOrder && !isCopy {
        // A valid order SQS refused never reaches the table: lost (its duplicate, if any, is
        // refused the same way, and counted once).
        recorder.lostOrders += 1
        recorder.current.lost += 1
      }
      return nil
    }
    let slot = queue.send(record)
    messagesBecameVisible()
    return slot
  }

  // MARK: - Pollers

  /// New visible messages: feed the gathering batch first, then wake idle pollers.
  mutating func messagesBecameVisible() {
    if let g = gatherer {
      fill(g)
      if pollers[Int(g)].deliveries.count >= configuration.eventSource.batchSize {
        gatherer = nil
        invoke(g)
      }
      if queue.visibleCount == 0 { return }
    }
    while queue.visibleCount > 0, let p = idlePollers.popLast() {
      poll(p)
    }
  }

  /// A poller receives what is visible, up to the batch size (§2 "How the ESM consumes").
  mutating func poll(_ p: UInt32) {
    let i = Int(p)
    if activePollers > esm.pollers {
      retire(p)
      return
    }
    pollers[i].state = .idle
    pollers[i].deliveries.removeAll(keepingCapacity: true)
    fill(p)
    if pollers[i].deliveries.isEmpty {
      pollers[i].idleSince = now.nanoseconds
      idlePollers.append(p)
      return
    }
    let window = configuration.eventSource.batchingWindow.nanoseconds
    if pollers[i].deliveries.count < configuration.eventSource.batchSize && window > 0 && gatherer == nil {
      pollers[i].state = .gathering
      gatherer = p
      scheduler.schedule(.windowClosed(poller: p, generation: pollers[i].generation), after: .nanoseconds(window))
      return
    }
    invoke(p)
  }

  /// Receives visible messages into the poller's batch: lazy redrive to the DLQ when a receive
  /// would exceed `maxReceiveCount` (§1), retention expiry, the in-flight limit (§1), extra
  /// copies (§1 "Delivery semantics").
  mutating func fill(_ p: UInt32) {
    let i = Int(p)
    let batchSize = configuration.eventSource.batchSize
    let limit = configuration.queue.inFlightLimit
    var received = 0
    while pollers[i].deliveries.count < batchSize, queue.inFlightCount < limit, let slot = queue.popVisible() {
      if queue.isExpired(slot, now: now) {
        expire(slot)
        continue
      }
      if queue.redrivesOnReceive(slot) {
        moveToDLQ(slot)
        continue
      }
      if pollers[i].deliveries.isEmpty {
        pollers[i].receivedAt = now.nanoseconds
        pollers[i].visibilityEventScheduled = false
      }
      queue.markReceived(slot)
      let record = queue.messages[slot]
      if record.receiveCount == 1 {
        recorder.queueWait.record(nanoseconds: now.nanoseconds - record.sentAt)
      }
      pollers[i].deliveries.append(
        Delivery(slot: slot, order: record.orderNumber, receiveCount: record.receiveCount, isExtraCopy: false))
      received += 1
      if configuration.queue.duplicateDelivery > 0, deliveryStream.bernoulli(configuration.queue.duplicateDelivery),
        pollers[i].deliveries.count < batchSize
      {
        pollers[i].deliveries.append(
          Delivery(slot: slot, order: record.orderNumber, receiveCount: record.receiveCount, isExtraCopy: true))
      }
    }
    if queue.inFlightCount >= limit && queue.visibleCount > 0 && recorder.saturation.inFlightLimit == nil {
      recorder.saturation.inFlightLimit = now.seconds
    }
    if received > 0 {
      receivedSinceTick = true
      recorder.sqsReceiveRequests += (received + 9) / 10
    }
  }

  mutating func retire(_ p: UInt32) {
    pollers[Int(p)].state = .retired
    pollers[Int(p)].generation &+= 1
    activePollers -= 1
  }

  /// Starts or retires pollers to match the mapping's target.
  mutating func adjustPollers() {
    let wanted = min(esm.pollers, pollers.count)
    while activePollers < wanted {
      guard let p = pollers.indices.first(where: { pollers[$0].state == .retired }) else { break }
      activePollers += 1
      pollers[p].state = .idle
      poll(UInt32(p))
    }
    while activePollers > wanted, let p = idlePollers.popFirst() {
      retire(p)
    }
  }

  // MARK: - Invocation

  /// Asks Lambda for a concurrency slot; a throttled batch keeps retrying until its visibility
  /// timeout runs out, then its messages return with a receive spent (§2 "Behaviour when the
  /// function is throttled").
  mutating func invoke(_ p: UInt32) {
    let i = Int(p)
    let visibilityDeadline = pollers[i].receivedAt + configuration.queue.visibilityTimeout.nanoseconds
    switch lambda.acquire(now: now) {
    case .throttled:
      if recorder.saturation.lambdaConcurrency == nil { recorder.saturation.lambdaConcurrency = now.seconds }
      recorder.lambdaThrottles += 1
      recorder.current.lambdaThrottles += 1
      if now.nanoseconds >= visibilityDeadline {
        dropThrottledBatch(p)
        return
      }
      pollers[i].state = .throttled
      let backoff = Int64(1_000_000_000) << min(pollers[i].invokeAttempts, 4)
      pollers[i].invokeAttempts += 1
      let retryAt = min(now.nanoseconds + backoff, visibilityDeadline)
      scheduler.schedule(.invokeRetry(poller: p, generation: pollers[i].generation), at: SimTime(nanoseconds: retryAt))
    case .warm:
      pollers[i].coldStart = false
      start(p)
    case .cold:
      pollers[i].coldStart = true
      recorder.coldStarts += 1
      recorder.current.coldStarts += 1
      start(p)
    }
  }

  mutating func start(_ p: UInt32) {
    let i = Int(p)
    pollers[i].state = .invoking
    pollers[i].invokeAttempts = 0
    pollers[i].startedAt = now.nanoseconds
    pollers[i].deadline = now.nanoseconds + configuration.lambda.timeout.nanoseconds
    pollers[i].writeAttempt = 0
    pollers[i].timedOut = false
    recorder.invocations += 1
    recorder.current.invocations += 1
    recorder.noteConcurrency(lambda.inUse)
    // Judge every body with the real validation core (issue 4 §6).
    var writes = 0
    for k in pollers[i].deliveries.indices {
      recorder.deliveries += 1
      let record = queue.messages[pollers[i].deliveries[k].slot]
      if record.verdict == 0 {
        pollers[i].deliveries[k].outcome = .needsWrite
        pollers[i].deliveries[k].units = record.units
        writes += 1
      } else {
        pollers[i].deliveries[k].outcome = .failed
        pollers[i].deliveries[k].failure = FailureReason(rawValue: record.verdict) ?? .malformedJSON
      }
    }
    pollers[i].pendingWrites = writes
    var busy = perInvocation.draw(&durationStream)
    for _ in 0..<pollers[i].deliveries.count { busy += perMessage.draw(&durationStream) }
    var initDelay: Int64 = 0
    if pollers[i].coldStart {
      let phase = InitPhase(seconds: coldStart.draw(&coldStartStream))
      initDelay = phase.delay
      pollers[i].deadline += phase.deadlineShift
      recorder.initMilliseconds += phase.billedMilliseconds
    }
    let writeAt = now.nanoseconds + initDelay + SimDuration(seconds: busy).nanoseconds
    schedule(p, .writePhase(poller: p, generation: pollers[i].generation), at: writeAt)
  }

  /// Schedules the next step of an invocation, or its kill at the function timeout
  /// (§3 "Timeout"); notes when the batch will outlive its visibility timeout.
  mutating func schedule(_ p: UInt32, _ event: PipelineEvent, at time: Int64) {
    let i = Int(p)
    var time = time
    var event = event
    if time >= pollers[i].deadline {
      time = pollers[i].deadline
      pollers[i].timedOut = true
      event = .invocationEnd(poller: p, generation: pollers[i].generation)
    }
    let visibilityDeadline = pollers[i].receivedAt + configuration.queue.visibilityTimeout.nanoseconds
    if time > visibilityDeadline && !pollers[i].visibilityEventScheduled {
      pollers[i].visibilityEventScheduled = true
      scheduler.schedule(
        .visibilityExpired(poller: p, generation: pollers[i].generation),
        at: SimTime(nanoseconds: max(visibilityDeadline, now.nanoseconds)))
    }
    scheduler.schedule(event, at: SimTime(nanoseconds: time))
  }

  mutating func writePhase(_ p: UInt32) {
    writeAttempt(p)
  }

  /// One round of `PutItem`s with `attribute_not_exists(order_id)` for the writes still
  /// pending: duplicates fail the condition but still consume capacity (§5 "Conditional write
  /// that fails"); throttled writes are retried by the SDK after its backoff (§4).
  mutating func writeAttempt(_ p: UInt32) {
    let i = Int(p)
    pollers[i].writeAttempt += 1
    var elapsed: Int64 = 0
    var stillPending = 0
    let attempt = pollers[i].writeAttempt
    for k in pollers[i].deliveries.indices where pollers[i].deliveries[k].outcome == .needsWrite {
      let d = pollers[i].deliveries[k]
      let writeTime = SimTime(nanoseconds: now.nanoseconds + elapsed)
      elapsed += SimDuration(seconds: tableLatency.draw(&tableStream)).nanoseconds
      switch table.write(units: Int(d.units), now: writeTime) {
      case .accepted:
        recorder.current.tableConsumedWCU += Double(d.units)
        let record = queue.messages[d.slot]
        let liveMessage = record.orderNumber == d.order && record.state != .free
        if liveMessage && !record.flags.contains(.written) && !record.flags.contains(.orderPersisted) {
          pollers[i].deliveries[k].outcome = .written
          queue.messages[d.slot].flags.insert(.written)
          recorder.endToEnd.record(nanoseconds: now.nanoseconds + elapsed - record.sentAt)
          let twin = record.twin
          if twin != .max, queue.messages[twin].orderNumber == d.order {
            queue.messages[twin].flags.insert(.orderPersisted)
          }
        } else {
          pollers[i].deliveries[k].outcome = .duplicate
          recorder.duplicateWrites += 1
        }
        retryPolicy.succeeded(onAttempt: attempt, tokens: &pollers[i].retryTokens)
      case .throttled(let reason):
        recorder.current.tableThrottles += 1
        recorder.noteTableThrottle(reason, at: now)
        if retryPolicy.mayRetry(afterAttempt: attempt, tokens: &pollers[i].retryTokens) {
          stillPending += 1
        } else {
          pollers[i].deliveries[k].outcome = .failed
          pollers[i].deliveries[k].failure = .tableThrottled
        }
      }
    }
    if stillPending > 0 {
      let sleep = retryPolicy.sleep(afterAttempt: attempt, &retryStream)
      schedule(p, .writeRetry(poller: p, generation: pollers[i].generation), at: now.nanoseconds + elapsed + sleep)
    } else {
      schedule(p, .invocationEnd(poller: p, generation: pollers[i].generation), at: now.nanoseconds + elapsed)
    }
  }

  /// The invocation returns (or was killed): delete what succeeded, return what failed.
  mutating func finishInvocation(_ p: UInt32) {
    let i = Int(p)
    lambda.release(now: now)
    let duration = now.nanoseconds - pollers[i].startedAt
    recorder.addDuration(nanoseconds: duration, memoryMB: configuration.lambda.memoryMB)
    let timedOut = pollers[i].timedOut
    var anyFailure = timedOut
    if !timedOut {
      for d in pollers[i].deliveries where d.outcome == .failed || d.outcome == .needsWrite {
        anyFailure = true
        break
      }
    }
    let partial = configuration.eventSource.reportBatchItemFailures && !timedOut
    if anyFailure && !partial {
      // A partial batch response is a successful invocation; only a thrown error or a timeout
      // is a function error that makes the mapping back off (§2 "Backoff on function errors").
      recorder.functionErrors += 1
      recorder.current.functionErrors += 1
      esm.backOff()
    }
    var deletes = 0
    for d in pollers[i].deliveries where !d.isExtraCopy {
      let succeeded = d.outcome == .written || d.outcome == .duplicate
      if succeeded && (!anyFailure || partial) {
        if settleSuccess(d) { deletes += 1 }
      } else {
        var reason = d.failure
        if timedOut {
          reason = .functionTimeout
        } else if succeeded || d.outcome == .needsWrite {
          reason = .batchFailed
        }
        if reason == .none { reason = .batchFailed }
        scheduleReturn(d, reason: reason, receivedAt: pollers[i].receivedAt)
      }
    }
    recorder.sqsDeleteRequests += (deletes + 9) / 10
    endBatch(p)
  }

  /// Deletes a processed message if this delivery still holds it; counts it in the ledger.
  mutating func settleSuccess(_ d: Delivery) -> Bool {
    let record = queue.messages[d.slot]
    guard record.orderNumber == d.order, record.state != .free, record.receiveCount == d.receiveCount else {
      return false  // deleted or re-received since: a stale receipt handle deletes nothing
    }
    if record.flags.contains(.written) {
      recorder.ledger.persisted += 1
      recorder.current.persisted += 1
    } else {
      recorder.ledger.duplicatesSuppressed += 1
      recorder.current.duplicatesSuppressed += 1
    }
    queue.delete(d.slot)
    messagesLeftFlight()
    return true
  }

  /// A failed message becomes visible again when its visibility timeout runs out.
  mutating func scheduleReturn(_ d: Delivery, reason: FailureReason, receivedAt: Int64) {
    let record = queue.messages[d.slot]
    guard record.orderNumber == d.order, record.receiveCount == d.receiveCount, record.state == .inFlight else {
      return
    }
    queue.messages[d.slot].lastFailure = reason.rawValue
    let visibleAt = receivedAt + configuration.queue.visibilityTimeout.nanoseconds
    let entry = ReturningMessage(slot: d.slot, order: d.order, receiveCount: d.receiveCount)
    if visibleAt <= now.nanoseconds {
      returnMessage(entry)
    } else {
      returns.insert(entry, at: SimTime(nanoseconds: visibleAt))
    }
  }

  mutating func returnMessage(_ entry: ReturningMessage) {
    let record = queue.messages[entry.slot]
    guard record.orderNumber == entry.order, record.receiveCount == entry.receiveCount, record.state == .inFlight else {
      return
    }
    if queue.isExpired(entry.slot, now: now) {
      queue.delete(entry.slot)
      recordExpiry(record)
      messagesLeftFlight()
      return
    }
    if queue.makeVisible(entry.slot, order: entry.order, receiveCount: entry.receiveCount) {
      messagesBecameVisible()
    }
  }

  /// The batch's visibility timeout ran out mid-processing: its messages can be received again
  /// while the first invocation still runs (§7.5), which is how duplicates arise.
  mutating func visibilityExpired(_ p: UInt32) {
    var any = false
    for d in pollers[Int(p)].deliveries where !d.isExtraCopy {
      if queue.makeVisible(d.slot, order: d.order, receiveCount: d.receiveCount) { any = true }
    }
    if any { messagesBecameVisible() }
  }

  /// A throttled batch whose visibility timeout ran out: Lambda drops it, its messages are
  /// visible again with the receive spent, and the mapping backs off.
  mutating func dropThrottledBatch(_ p: UInt32) {
    let i = Int(p)
    esm.backOff()
    recorder.throttledBatchesDropped += 1
    for d in pollers[i].deliveries where !d.isExtraCopy {
      scheduleReturn(d, reason: .lambdaThrottled, receivedAt: pollers[i].receivedAt)
    }
    endBatch(p)
  }

  mutating func endBatch(_ p: UInt32) {
    let i = Int(p)
    pollers[i].generation &+= 1
    pollers[i].invokeAttempts = 0
    pollers[i].deliveries.removeAll(keepingCapacity: true)
    poll(p)
  }

  /// In-flight messages were deleted: pollers blocked by the in-flight limit may receive again.
  @inline(__always)
  mutating func messagesLeftFlight() {
    if queue.inFlightCount + 1 == configuration.queue.inFlightLimit { messagesBecameVisible() }
  }

  // MARK: - Ledger movements

  mutating func moveToDLQ(_ slot: UInt32) {
    let record = queue.messages[slot]
    let reason = FailureReason(rawValue: record.lastFailure) ?? .none
    queue.moveToDLQ(slot)
    recorder.movedToDLQ(reason: reason, valid: record.isValidOrder)
  }

  mutating func expire(_ slot: UInt32) {
    let record = queue.messages[slot]
    queue.dropExpired(slot)
    recordExpiry(record)
  }

  mutating func recordExpiry(_ record: MessageRecord) {
    recorder.ledger.expired += 1
    recorder.current.expired += 1
    if record.isValidOrder && !record.flags.contains(.written) && !record.flags.contains(.orderPersisted) {
      recorder.lostOrders += 1
      recorder.current.lost += 1
    }
  }

  // MARK: - Periodic

  mutating func scalingTick() {
    esm.tick(
      now: now, messagesWaiting: queue.visibleCount > 0, receivedRecently: receivedSinceTick,
      emptyLongPolls: emptyLongPolls())
    receivedSinceTick = false
    recorder.idlePollerSeconds += Double(idlePollers.count)
    if activePollers >= esm.ceiling && queue.visibleCount > 0 && recorder.saturation.esmCeiling == nil {
      recorder.saturation.esmCeiling = now.seconds
    }
    adjustPollers()
    scheduler.schedule(.scalingTick, after: .seconds(1))
  }

  /// Idle pollers whose 20 s long poll has come back empty (§1 "Long polling"): the surplus the
  /// mapping may retire.
  func emptyLongPolls() -> Int {
    var count = 0
    for p in idlePollers {
      guard now.nanoseconds - pollers[Int(p)].idleSince >= EventSourceMapping.longPoll else { break }
      count += 1
    }
    return count
  }

  mutating func reportTick() {
    var expiredRecords: [MessageRecord] = []
    queue.sweepRetention(now: now) { expiredRecords.append($0) }
    for record in expiredRecords { recordExpiry(record) }
    var dlqExpired: [(UInt8, Bool)] = []
    queue.sweepDLQ(now: now) { dlqExpired.append(($0, $1)) }
    for (reason, valid) in dlqExpired {
      recorder.expiredFromDLQ(reason: FailureReason(rawValue: reason) ?? .none, valid: valid)
    }
    table.advance(to: now)
    recorder.closeInterval(
      at: now, queue: &queue, pollers: activePollers, lambdaLimit: lambda.limit, inUse: lambda.inUse,
      tableCapacity: table.writeCapacity)
    let next = now.nanoseconds + configuration.interval.nanoseconds
    if now < horizon {
      scheduler.schedule(.reportTick, at: SimTime(nanoseconds: min(next, horizon.nanoseconds)))
    }
  }

  // MARK: - Result

  mutating func finish(endedAt: SimTime) -> RunResult {
    if recorder.rows.last.map({ $0.timeSeconds < endedAt.seconds }) ?? true {
      reportTick()
    }
    // Messages still visible past their retention at the horizon are expired, as SQS would have.
    recorder.validations = feed.validations
    recorder.ledger.dlq = queue.dlqCount
    recorder.ledger.queued = queue.visibleCount
    recorder.ledger.inFlight = queue.inFlightCount
    return recorder.result(
      configuration: configuration, events: Int(scheduler.eventsProcessed) + recorder.arrived, endedAt: endedAt,
      table: table, lambdaLimit: lambda.limit, esmCeiling: esm.ceiling, memoryBytes: queue.footprintBytes)
  }
}
