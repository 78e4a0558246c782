import BasicContainers
import Randomness
import SimulationKernel

/// The order-processor function (aws-behaviour.md §3): its concurrency and execution
/// environments, and every invocation from start to end, whichever architecture invokes it.
///
/// An invocation runs INIT when it starts cold (§3 "INIT phase limit"), then the handler's
/// per-invocation and per-message work, then writes each valid order with a conditional
/// `PutItem` (§5), retrying throttled writes with the SDK's backoff (§4), and returns; the
/// function timeout kills it wherever it is (§3 "Timeout"). The caller learns the outcome of
/// each message from the ended invocation.
struct LambdaFunction: ~Copyable {
  let configuration: LambdaConfiguration
  var environments: ExecutionEnvironments
  /// Noncopyable arrays: a `ContiguousArray` checked its buffer's uniqueness at every write to
  /// a slot, a call each, dozens per order across the model (callgrind).
  var invocations = UniqueArray<Invocation>()
  var freeInvocations = UniqueArray<UInt32>()
  /// The versions behind the alias, by slot (``AliasRouting``): slot 0 is the function as
  /// configured; a deployment puts its release in the other slot.
  var versions: FunctionVersions
  let retryPolicy: SDKRetryPolicy
  /// Only the configured handler durations draw from it (a release scales them), so their
  /// lognormals are drawn ahead (``SamplerStream``).
  var durationStream: SamplerStream
  var coldStartStream: RandomStream
  var retryStream: RandomStream
  /// Whether a release's invocation throws: its own stream, drawn only for a version with an
  /// error rate, so a run without deployments draws exactly as before.
  var releaseErrorStream: RandomStream

  init(configuration: PipelineConfiguration) {
    self.configuration = configuration.lambda
    environments = ExecutionEnvironments(
      limit: configuration.lambda.concurrencyLimit, idleExpiry: configuration.lambda.idleExpiry,
      provisioned: configuration.lambda.provisionedConcurrency,
      scaling: DateRules.lambdaScaling(at: configuration.startEpochSeconds))
    versions = FunctionVersions(FunctionVersion(configuration: configuration.lambda))
    releaseErrorStream = RandomStream(seed: configuration.seed, name: "deployment.release_errors")
    retryPolicy = SDKRetryPolicy(configuration.retries)
    durationStream = SamplerStream(
      RandomStream(seed: configuration.seed, name: "lambda.duration"),
      for: [versions[0].perInvocation, versions[0].perMessage])
    coldStartStream = RandomStream(seed: configuration.seed, name: "lambda.cold_start")
    retryStream = RandomStream(seed: configuration.seed, name: "sdk.retries")
  }

  var limit: Int { environments.limit }
  var inUse: Int { environments.inUse }

  /// Whether `handle` is a running invocation (events of ended ones are stale).
  @inline(__always)
  func isCurrent(_ handle: InvocationHandle) -> Bool { invocations[Int(handle.slot)].generation == handle.generation }

  // MARK: - Start

