import Randomness
import SimulationKernel

/// The synchronous "before" architecture (DESIGN.md "Models"): every order is a direct,
/// synchronous Lambda invocation that writes to the same table. No queue absorbs a spike:
///
/// - Beyond the function's concurrency, or faster than it may add environments (1,000 per 10 s:
///   aws-behaviour.md §3 "Scaling rate"), the request gets a 429.
/// - A 429, a write still throttled after the SDK's retries (§4), an invalid order or a
///   function timeout (§3 "Timeout") is an error returned to the client, who tries again
///   `client_retries` times, backing off 1 s, 2 s, 4 s, … with full jitter.
/// - After the last try the order is gone: `orders.lost` for a valid one.
///
/// The ledger reads `sent` as orders submitted, and `rejected_at_send` as orders whose last try
/// failed; nothing is ever queued, so `dlq`, `expired` and `queued` stay 0.
struct SynchronousPipeline: ~Copyable {
  let configuration: PipelineConfiguration
  var scheduler = EventScheduler<PipelineEvent>(expectedPending: 4_096)
  var feed: OrderFeed
  var nextArrival: PreparedOrder?
  var lambda: LambdaService
  var table: DynamoDBTable
  var recorder: MetricsRecorder
  let retryPolicy: SDKRetryPolicy
  let horizon: SimTime
  var requests = MessageStore()
  var state: [Request] = []

  var durationStream: RandomStream
  var coldStartStream: RandomStream
  var tableStream: RandomStream
  var retryStream: RandomStream
  var clientStream: RandomStream
  let perInvocation: Distribution.Sampler
  let perMessage: Distribution.Sampler
  let coldStart: Distribution.Sampler
  let tableLatency: Distribution.Sampler
  var retryTokens = SDKRetryPolicy.quotaCapacity

  /// Where one request's current try stands.
  struct Request {
    var generation: UInt32 = 0
    var attempt: UInt32 = 0
    var startedAt: Int64 = 0
    var deadline: Int64 = 0
    var writeAttempt = 0
    var units: UInt16 = 1
    var running = false
    var timedOut = false
    var outcome: Delivery.Outcome = .pending
    var failure: FailureReason = .none
  }

  init(_ configuration: PipelineConfiguration, prefetch: Bool) {
    self.configuration = configuration
    let seed = configuration.seed
    horizon = SimTime(nanoseconds: configuration.duration.nanoseconds)
    feed = OrderFeed(configuration, prefetch: prefetch)
    lambda = LambdaService(configuration: configuration.lambda)
    table = DynamoDBTable(configuration: configuration.table, startEpochSeconds: configuration.startEpochSeconds)
    recorder = MetricsRecorder(configuration: configuration)
    retryPolicy = SDKRetryPolicy(configuration.retries)
    durationStream = RandomStream(seed: seed, name: "lambda.duration")
    coldStartStream = RandomStream(seed: seed, name: "lambda.cold_start")
    tableStream = RandomStream(seed: seed, name: "table.latency")
    retryStream = RandomStream(seed: seed, name: "sdk.retries")
    clientStream = RandomStream(seed: seed, name: "client.retries")
    perInvocation = configuration.lambda.perInvocation.sampler()
    perMessage = configuration.lambda.perMessage.sampler()
    coldStart = configuration.lambda.coldStart.sampler()
    tableLatency = configuration.table.latency.sampler()
  }

  var now: SimTime { scheduler.now }

  mutating func run(progress: ((SimTime) -> Void)?) -> SimTime {
    nextArrival = feed.next()
    scheduler.schedule(
      .reportTick, at: SimTime(nanoseconds: min(configuration.interval.nanoseconds, horizon.nanoseconds)))
    var ticker = ProgressTicker(report: progress)
    while true {
      let eventTime = scheduler.nextEventTime ?? .distantFuture
      if let arrival = nextArrival, arrival.time <= eventTime.nanoseconds, arrival.time <= horizon.nanoseconds {
        scheduler.advance(to: SimTime(nanoseconds: arrival.time))
        handleArrival(arrival)
        nextArrival = feed.next()
        continue
      }
      guard let event = scheduler.next(until: horizon) else { break }
      handle(event)
      ticker.eventHandled(now: scheduler.now)
    }
    scheduler.advance(to: horizon)
    return scheduler.now
  }

  mutating func handle(_ event: PipelineEvent) {
    switch event {
    case .clientRetry(let slot, let attempt):
      if state[Int(slot)].attempt == attempt { tryRequest(slot) }
    case .requestWrite(let slot, let g):
      if state[Int(slot)].generation == g { writeAttempt(slot) }
    case .requestEnd(let slot, let g):
      if state[Int(slot)].generation == g { finish(slot) }
    case .reportTick:
      reportTick()
    case .windowClosed, .invokeRetry, .writePhase, .writeRetry, .invocationEnd, .visibilityExpired, .scalingTick:
      break
    }
  }

