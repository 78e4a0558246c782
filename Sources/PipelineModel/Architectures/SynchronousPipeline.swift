import SimulationKernel

/// The synchronous "before" architecture (DESIGN.md "Models"): every order is a direct,
/// synchronous Lambda invocation that writes to the same table. No queue absorbs a spike:
///
/// - Beyond the function's concurrency, or faster than it may add environments (1,000 per 10 s:
///   aws-behaviour.md §3 "Scaling rate"), the request gets a 429.
/// - A 429, a write still throttled after the SDK's retries (§4), an invalid order or a
///   function timeout (§3 "Timeout") is an error returned to the client
///   (``SynchronousClient``), who tries again `client_retries` times.
/// - After the last try the order is gone: `orders.lost` for a valid one.
///
/// The ledger reads `sent` as orders submitted, and `rejected_at_send` as orders whose last try
/// failed; nothing is ever queued, so `dlq`, `expired` and `queued` stay 0.
struct SynchronousPipeline: ~Copyable {
  let configuration: PipelineConfiguration
  var scheduler = EventScheduler<PipelineEvent>(expectedPending: 4_096)
  var producer: Producer
  var client: SynchronousClient
  var lambda: LambdaFunction
  var table: DynamoDBTable
  var recorder: MetricsRecorder
  var deployments: DeploymentGroup
  let horizon: SimTime

  init(_ configuration: PipelineConfiguration, prefetch: Bool) {
    self.configuration = configuration
    horizon = SimTime.zero + configuration.duration
    producer = Producer(configuration, prefetch: prefetch)
    client = SynchronousClient(retries: configuration.orders.clientRetries, seed: configuration.seed)
    lambda = LambdaFunction(configuration: configuration)
    table = DynamoDBTable(
      configuration: configuration.table, startEpochSeconds: configuration.startEpochSeconds, seed: configuration.seed)
    recorder = MetricsRecorder(configuration: configuration)
    deployments = DeploymentGroup(configuration: configuration)
  }

  var now: SimTime { scheduler.now }

  mutating func run(progress: ((SimTime) -> Void)?) -> SimTime {
    producer.scheduleNext(&scheduler)
    scheduler.schedule(.reportTick, at: min(.zero + configuration.interval, horizon))
    deployments.schedule(&scheduler)
    var ticker = ProgressTicker(report: progress)
    while let event = scheduler.next(until: horizon) {
      handle(event)
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
    case .client(let e):
      guard client.isCurrent(e) else { return }
      switch e {
      case .retry(let request, _): tryRequest(request)
      }
    case .function(let e):
      guard lambda.isCurrent(e.invocation) else { return }
      switch e {
      case .handlerWrites(let invocation), .writeRetry(let invocation):
        lambda.writeAttempt(
          invocation, table: &table, messages: &client.requests, now: now, recorder: &recorder,
          scheduler: &scheduler)
      case .invocationEnds(let invocation):
        respond(invocation)
      }
    case .reportTick:
      reportTick()
    case .deployment(let e):
      handleDeployment(e)
    case .queue, .eventSource:
      break
    }
  }

  mutating func handleArrival(_ order: PreparedOrder) {
    recorder.count(.arrivals)
    if order.defect == nil { recorder.count(.validOrders) }
    let record = MessageRecord(
      sentAt: now, orderNumber: order.number, state: .inFlight, defect: order.defect, items: order.items,
      verdict: order.verdict, units: order.units)
    if order.sentTwice {
      let first = open(record)
      var copy = record
      copy.twin = first
      let second = open(copy)
      client.requests[first].twin = second
      tryRequest(first)
      if client.requests[second].orderNumber == order.number { tryRequest(second) }
    } else {
      tryRequest(open(record))
    }
  }

  mutating func open(_ record: MessageRecord) -> UInt32 {
    recorder.ledger.sent += 1
    recorder.count(.sent)
    return client.open(record)
  }

