import SimulationKernel

/// The decoupled architecture: producer → SQS standard queue → Lambda through the event source
/// mapping → DynamoDB, with a DLQ (DESIGN.md, "Models"). The wiring between the components:
/// each event goes to the component that owns it, and what one component produces (visible
/// messages, a full batch, an ended invocation) is handed to the next.
struct DecoupledPipeline: ~Copyable {
  let configuration: PipelineConfiguration
  var scheduler = EventScheduler<PipelineEvent>(expectedPending: 4_096)
  var producer: Producer
  var queue: SQSQueue
  var esm: EventSourceMapping
  var lambda: LambdaFunction
  var table: DynamoDBTable
  var recorder: MetricsRecorder
  var deployments: DeploymentGroup
  let horizon: SimTime

  init(_ configuration: PipelineConfiguration, prefetch: Bool) {
    self.configuration = configuration
    horizon = SimTime.zero + configuration.duration
    producer = Producer(configuration, prefetch: prefetch)
    queue = SQSQueue(configuration: configuration.queue, seed: configuration.seed)
    queue.parkingHorizon = horizon
    lambda = LambdaFunction(configuration: configuration)
    let accountAvailable = max(
      0, configuration.lambda.accountConcurrency - configuration.lambda.otherFunctionsConcurrency)
    esm = EventSourceMapping(configuration: configuration.eventSource, accountAvailable: accountAvailable)
    table = DynamoDBTable(
      configuration: configuration.table, startEpochSeconds: configuration.startEpochSeconds, seed: configuration.seed)
    recorder = MetricsRecorder(configuration: configuration)
    deployments = DeploymentGroup(configuration: configuration)
  }

  var now: SimTime { scheduler.now }

  // MARK: - The run loop

  /// When and at what size the backlog passed `configuration.maxBacklog`; the run stops there.
  var backlogExceeded: (at: SimTime, backlog: Int)?

  mutating func run(progress: ((SimTime) -> Void)?) -> SimTime {
    producer.scheduleNext(&scheduler)
    scheduler.schedule(.eventSource(.scalingTick), at: .zero + .seconds(1))
    scheduler.schedule(.reportTick, at: min(.zero + configuration.interval, horizon))
    deployments.schedule(&scheduler)
    adjustPollers()
    var ticker = ProgressTicker(report: progress)
    while let event = scheduler.next(until: horizon) {
      handle(event)
      if backlogExceeded != nil { break }
      ticker.eventHandled(now: scheduler.now)
    }
    scheduler.advance(to: horizon)
    return scheduler.now
  }

  mutating func handle(_ event: PipelineEvent) {
    switch event {
    case .arrival:
      if let order = producer.take() { handleArrival(order) }
      producer.scheduleNext(&scheduler)
    case .queue(.delayEnds):
      delayEnded()
    case .queue(let e):
      settleReturn(queue.handle(e, now: now))
    case .eventSource(let e):
      if let batch = e.batch, !esm.isCurrent(batch) { return }
      handle(e)
    case .function(let e):
      guard lambda.isCurrent(e.invocation) else { return }
      handle(e)
    case .reportTick:
      reportTick()
    case .deployment(let e):
      handleDeployment(e)
    case .client:
      break
    }
  }

  mutating func handle(_ event: EventSourceEvent) {
    switch event {
    case .windowClosed(let batch):
      if esm.closeWindow(batch) { invoke(batch.poller) }
    case .invokeRetry(let batch):
      invoke(batch.poller)
    case .visibilityExpired(let batch):
      visibilityExpired(batch.poller)
    case .throughputWaitEnded(let batch):
      poll(batch.poller)
    case .scalingTick:
      // Stop an overloaded run (Simulation.run throws) before it eats the machine.
      let backlog = queue.visibleCount + queue.inFlightCount + queue.delayedCount
      if backlog > configuration.maxBacklog {
        backlogExceeded = (now, backlog)
        return
      }
      esm.scalingTick(now: now, messagesWaiting: queue.visibleCount > 0, recorder: &recorder)
      adjustPollers()
      scheduler.schedule(.eventSource(.scalingTick), after: .seconds(1))
    }
  }

