import SimulationKernel

/// Everything a run measures: the ``Metric`` catalogue's values per report interval (the
/// `timeseries.csv` rows) and for the whole run, HDR histograms of queue wait and end-to-end
/// latency, the DLQ by reason, and the order ledger.
struct MetricsRecorder: Sendable {
  let interval: SimDuration
  var current = IntervalRow()
  var rows: [IntervalRow] = []
  /// The run's figures: counters summed as they happen, gauges and peaks the highest reading.
  var totals = MetricValues()
  var ledger = OrderLedger()

  var dlqHeldByReason = [Int](repeating: 0, count: FailureReason.allCases.count)
  /// Valid orders in the DLQ that were never persisted (`dlq.valid`), and the harmless copies
  /// of orders already in the table (`dlq.valid_already_persisted`).
  var dlqValidHeld = 0
  var dlqValidPersistedHeld = 0
  /// Valid orders moved to the DLQ after a deployed release threw on their last receive.
  var dlqValidFromReleaseErrors = 0
  var queueWait = LatencyHistogram()
  var endToEnd = LatencyHistogram()
  /// Valid orders unfinished at the end, in `endToEnd` at their age then.
  var censoredOrders = 0
  /// Unfinished orders whose DLQ message was parked (``SQSQueue/moveToDLQ(_:)``), and the valid
  /// ones among them, already in `endToEnd`.
  var parkedInvalid = 0
  var parkedCensored = 0
  /// First instants at which each limit was hit, for "what saturated first" in the report.
  var saturation = SaturationLog()
  /// Event pollers × seconds of SQS provisioned mode, for the bill (not a catalogue metric:
  /// only provisioned runs have it).
  var eventPollerSeconds = 0.0

  let provisioned: Bool

  init(configuration: PipelineConfiguration) {
    interval = configuration.interval
    provisioned = configuration.table.mode == .provisioned && !configuration.table.unlimited
  }

  /// Counts `amount` of a counter, in the interval and in the run.
  @inline(__always)
  mutating func count(_ metric: Metric, by amount: Double = 1) {
    current[metric] += amount
    totals[metric] += amount
  }

  /// Counts `amount` of a counter, in the interval and in the run.
  @inline(__always)
  mutating func count(_ metric: Metric, by amount: Int) { count(metric, by: Double(amount)) }

  /// A reading of a peak metric during the interval.
  @inline(__always)
  mutating func peak(_ metric: Metric, _ value: Int) {
    if Double(value) > current[metric] { current[metric] = Double(value) }
  }

  mutating func noteTableThrottle(_ reason: ThrottleReason, at now: SimTime) {
    if reason == .partition {
      if saturation.partitionThrottle == nil { saturation.partitionThrottle = now.seconds }
    } else if saturation.tableThrottle == nil {
      saturation.tableThrottle = now.seconds
    }
  }

  /// Billed duration rounds up to the millisecond (§3 "Billing granularity"); time on a
  /// provisioned environment is also counted apart, for its lower price (§3 "Provisioned
  /// concurrency").
  mutating func addDuration(_ duration: SimDuration, memoryMB: Int, provisioned: Bool = false) {
    let ms = Double((duration.nanoseconds + 999_999) / 1_000_000)
    count(.billedMilliseconds, by: ms)
    count(.gbSeconds, by: ms / 1_000 * Double(memoryMB) / 1_024)
    if provisioned { count(.provisionedBilledMilliseconds, by: ms) }
  }

  /// With provisioned concurrency, an invocation ran on a provisioned environment or spilled
  /// over to an on-demand one (CloudWatch `ProvisionedConcurrencySpilloverInvocations`).
  @inline(__always)
  mutating func countProvisionedUse(provisioned: Bool, of configured: Int) {
    guard configured > 0 else { return }
    count(provisioned ? .provisionedInvocations : .spilloverInvocations)
  }

  /// A message was redriven to the DLQ (§1 "Redrive policy"), with its last failure as reason.
  mutating func movedToDLQ(_ record: MessageRecord) {
    dlqHeldByReason[Int(record.lastFailure.rawValue)] += 1
    count(.dlq)
    guard record.isValidOrder else { return }
    if record.orderIsPersisted {
      dlqValidPersistedHeld += 1
    } else {
      dlqValidHeld += 1
      count(.dlqValid)
      if record.lastFailure == .functionError { dlqValidFromReleaseErrors += 1 }
    }
  }

  /// The first write of an order landed while one of its messages sat in the DLQ: that copy is
  /// now harmless.
  mutating func dlqCopyPersisted(_ record: MessageRecord) {
    guard record.state == .dlq, record.isValidOrder else { return }
    dlqValidHeld -= 1
    dlqValidPersistedHeld += 1
  }

  /// A message's retention ran out in the queue (§1 "Message retention period").
  mutating func messageExpired(_ record: MessageRecord, fate: OrderFate?) {
    ledger.expired += 1
    count(.expired)
    orderSettled(fate)
  }