  /// One try of the client's request: a synchronous invoke.
  mutating func tryRequest(_ slot: UInt32) {
    recorder.count(.clientRequests)
    let environment: UInt32
    let cold: Bool
    let version = deployments.routing.route()
    switch lambda.environments.acquire(now: now, version: version) {
    case .throttled:
      if recorder.saturation.lambdaConcurrency == nil { recorder.saturation.lambdaConcurrency = now.seconds }
      recorder.count(.lambdaThrottles)
      failTry(slot)
      return
    case .warm(let e):
      (environment, cold) = (e, false)
    case .cold(let e):
      (environment, cold) = (e, true)
    }
    let record = client.requests[slot]
    client.scratch.removeAll(keepingCapacity: true)
    client.scratch.append(
      Delivery(
        receipt: ReceiptHandle(slot: slot, order: record.orderNumber, receiveCount: record.receiveCount),
        isExtraCopy: false))
    _ = lambda.start(
      caller: slot, batch: BatchHandle(poller: 0, generation: 0), deliveries: &client.scratch,
      environment: environment, cold: cold, visibilityDeadline: .distantFuture, messages: client.requests, now: now,
      recorder: &recorder, scheduler: &scheduler, version: version)
    noteInvocationStarted(version: version)
  }

  /// The invocation returns (or is killed): a response to the client.
  mutating func respond(_ invocation: InvocationHandle) {
    lambda.end(invocation, now: now, recorder: &recorder)
    let (slot, timedOut, deliveries) = lambda.outcome(of: invocation)
    let outcome = deliveries[0].outcome
    noteInvocationEnded(invocation, failed: timedOut || outcome == .failed || outcome == .needsWrite)
    lambda.recycle(invocation)
    let written = client.requests[slot].flags.contains(.written)
    if !timedOut && (outcome == .written || (outcome == .duplicate && written)) {
      recorder.ledger.persisted += 1
      recorder.count(.persisted)
      client.close(slot)
    } else if !timedOut && outcome == .duplicate {
      recorder.ledger.duplicatesSuppressed += 1
      recorder.count(.duplicatesSuppressed)
      client.close(slot)
    } else {
      // A timeout, a throttled write the SDK gave up on, or an invalid order: an error response.
      // A write that landed before a timeout stays in the table; the client still sees an error.
      recorder.count(.functionErrors)
      failTry(slot)
    }
  }

  /// An error reaches the client: it retries after a jittered exponential backoff, or gives up.
  mutating func failTry(_ slot: UInt32) {
    recorder.count(.clientErrors)
    if client.retryLater(slot, scheduler: &scheduler) { return }
    let record = client.requests[slot]
    if record.flags.contains(.written) {
      // Persisted by a try that timed out after its write: the order is in the table.
      recorder.ledger.persisted += 1
      recorder.count(.persisted)
    } else {
      recorder.ledger.rejectedAtSend += 1
      recorder.count(.rejectedAtSend)
      if record.isValidOrder && !record.flags.contains(.orderPersisted) {
        let twin = record.twin
        if twin != .max, client.requests[twin].orderNumber == record.orderNumber, !record.flags.contains(.twinGaveUp) {
          // The other copy is still trying: the order is lost only if it fails too.
          client.requests[twin].flags.insert(.twinGaveUp)
        } else {
          recorder.count(.lost)
        }
      }
    }
    client.close(slot)
  }

  mutating func reportTick() {
    table.advance(to: now)
    closeDeploymentInterval()
    recorder.closeInterval(
      at: now, visible: 0, inFlight: 0, oldestAge: .zero, pollers: 0, lambdaLimit: lambda.limit,
      inUse: lambda.inUse, tableCapacity: table.writeCapacity)
    if now < horizon {
      scheduler.schedule(.reportTick, at: min(now + configuration.interval, horizon))
    }
  }

  mutating func finish(endedAt: SimTime) -> RunResult {
    if recorder.rows.last.map({ $0.timeSeconds < endedAt.seconds }) ?? true { reportTick() }
    recorder.ledger.inFlight = client.requests.live
    var result = recorder.result(
      configuration: configuration, events: Int(scheduler.eventsProcessed), endedAt: endedAt, table: table,
      lambdaLimit: lambda.limit, esmCeiling: 0, validations: producer.validations,
      memoryBytes: client.requests.footprintBytes)
    result.deployments = deployments.finalRecords()
    return result
  }
}