  mutating func handleArrival(_ order: PreparedOrder) {
    recorder.current.arrivals += 1
    recorder.arrived += 1
    if order.defect == 0 { recorder.validOrders += 1 }
    let record = MessageRecord(
      sentAt: now.nanoseconds, orderNumber: order.number, twin: .max, receiveCount: 0, state: .inFlight,
      defect: order.defect, items: order.items, flags: [], lastFailure: 0, verdict: order.verdict, units: order.units)
    if order.sentTwice {
      let first = allocate(record)
      var copy = record
      copy.twin = first
      let second = allocate(copy)
      requests[first].twin = second
      tryRequest(first)
      if requests[second].orderNumber == order.number { tryRequest(second) }
    } else {
      tryRequest(allocate(record))
    }
  }

  mutating func allocate(_ record: MessageRecord) -> UInt32 {
    recorder.ledger.sent += 1
    recorder.current.sent += 1
    let slot = requests.allocate(record)
    if Int(slot) == state.count { state.append(Request()) } else { state[Int(slot)] = Request() }
    return slot
  }

  /// One try of the client's request: a synchronous invoke.
  mutating func tryRequest(_ slot: UInt32) {
    let i = Int(slot)
    recorder.clientRequests += 1
    let acquisition = lambda.acquire(now: now)
    if acquisition == .throttled {
      if recorder.saturation.lambdaConcurrency == nil { recorder.saturation.lambdaConcurrency = now.seconds }
      recorder.lambdaThrottles += 1
      recorder.current.lambdaThrottles += 1
      failTry(slot, .lambdaThrottled)
      return
    }
    if acquisition == .cold {
      recorder.coldStarts += 1
      recorder.current.coldStarts += 1
    }
    state[i].generation &+= 1
    state[i].running = true
    state[i].timedOut = false
    state[i].writeAttempt = 0
    state[i].startedAt = now.nanoseconds
    state[i].deadline = now.nanoseconds + configuration.lambda.timeout.nanoseconds
    recorder.invocations += 1
    recorder.current.invocations += 1
    recorder.noteConcurrency(lambda.inUse)
    recorder.deliveries += 1
    let busy = perInvocation.draw(&durationStream) + perMessage.draw(&durationStream)
    var initDelay: Int64 = 0
    if acquisition == .cold {
      let phase = InitPhase(seconds: coldStart.draw(&coldStartStream))
      initDelay = phase.delay
      state[i].deadline += phase.deadlineShift
      recorder.initMilliseconds += phase.billedMilliseconds
    }
    let record = requests[slot]
    if record.verdict == 0 {
      state[i].outcome = .needsWrite
      state[i].units = record.units
      schedule(
        slot, .requestWrite(slot: slot, generation: state[i].generation),
        at: now.nanoseconds + initDelay + SimDuration(seconds: busy).nanoseconds)
    } else {
      state[i].outcome = .failed
      state[i].failure = FailureReason(rawValue: record.verdict) ?? .malformedJSON
      schedule(
        slot, .requestEnd(slot: slot, generation: state[i].generation),
        at: now.nanoseconds + initDelay + SimDuration(seconds: busy).nanoseconds)
    }
  }

  mutating func schedule(_ slot: UInt32, _ event: PipelineEvent, at time: Int64) {
    let i = Int(slot)
    if time >= state[i].deadline {
      state[i].timedOut = true
      scheduler.schedule(
        .requestEnd(slot: slot, generation: state[i].generation), at: SimTime(nanoseconds: state[i].deadline))
    } else {
      scheduler.schedule(event, at: SimTime(nanoseconds: time))
    }
  }

  /// A conditional `PutItem` on `order_id`, retried by the SDK when throttled (§4, §5).
  mutating func writeAttempt(_ slot: UInt32) {
    let i = Int(slot)
    state[i].writeAttempt += 1
    let attempt = state[i].writeAttempt
    let latency = SimDuration(seconds: tableLatency.draw(&tableStream)).nanoseconds
    switch table.write(units: Int(state[i].units), now: now) {
    case .accepted:
      recorder.current.tableConsumedWCU += Double(state[i].units)
      retryPolicy.succeeded(onAttempt: attempt, tokens: &retryTokens)
      let record = requests[slot]
      if record.flags.contains(.written) || record.flags.contains(.orderPersisted) {
        state[i].outcome = .duplicate
        recorder.duplicateWrites += 1
      } else {
        state[i].outcome = .written
        requests[slot].flags.insert(.written)
        if record.twin != .max, requests[record.twin].orderNumber == record.orderNumber {
          requests[record.twin].flags.insert(.orderPersisted)
        }
        recorder.endToEnd.record(nanoseconds: now.nanoseconds + latency - record.sentAt)
      }
      schedule(slot, .requestEnd(slot: slot, generation: state[i].generation), at: now.nanoseconds + latency)
    case .throttled(let reason):
      recorder.current.tableThrottles += 1
      recorder.noteTableThrottle(reason, at: now)
      if retryPolicy.mayRetry(afterAttempt: attempt, tokens: &retryTokens) {
        let sleep = retryPolicy.sleep(afterAttempt: attempt, &retryStream)
        schedule(
          slot, .requestWrite(slot: slot, generation: state[i].generation), at: now.nanoseconds + latency + sleep)
      } else {
        state[i].outcome = .failed
        state[i].failure = .tableThrottled
        schedule(slot, .requestEnd(slot: slot, generation: state[i].generation), at: now.nanoseconds + latency)
      }
    }
  }