  /// DLQ retention ran out (§1): the message is gone.
  mutating func expiredFromDLQ(_ record: MessageRecord, fate: OrderFate?) {
    dlqHeldByReason[Int(record.lastFailure.rawValue)] -= 1
    if record.isValidOrder {
      if record.orderIsPersisted { dlqValidPersistedHeld -= 1 } else { dlqValidHeld -= 1 }
    }
    ledger.expired += 1
    count(.expired)
    orderSettled(fate)
  }

  /// The first write of an order succeeded (whichever delivery or copy made it): persisted.
  @inline(__always)
  mutating func orderPersisted(sentAt: SimTime, writtenAt: SimTime) {
    ledger.persisted += 1
    count(.persisted)
    endToEnd.record(writtenAt - sentAt)
  }

  /// The last message of an order left the system: its fate, if that decides it.
  @inline(__always)
  mutating func orderSettled(_ fate: OrderFate?) {
    switch fate {
    case .lost?:
      ledger.lost += 1
      count(.lost)
    case .discarded?:
      ledger.discarded += 1
    case .persisted?, .livesOnInTwin?, nil:
      break
    }
  }

  /// A DLQ message that will still be there at the end (its retention outlasts the run) was
  /// counted and let go: its order, if never written, is unfinished at the end, and a valid one
  /// enters the end-to-end distribution now at its age then.
  mutating func parkedInDLQ(_ record: MessageRecord, end: SimTime) {
    guard !record.orderIsPersisted else { return }
    guard record.isValidOrder else {
      parkedInvalid += 1
      return
    }
    endToEnd.record(end - record.sentAt)
    parkedCensored += 1
  }

  /// Orders still unfinished at the end enter the end-to-end distribution at their age then
  /// (right-censored, issue 12 item 5): a run that ends with a backlog cannot pass a latency
  /// SLO on the orders it happened to finish.
  mutating func censorUnfinished(_ messages: borrowing MessageStore, at end: SimTime) {
    var censored = 0
    var invalid = 0
    messages.forEachUnfinishedOrder { record in
      guard record.isValidOrder else {
        invalid += 1
        return
      }
      endToEnd.record(end - record.sentAt)
      censored += 1
    }
    censoredOrders = censored + parkedCensored
    ledger.unfinished = censoredOrders
    ledger.invalidHeld = invalid + parkedInvalid
  }

  /// Closes the report interval ending at `now` with the gauges read from the components.
  mutating func closeInterval(
    at now: SimTime, visible: Int, inFlight: Int, oldestAge: SimDuration, cloudWatchOldestAge: SimDuration,
    pollers: Int, lambdaLimit: Int, inUse: Int, tableCapacity: Double
  ) {
    current.timeSeconds = now.seconds
    current[.queueVisible] = Double(visible)
    current[.queueInFlight] = Double(inFlight)
    current[.oldestAge] = oldestAge.seconds
    current[.oldestAgeCloudWatch] = cloudWatchOldestAge.seconds
    current[.esmPollers] = Double(pollers)
    peak(.lambdaConcurrency, inUse)
    current[.lambdaConcurrencyLimit] = Double(lambdaLimit)
    current[.tableWriteCapacity] = tableCapacity
    if provisioned {
      let lastEnd = rows.last?.timeSeconds ?? 0
      totals[.provisionedWCUHours] += tableCapacity * (now.seconds - lastEnd) / 3_600
    }
    for descriptor in MetricDescriptor.catalogue where descriptor.kind != .counter {
      totals[descriptor.metric] = max(totals[descriptor.metric], current[descriptor.metric])
    }
    rows.append(current)
    current = IntervalRow()
    current[.lambdaConcurrency] = Double(inUse)
  }

  func result(
    configuration: PipelineConfiguration, events: Int, endedAt: SimTime, table: borrowing DynamoDBTable,
    lambdaLimit: Int,
    esmCeiling: Int, validations: Int, memoryBytes: Int
  ) -> RunResult {
    var result = RunResult(configuration: configuration)
    result.events = events
    result.simulatedSeconds = endedAt.seconds
    result.totals = totals
    result.ledger = ledger
    result.dlqValid = dlqValidHeld
    result.dlqValidAlreadyPersisted = dlqValidPersistedHeld
    result.censoredOrders = censoredOrders
    result.dlqByReason = FailureReason.allCases.compactMap { reason in
      let held = dlqHeldByReason[Int(reason.rawValue)]
      return held > 0 ? (reason, held) : nil
    }
    result.queueWait = queueWait.summary
    result.queueWaitHistogram = queueWait.histogram
    result.endToEnd = endToEnd.summary
    result.validations = validations
    result.tableConsumedWCU = table.consumedUnits
    result.tableThrottledWrites = table.throttledWrites
    result.tableThrottlesByReason = ThrottleReason.allCases.map { ($0, table.throttlesByReason[Int($0.rawValue)]) }
    result.tablePeakWriteRate = table.peakWriteRate
    result.lambdaConcurrencyLimit = lambdaLimit
    result.esmCeiling = esmCeiling
    result.memoryBytes = memoryBytes
    result.rows = rows
    result.saturation = saturation
    result.eventPollerSeconds = eventPollerSeconds
    result.dlqValidFromReleaseErrors = dlqValidFromReleaseErrors
    return result
  }
}
