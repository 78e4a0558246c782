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
/// The ledger reads `sent` as orders submitted, `deleted` as requests answered with success, and
/// `rejected_at_send` as requests whose last try failed; nothing is ever queued, so `dlq`,
/// `expired` and `queued` stay 0.
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
          invocation, newRound: true, table: &table, messages: &client.requests, now: now, recorder: &recorder,
          scheduler: &scheduler)
      case .writesContinue(let invocation):
        lambda.writeAttempt(
          invocation, newRound: false, table: &table, messages: &client.requests, now: now, recorder: &recorder,
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
    recorder.ledger.orders += 1
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
      environment: environment, cold: cold, visibilityDeadline: .distantFuture, messages: &client.requests, now: now,
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
    if !timedOut && (outcome == .written || outcome == .duplicate) {
      // A success response: the order is in the table (written now, earlier, or by its twin).
      recorder.ledger.deleted += 1
      if !client.requests[slot].flags.contains(.written) {
        recorder.ledger.duplicatesSuppressed += 1
        recorder.count(.duplicatesSuppressed)
      }
      recorder.orderSettled(client.close(slot))
    } else {
      // A timeout, a throttled write the SDK gave up on, or an invalid order: an error response.
      // A write that landed before a timeout stays in the table; the client still sees an error.
      recorder.count(.functionErrors)
      // A 4xx (the order is invalid or too large) is not retried: the same request fails again.
      failTry(slot, retry: timedOut || !(outcome == .failed && deliveries[0].failure.isClientError))
    }
  }

  /// An error reaches the client: it retries after a jittered exponential backoff, or gives up
  /// (at once when `retry` is false).
  mutating func failTry(_ slot: UInt32, retry: Bool = true) {
    recorder.count(.clientErrors)
    if retry && client.retryLater(slot, scheduler: &scheduler) { return }
    // The customer gives up. A try that timed out after its write left the order in the table
    // (persisted when it landed); otherwise the order is lost, unless its twin still tries.
    recorder.ledger.rejectedAtSend += 1
    recorder.count(.rejectedAtSend)
    recorder.orderSettled(client.close(slot))
  }

  mutating func reportTick() {
    table.advance(to: now)
    closeDeploymentInterval()
    recorder.closeInterval(
      at: now, visible: 0, inFlight: 0, oldestAge: .zero, cloudWatchOldestAge: .zero, pollers: 0,
      lambdaLimit: lambda.limit, inUse: lambda.inUse, tableCapacity: table.writeCapacity)
    if now < horizon {
      scheduler.schedule(.reportTick, at: min(now + configuration.interval, horizon))
    }
  }

  mutating func finish(endedAt: SimTime) -> RunResult {
    if recorder.rows.last.map({ $0.timeSeconds < endedAt.seconds }) ?? true { reportTick() }
    recorder.ledger.inFlight = client.requests.live
    recorder.censorUnfinished(client.requests, at: endedAt)

    var result = recorder.result(
      configuration: configuration, events: Int(scheduler.eventsProcessed), endedAt: endedAt, table: table,
      lambdaLimit: lambda.limit, esmCeiling: 0, validations: producer.validations,
      memoryBytes: client.requests.footprintBytes)
    result.deployments = deployments.finalRecords()
    return result
  }
}