  /// The invocation returns (or is killed): a response to the client.
  mutating func finish(_ slot: UInt32) {
    let i = Int(slot)
    lambda.release(now: now)
    state[i].running = false
    state[i].generation &+= 1
    recorder.addDuration(nanoseconds: now.nanoseconds - state[i].startedAt, memoryMB: configuration.lambda.memoryMB)
    let written = requests[slot].flags.contains(.written)
    if state[i].timedOut {
      recorder.functionErrors += 1
      recorder.current.functionErrors += 1
      // A write that landed before the kill stays in the table; the client still sees an error.
      failTry(slot, .functionTimeout)
      return
    }
    switch state[i].outcome {
    case .written:
      recorder.ledger.persisted += 1
      recorder.current.persisted += 1
      settle(slot)
    case .duplicate:
      if written {
        recorder.ledger.persisted += 1
        recorder.current.persisted += 1
      } else {
        recorder.ledger.duplicatesSuppressed += 1
        recorder.current.duplicatesSuppressed += 1
      }
      settle(slot)
    default:
      recorder.functionErrors += 1
      recorder.current.functionErrors += 1
      failTry(slot, state[i].failure == .none ? .functionTimeout : state[i].failure)
    }
  }

  /// An error reaches the client: it retries after a jittered exponential backoff, or gives up.
  mutating func failTry(_ slot: UInt32, _ reason: FailureReason) {
    let i = Int(slot)
    recorder.clientErrors += 1
    recorder.current.clientErrors += 1
    if Int(state[i].attempt) < configuration.orders.clientRetries {
      state[i].attempt += 1
      let cap = Double(Int64(1) << min(Int64(state[i].attempt) - 1, 10))
      let wait = SimDuration(seconds: clientStream.uniform() * cap)
      scheduler.schedule(.clientRetry(order: slot, attempt: state[i].attempt), after: wait)
      return
    }
    let record = requests[slot]
    recorder.ledger.rejectedAtSend += 1
    recorder.current.rejectedAtSend += 1
    if record.flags.contains(.written) {
      // Persisted by a try that timed out after its write: the order is in the table.
      recorder.ledger.rejectedAtSend -= 1
      recorder.current.rejectedAtSend -= 1
      recorder.ledger.persisted += 1
      recorder.current.persisted += 1
    } else if record.isValidOrder && !record.flags.contains(.orderPersisted) {
      if record.twin != .max, requests[record.twin].orderNumber == record.orderNumber,
        !record.flags.contains(.twinGaveUp)
      {
        // The other copy is still trying: the order is lost only if it fails too.
        requests[record.twin].flags.insert(.twinGaveUp)
      } else {
        recorder.lostOrders += 1
        recorder.current.lost += 1
      }
    }
    _ = reason
    settle(slot)
  }

  mutating func settle(_ slot: UInt32) {
    requests.free(slot)
  }

  mutating func reportTick() {
    table.advance(to: now)
    var empty = SQSQueue(configuration: configuration.queue)
    recorder.closeInterval(
      at: now, queue: &empty, pollers: 0, lambdaLimit: lambda.limit, inUse: lambda.inUse,
      tableCapacity: table.writeCapacity)
    if now < horizon {
      scheduler.schedule(
        .reportTick,
        at: SimTime(nanoseconds: min(now.nanoseconds + configuration.interval.nanoseconds, horizon.nanoseconds)))
    }
  }

  mutating func finish(endedAt: SimTime) -> RunResult {
    if recorder.rows.last.map({ $0.timeSeconds < endedAt.seconds }) ?? true { reportTick() }
    recorder.ledger.inFlight = requests.live
    recorder.validations = feed.validations
    return recorder.result(
      configuration: configuration, events: Int(scheduler.eventsProcessed) + recorder.arrived, endedAt: endedAt,
      table: table, lambdaLimit: lambda.limit, esmCeiling: 0, memoryBytes: requests.footprintBytes)
  }
}