  /// Starts an invocation in the environment `acquisition` gave, taking the caller's
  /// deliveries (the buffers are swapped, nothing is copied), and schedules its first step.
  /// `messages` is only read. It was `inout` because a borrowed copyable store was copied for
  /// the call (a retain and release per invocation); the store is noncopyable now, and
  /// `borrowing` measured 8 instructions more per invocation than `inout` (callgrind), so it
  /// stays `inout`.
  mutating func start(
    caller: UInt32, batch: BatchHandle, deliveries: inout ContiguousArray<Delivery>, environment: UInt32,
    cold: Bool, visibilityDeadline: SimTime, messages: inout MessageStore, now: SimTime,
    recorder: inout MetricsRecorder, scheduler: inout EventScheduler<PipelineEvent>, version versionSlot: UInt8 = 0
  ) -> InvocationHandle {
    let slot: UInt32
    if let free = freeInvocations.popLast() {
      slot = free
    } else {
      invocations.append(Invocation())
      slot = UInt32(invocations.count - 1)
    }
    let i = Int(slot)
    // Built as a local value and stored once: each `invocations[i].field = …` would check the
    // array's uniqueness again (measured: 2 % of the event loop's instructions).
    var invocation = Invocation()
    invocation.generation = invocations[i].generation
    swap(&invocations[i].deliveries, &deliveries)
    swap(&invocation.deliveries, &invocations[i].deliveries)
    invocation.caller = caller
    invocation.batch = batch
    invocation.environment = environment
    invocation.cold = cold
    invocation.startedAt = now
    invocation.deadline = now + configuration.timeout
    invocation.visibilityDeadline = visibilityDeadline
    invocation.version = versionSlot
    let version = versions[versionSlot]
    if cold { recorder.count(.coldStarts) }
    recorder.count(.invocations)
    recorder.countProvisionedUse(provisioned: environments.isProvisioned(environment), of: environments.provisioned)
    recorder.peak(.lambdaConcurrency, inUse)
    // Judge every body with the real validation core (its verdict travels with the message).
    var writes = 0
    let batchSize = invocation.deliveries.count
    invocation.deliveries.withUnsafeMutableBufferPointer { batch in
      for k in batch.indices {
        recorder.count(.deliveries)
        let record = messages[batch[k].receipt.slot]
        if record.verdict == .none {
          batch[k].outcome = .needsWrite
          batch[k].units = record.units
          writes += 1
        } else {
          batch[k].outcome = .failed
          batch[k].failure = record.verdict
        }
      }
    }
    var busy = durationStream.draw(version.perInvocation)
    for _ in 0..<batchSize { busy += durationStream.draw(version.perMessage) }
    if version.durationFactor != 1 { busy *= version.durationFactor }
    if version.errorRate > 0 && releaseErrorStream.uniform() < version.errorRate {
      // The release throws in its handler, before any write: every message fails.
      invocation.threw = true
      writes = 0
      for k in invocation.deliveries.indices {
        invocation.deliveries[k].outcome = .failed
        invocation.deliveries[k].failure = .functionError
      }
    }
    var initDelay = SimDuration.zero
    if cold {
      let phase = InitPhase(seconds: version.coldStart.draw(&coldStartStream))
      initDelay = phase.delay
      invocation.deadline += phase.deadlineShift
      recorder.count(.initMilliseconds, by: phase.billedMilliseconds)
    }
    // Moved in, not assigned: an assignment copies the deliveries' buffer (an atomic retain)
    // and then releases the local's.
    swap(&invocations[i], &invocation)
    let handle = InvocationHandle(slot: slot, generation: invocations[i].generation)
    let handlerDone = now + initDelay + SimDuration(seconds: busy)
    scheduleStep(
      handle, writes > 0 ? .handlerWrites(handle) : .invocationEnds(handle), at: handlerDone, now: now,
      scheduler: &scheduler)
    return handle
  }

  /// Schedules the next step of an invocation, or its kill at the function timeout
  /// (§3 "Timeout"); tells the event source mapping when the batch will outlive its visibility
  /// timeout (§7.5), so its messages become visible while the invocation still runs.
  mutating func scheduleStep(
    _ handle: InvocationHandle, _ event: FunctionEvent, at time: SimTime, now: SimTime,
    scheduler: inout EventScheduler<PipelineEvent>
  ) {
    let i = Int(handle.slot)
    var time = time
    var event = event
    if time >= invocations[i].deadline {
      time = invocations[i].deadline
      invocations[i].timedOut = true
      event = .invocationEnds(handle)
    }
    let visibilityDeadline = invocations[i].visibilityDeadline
    if time > visibilityDeadline && !invocations[i].visibilityEventScheduled {
      invocations[i].visibilityEventScheduled = true
      scheduler.schedule(.eventSource(.visibilityExpired(invocations[i].batch)), at: max(visibilityDeadline, now))
    }
    scheduler.schedule(.function(event), at: time)
  }

  // MARK: - Writes