  mutating func handle(_ event: FunctionEvent) {
    switch event {
    case .handlerWrites(let invocation), .writeRetry(let invocation):
      lambda.writeAttempt(
        invocation, newRound: true, table: &table, messages: &queue.messages, now: now, recorder: &recorder,
        scheduler: &scheduler)
    case .writesContinue(let invocation):
      lambda.writeAttempt(
        invocation, newRound: false, table: &table, messages: &queue.messages, now: now, recorder: &recorder,
        scheduler: &scheduler)
    case .invocationEnds(let invocation):
      finishInvocation(invocation)
    }
  }

  // MARK: - Producer

  mutating func handleArrival(_ order: PreparedOrder) {
    recorder.count(.arrivals)
    recorder.ledger.orders += 1
    var record = MessageRecord(
      sentAt: now, orderNumber: order.number, state: .visible, defect: order.defect, items: order.items,
      verdict: order.verdict, units: order.units)
    if order.defect == nil { recorder.count(.validOrders) }
    let tooLarge = Int(order.bodyLength) > configuration.queue.maxMessageSize
    let first = send(record, tooLarge: tooLarge, isCopy: false)
    if order.sentTwice {
      record.twin = first ?? .max
      if let second = send(record, tooLarge: tooLarge, isCopy: true), let first { queue.messages[first].twin = second }
    }
    if esm.throughput != nil, let first { noteMessageSizes(first: first, bytes: order.bodyLength) }
  }

  /// `SendMessage`: rejected when the body is over the maximum message size (§1 "Maximum
  /// message size"); the factory's `oversized` bodies are the ones that are.
  mutating func send(_ record: MessageRecord, tooLarge: Bool, isCopy: Bool) -> UInt32? {
    recorder.ledger.sent += 1
    recorder.count(.sent)
    recorder.count(.sqsSendRequests)
    if tooLarge {
      recorder.ledger.rejectedAtSend += 1
      recorder.count(.rejectedAtSend)
      // An order SQS refused never reaches the table (its duplicate, if any, is refused the
      // same way, and counted once).
      if !isCopy { recorder.orderSettled(record.isValidOrder ? .lost : .discarded) }
      return nil
    }
    if queue.delaysMessages { return queue.sendDelayed(record, now: now, scheduler: &scheduler) }  // §1 "Delay"
    let slot = queue.send(record)
    messagesBecameVisible()
    return slot
  }

  // MARK: - Queue → event source mapping

  /// New visible messages: feed the gathering batch first, then wake idle pollers.
  mutating func messagesBecameVisible() {
    if let g = esm.gatherer {
      esm.receive(into: g, from: &queue, now: now, recorder: &recorder)
      if let full = esm.gathererIsFull() { invoke(full) }
      if queue.visibleCount == 0 { return }
    }
    // At the in-flight limit a receive gets nothing: the pollers wait until a delete or a
    // return lifts it (`messagesLeftFlight`), never spin (§1 "In-flight limit"; issue 12 item 1).
    while queue.visibleCount > 0, queue.canReceive, let p = esm.idlePollers.popLast() {
      poll(p)
    }
  }

  mutating func poll(_ p: UInt32) {
    if esm.waitsForThroughput(p, now: now, scheduler: &scheduler) { return }  // provisioned mode, §2
    if esm.poll(p, queue: &queue, now: now, recorder: &recorder, scheduler: &scheduler) == .full { invoke(p) }
  }

  /// Starts or retires pollers to match the mapping's target.
  mutating func adjustPollers() {
    while let p = esm.startPoller() { poll(p) }
    esm.retireSurplus()
  }

  /// A returned message is visible again, or expired on its way back.
  mutating func settleReturn(_ outcome: SQSQueue.ReturnOutcome) {
    switch outcome {
    case .stale, .waiting:
      break
    case .expired(let record, let fate):
      recorder.messageExpired(record, fate: fate)
      messagesLeftFlight()
    case .visible:
      recorder.count(.messageReturns)
      messagesBecameVisible()
    }
  }

  /// Delayed messages became visible (§1 "Delay"): idle pollers wake as for any new message.
  mutating func delayEnded() {
    if queue.releaseDelayed(now: now, scheduler: &scheduler) > 0 { messagesBecameVisible() }
  }

  /// In-flight messages were deleted: pollers blocked by the in-flight limit may receive again.
  @inline(__always)
  mutating func messagesLeftFlight() {
    if queue.inFlightCount + 1 == configuration.queue.inFlightLimit { messagesBecameVisible() }
  }

