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
  var dlqValidHeld = 0
  /// Valid orders moved to the DLQ after a deployed release threw on their last receive.
  var dlqValidFromReleaseErrors = 0
  var queueWait = LatencyHistogram()
  var endToEnd = LatencyHistogram()
  /// First instants at which each limit was hit, for "what saturated first" in the report.
  var saturation = SaturationLog()

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

  /// Billed duration rounds up to the millisecond (§3 "Billing granularity").
  mutating func addDuration(_ duration: SimDuration, memoryMB: Int) {
    let ms = Double((duration.nanoseconds + 999_999) / 1_000_000)
    count(.billedMilliseconds, by: ms)
    count(.gbSeconds, by: ms / 1_000 * Double(memoryMB) / 1_024)
  }

  mutating func movedToDLQ(reason: FailureReason, valid: Bool) {
    dlqHeldByReason[Int(reason.rawValue)] += 1
    count(.dlq)
    if valid {
      dlqValidHeld += 1
      count(.dlqValid)
      if reason == .functionError { dlqValidFromReleaseErrors += 1 }
    }
  }

  /// A message's retention ran out in the queue (§1 "Message retention period"): gone, and
  /// its order lost unless it was written already (through this message or its twin).
  mutating func messageExpired(_ record: MessageRecord) {
    ledger.expired += 1
    count(.expired)
    if record.isValidOrder && !record.flags.contains(.written) && !record.flags.contains(.orderPersisted) {
      count(.lost)
    }
  }

  /// DLQ retention ran out (§1): the message is gone, and a valid order with it.
  mutating func expiredFromDLQ(reason: FailureReason, valid: Bool) {
    dlqHeldByReason[Int(reason.rawValue)] -= 1
    ledger.expired += 1
    count(.expired)
    if valid {
      dlqValidHeld -= 1
      count(.lost)
    }
  }

  /// Closes the report interval ending at `now` with the gauges read from the components.
  mutating func closeInterval(
    at now: SimTime, visible: Int, inFlight: Int, oldestAge: SimDuration, pollers: Int, lambdaLimit: Int,
    inUse: Int, tableCapacity: Double
  ) {
    current.timeSeconds = now.seconds
    current[.queueVisible] = Double(visible)
    current[.queueInFlight] = Double(inFlight)
    current[.oldestAge] = oldestAge.seconds
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
    result.dlqValidFromReleaseErrors = dlqValidFromReleaseErrors
    return result
  }
}