  /// A round of `PutItem`s with `attribute_not_exists(order_id)` for the writes still pending,
  /// one after another (`newRound`: the first, or the SDK's retry of the throttled ones).
  ///
  /// Each write is made at the instant it is sent, and a round that runs into the next second
  /// goes on in an event there, so the table's per-second accounting never runs ahead of the
  /// clock. A write that would return after the function timeout never happens: the timeout
  /// kills the invocation first (§3 "Timeout"; issue 12 item 3). Duplicates fail the condition
  /// but still consume capacity (§5 "Conditional write that fails"); throttled writes are
  /// retried by the SDK after its backoff (§4), or fail the message when the SDK gives up.
  mutating func writeAttempt(
    _ handle: InvocationHandle, newRound: Bool, table: inout DynamoDBTable, messages: inout MessageStore,
    now: SimTime, recorder: inout MetricsRecorder,
    scheduler: inout EventScheduler<PipelineEvent>
  ) {
    let i = Int(handle.slot)
    if newRound {
      invocations[i].writeAttempt += 1
      invocations[i].writeCursor = 0
      invocations[i].writesToRetry = 0
    }
    let attempt = invocations[i].writeAttempt
    let deadline = invocations[i].deadline
    let second = now.nanoseconds / 1_000_000_000
    // One SDK client, and so one retry quota, per execution environment (§4 "Standard mode").
    let environment = Int(invocations[i].environment)
    // The deliveries are lent out of the invocation for the round and written through one
    // buffer: each `invocations[i].deliveries[k].x = …` would check two arrays' uniqueness.
    var deliveries = lendDeliveries(i)
    var writesToRetry = invocations[i].writesToRetry
    var t = now
    var k = Int(invocations[i].writeCursor)
    var next: (event: FunctionEvent, at: SimTime)?
    deliveries.withUnsafeMutableBufferPointer { batch in
      while k < batch.count {
        let d = batch[k]
        guard d.outcome == .needsWrite else {
          k += 1
          continue
        }
        if t.nanoseconds / 1_000_000_000 != second {
          next = (.writesContinue(handle), t)
          return
        }
        let latency = table.drawLatency()
        if t + latency > deadline {
          next = (.invocationEnds(handle), deadline)
          return
        }
        switch table.write(units: Int(d.units), now: t) {
        case .accepted:
          recorder.current[.tableConsumedWCU] += Double(d.units)
          batch[k].outcome =
            persist(d.receipt, writtenAt: t + latency, messages: &messages, recorder: &recorder) ? .written : .duplicate
          retryPolicy.succeeded(onAttempt: attempt, tokens: &environments.environments[environment].retryTokens)
        case .throttled(let reason):
          recorder.count(.tableThrottles)
          recorder.noteTableThrottle(reason, at: t)
          if retryPolicy.mayRetry(afterAttempt: attempt, tokens: &environments.environments[environment].retryTokens) {
            writesToRetry += 1
          } else {
            batch[k].outcome = .failed
            batch[k].failure = .tableThrottled
          }
        }
        t += latency
        k += 1
      }
    }
    swap(&deliveries, &invocations[i].deliveries)
    invocations[i].writesToRetry = writesToRetry
    if let next {
      if case .writesContinue = next.event { invocations[i].writeCursor = Int32(k) }
      scheduleStep(handle, next.event, at: next.at, now: now, scheduler: &scheduler)
    } else if writesToRetry > 0 {
      let sleep = retryPolicy.sleep(afterAttempt: attempt, &retryStream)
      scheduleStep(handle, .writeRetry(handle), at: t + sleep, now: now, scheduler: &scheduler)
    } else {
      scheduleStep(handle, .invocationEnds(handle), at: t, now: now, scheduler: &scheduler)
    }
  }

  /// An accepted write: the order's first (persisted, whichever message or copy made it, even
  /// one already moved to the DLQ) or a duplicate the condition rejected. Returns whether it
  /// was the first.
  func persist(
    _ receipt: ReceiptHandle, writtenAt: SimTime, messages: inout MessageStore, recorder: inout MetricsRecorder
  ) -> Bool {
    let record = messages[receipt.slot]
    guard record.orderNumber == receipt.order, record.state != .free, !record.orderIsPersisted else {
      recorder.count(.duplicateWrites)
      return false
    }
    messages[receipt.slot].flags.insert(.written)
    recorder.orderPersisted(sentAt: record.sentAt, writtenAt: writtenAt)
    recorder.dlqCopyPersisted(record)
    if let twin = messages.liveTwin(of: record) {
      messages[twin].flags.insert(.orderPersisted)
      recorder.dlqCopyPersisted(messages[twin])
    }
    return true
  }

  // MARK: - End

  /// The invocation returned or was killed: its concurrency slot and environment are free, its
  /// duration billed (§3 "Billing granularity"). The caller reads the outcomes from
  /// `invocations[handle.slot]` and then calls ``recycle(_:)``.
  mutating func end(_ handle: InvocationHandle, now: SimTime, recorder: inout MetricsRecorder) {
    let i = Int(handle.slot)
    environments.release(invocations[i].environment, now: now)
    recorder.addDuration(
      now - invocations[i].startedAt, memoryMB: configuration.memoryMB,
      provisioned: environments.isProvisioned(invocations[i].environment))
  }

  /// Who invoked, whether the invocation timed out, and its messages with their outcomes.
  func outcome(of handle: InvocationHandle) -> (caller: UInt32, timedOut: Bool, deliveries: ContiguousArray<Delivery>) {
    let i = Int(handle.slot)
    return (invocations[i].caller, invocations[i].timedOut, invocations[i].deliveries)
  }

  /// The deliveries of the invocation in `slot`, moved out (the slot holds none until
  /// ``takeBack(_:slot:)``).
  mutating func lendDeliveries(_ slot: Int) -> ContiguousArray<Delivery> {
    var deliveries = ContiguousArray<Delivery>()
    swap(&deliveries, &invocations[slot].deliveries)
    return deliveries
  }

  /// Gives lent deliveries back to `slot`, emptied, so the next invocation reuses the buffer.
  mutating func takeBack(_ deliveries: consuming ContiguousArray<Delivery>, slot: Int) {
    var deliveries = deliveries
    deliveries.removeAllFromEnd()
    swap(&deliveries, &invocations[slot].deliveries)
  }

  /// Frees the invocation's slot; its later events are stale.
  mutating func recycle(_ handle: InvocationHandle) {
    let i = Int(handle.slot)
    invocations[i].generation &+= 1
    if !invocations[i].deliveries.isEmpty { invocations[i].deliveries.removeAllFromEnd() }
    freeInvocations.append(handle.slot)
  }
}