  // MARK: - Event source mapping → function

  /// Asks Lambda for a concurrency slot; a throttled batch keeps retrying until its visibility
  /// timeout runs out, then its messages return with a receive spent (§2 "Behaviour when the
  /// function is throttled").
  mutating func invoke(_ p: UInt32) {
    let i = Int(p)
    esm.chargeThroughput(p)  // provisioned mode's 1 MB/s per event poller, §2
    let version = deployments.routing.route()
    let acquisition = lambda.environments.acquire(now: now, version: version)
    let environment: UInt32
    let cold: Bool
    switch acquisition {
    case .throttled:
      if recorder.saturation.lambdaConcurrency == nil { recorder.saturation.lambdaConcurrency = now.seconds }
      recorder.count(.lambdaThrottles)
      if !esm.throttled(
        p, now: now, visibilityTimeout: configuration.queue.visibilityTimeout, scheduler: &scheduler)
      {
        dropThrottledBatch(p)
      }
      return
    case .warm(let e):
      (environment, cold) = (e, false)
    case .cold(let e):
      (environment, cold) = (e, true)
    }
    esm.pollers[i].state = .invoking
    esm.pollers[i].invokeAttempts = 0
    let batchSize = esm.pollers[i].deliveries.count
    esm.pollers[i].invocation = lambda.start(
      caller: p, batch: esm.handle(of: p), deliveries: &esm.pollers[i].deliveries, environment: environment,
      cold: cold, visibilityDeadline: esm.pollers[i].receivedAt + configuration.queue.visibilityTimeout,
      messages: &queue.messages, now: now, recorder: &recorder, scheduler: &scheduler, version: version)
    noteInvocationStarted(version: version, messages: batchSize)
  }

  /// The invocation returned (or was killed): delete what succeeded, return what failed.
  mutating func finishInvocation(_ invocation: InvocationHandle) {
    lambda.end(invocation, now: now, recorder: &recorder)
    let slot = Int(invocation.slot)
    let p = lambda.invocations[slot].caller
    let timedOut = lambda.invocations[slot].timedOut
    // Lent out of the invocation and given back before it is recycled: copying the array
    // would retain it and make its reuse copy-on-write. A `let` the compiler can see is never
    // written keeps the reads below from retaining it (measured: one pair per invocation).
    let deliveries = lambda.lendDeliveries(slot)
    var anyFailure = timedOut
    if !timedOut {
      for k in deliveries.indices where deliveries[k].outcome == .failed || deliveries[k].outcome == .needsWrite {
        anyFailure = true
        break
      }
    }
    // A release that threw is a function error, partial batch responses or not (§2).
    let threw = lambda.invocations[slot].threw
    let partial = configuration.eventSource.reportBatchItemFailures && !timedOut && !threw
    if anyFailure && !partial {
      // A partial batch response is a successful invocation; only a thrown error or a timeout
      // is a function error that makes the mapping back off (§2 "Backoff on function errors").
      recorder.count(.functionErrors)
      esm.backOff()
    }
    var deletes = 0
    let receivedAt = esm.pollers[Int(p)].receivedAt
    // Index loops: iterating the array itself would retain its buffer.
    for k in deliveries.indices where !deliveries[k].isExtraCopy {
      let d = deliveries[k]
      let succeeded = d.outcome == .written || d.outcome == .duplicate
      if succeeded && (!anyFailure || partial) {
        if settleSuccess(d.receipt) { deletes += 1 }
      } else {
        var reason = d.failure
        if timedOut {
          reason = .functionTimeout
        } else if succeeded || d.outcome == .needsWrite {
          reason = .batchFailed
        }
        if reason == .none { reason = .batchFailed }
        settleReturn(
          queue.deliveryFailed(d.receipt, reason: reason, receivedAt: receivedAt, now: now, scheduler: &scheduler))
      }
    }
    recorder.count(.sqsDeleteRequests, by: (deletes + 9) / 10)
    noteInvocationEnded(invocation, failed: anyFailure && !partial, returned: deliveries.count - deletes)
    releaseHolds(deliveries)
    lambda.takeBack(consume deliveries, slot: slot)
    lambda.recycle(invocation)
    endBatch(p)
  }

  /// The batch is over: its messages are no longer held; one that left the queue meanwhile
  /// (deleted by a later delivery, expired, moved on) is freed now and its order settled.
  mutating func releaseHolds(_ deliveries: borrowing ContiguousArray<Delivery>) {
    for k in deliveries.indices where !deliveries[k].isExtraCopy {
      recorder.orderSettled(queue.releaseHold(deliveries[k].receipt))
    }
  }

  /// Deletes a processed message if this delivery still holds it; counts it in the ledger.
  mutating func settleSuccess(_ receipt: ReceiptHandle) -> Bool {
    let record = queue.messages[receipt.slot]
    // Returned or re-received since: a stale receipt handle deletes nothing.
    guard record.isCurrent(receipt) else { return false }
    recorder.ledger.deleted += 1
    if !record.flags.contains(.written) {
      recorder.ledger.duplicatesSuppressed += 1
      recorder.count(.duplicatesSuppressed)
    }
    recorder.orderSettled(queue.depart(receipt.slot))
    messagesLeftFlight()
    return true
  }

  /// The batch's visibility timeout ran out mid-processing: its messages can be received again
  /// while the first invocation still runs (§7.5), which is how duplicates arise.
  mutating func visibilityExpired(_ p: UInt32) {
    let invocation = esm.pollers[Int(p)].invocation
    var any = false
    for d in lambda.invocations[Int(invocation.slot)].deliveries where !d.isExtraCopy {
      if queue.visibilityTimeoutOverran(d.receipt) {
        any = true
        recorder.count(.messageReturns)
      }
    }
    if any { messagesBecameVisible() }
  }

  /// A throttled batch whose visibility timeout ran out: Lambda drops it, its messages are
  /// visible again with the receive spent, and the mapping backs off.
  mutating func dropThrottledBatch(_ p: UInt32) {
    let i = Int(p)
    esm.backOff()
    recorder.count(.throttledBatchesDropped)
    let receivedAt = esm.pollers[i].receivedAt
    for d in esm.pollers[i].deliveries where !d.isExtraCopy {
      settleReturn(
        queue.deliveryFailed(
          d.receipt, reason: .lambdaThrottled, receivedAt: receivedAt, now: now, scheduler: &scheduler))
    }
    let held = esm.pollers[i].deliveries
    releaseHolds(held)
    endBatch(p)
  }

  mutating func endBatch(_ p: UInt32) {
    esm.endBatch(p)
    poll(p)
  }

  // MARK: - Periodic

  mutating func reportTick() {
    var expiredRecords: [(MessageRecord, OrderFate?)] = []
    queue.sweepRetention(now: now) { expiredRecords.append(($0, $1)) }
    for (record, fate) in expiredRecords { recorder.messageExpired(record, fate: fate) }
    expiredRecords.removeAll(keepingCapacity: true)
    queue.sweepDLQ(now: now) { expiredRecords.append(($0, $1)) }
    for (record, fate) in expiredRecords { recorder.expiredFromDLQ(record, fate: fate) }
    table.advance(to: now)
    closeDeploymentInterval()
    let oldestAge = queue.oldestAge(now: now)
    recorder.closeInterval(
      at: now, visible: queue.visibleCount, inFlight: queue.inFlightCount, oldestAge: oldestAge,
      cloudWatchOldestAge: queue.cloudWatchOldestAge(now: now), pollers: esm.activePollers, lambdaLimit: lambda.limit,
      inUse: lambda.inUse, tableCapacity: table.writeCapacity)
    if now < horizon {
      scheduler.schedule(.reportTick, at: min(now + configuration.interval, horizon))
    }
  }

  // MARK: - Result

  mutating func finish(endedAt: SimTime) -> RunResult {
    if recorder.rows.last.map({ $0.timeSeconds < endedAt.seconds }) ?? true {
      reportTick()
    }
    recorder.ledger.dlq = queue.dlqCount
    recorder.ledger.queued = queue.visibleCount + queue.delayedCount  // delayed messages are queued (§1 "Delay")
    recorder.ledger.inFlight = queue.inFlightCount
    recorder.censorUnfinished(queue.messages, at: endedAt)

    var result = recorder.result(
      configuration: configuration, events: Int(scheduler.eventsProcessed), endedAt: endedAt, table: table,
      lambdaLimit: lambda.limit, esmCeiling: esm.ceiling, validations: producer.validations,
      memoryBytes: queue.footprintBytes)
    result.deployments = deployments.finalRecords()
    return result
  }
}
