import SimulationKernel

/// Everything a run measures: counters per report interval (the `timeseries.csv` rows), run
/// totals, HDR histograms of queue wait and end-to-end latency, and the order ledger.
struct MetricsRecorder: Sendable {
  let interval: SimDuration
  var current = IntervalRow()
  var rows: [IntervalRow] = []
  var ledger = OrderLedger()

  var arrived = 0
  var validOrders = 0
  var lostOrders = 0
  var invocations = 0
  var coldStarts = 0
  var lambdaThrottles = 0
  var throttledBatchesDropped = 0
  var functionErrors = 0
  var validations = 0
  var deliveries = 0
  var duplicateWrites = 0
  var peakConcurrency = 0
  var intervalPeakConcurrency = 0
  var billedMilliseconds = 0.0
  var initMilliseconds = 0.0
  var provisionedWCUHours = 0.0
  var gbSeconds = 0.0
  var maxVisible = 0
  var maxOldestAge = SimDuration.zero
  var dlqMovedByReason = [Int](repeating: 0, count: FailureReason.allCases.count)
  var dlqHeldByReason = [Int](repeating: 0, count: FailureReason.allCases.count)
  var dlqValid = 0
  var sqsSendRequests = 0
  var sqsReceiveRequests = 0
  var sqsDeleteRequests = 0
  var idlePollerSeconds = 0.0
  var queueWait = LatencyHistogram()
  var endToEnd = LatencyHistogram()
  var clientRequests = 0
  var clientErrors = 0

  let provisioned: Bool

  init(configuration: PipelineConfiguration) {
    interval = configuration.interval
    provisioned = configuration.table.mode == .provisioned && !configuration.table.unlimited
  }

  /// First instants at which each limit was hit, for "what saturated first" in the report.
  var saturation = SaturationLog()

  mutating func noteTableThrottle(_ reason: ThrottleReason, at now: SimTime) {
    if reason == .partition {
      if saturation.partitionThrottle == nil { saturation.partitionThrottle = now.seconds }
    } else if saturation.tableThrottle == nil {
      saturation.tableThrottle = now.seconds
    }
  }

  @inline(__always)
  mutating func noteConcurrency(_ inUse: Int) {
    if inUse > intervalPeakConcurrency { intervalPeakConcurrency = inUse }
  }

  /// Billed duration rounds up to the millisecond (§3 "Billing granularity").
  mutating func addDuration(nanoseconds: Int64, memoryMB: Int) {
    let ms = Double((nanoseconds + 999_999) / 1_000_000)
    billedMilliseconds += ms
    gbSeconds += ms / 1_000 * Double(memoryMB) / 1_024
  }

  mutating func movedToDLQ(reason: FailureReason, valid: Bool) {
    dlqMovedByReason[Int(reason.rawValue)] += 1
    dlqHeldByReason[Int(reason.rawValue)] += 1
    current.dlq += 1
    if valid {
      dlqValid += 1
      current.dlqValid += 1
    }
  }

  /// DLQ retention ran out (§1): the message is gone, and a valid order with it.
  mutating func expiredFromDLQ(reason: FailureReason, valid: Bool) {
    dlqHeldByReason[Int(reason.rawValue)] -= 1
    ledger.expired += 1
    current.expired += 1
    if valid {
      dlqValid -= 1
      lostOrders += 1
      current.lost += 1
    }
  }

  mutating func closeInterval(
    at now: SimTime, queue: inout SQSQueue, pollers: Int, lambdaLimit: Int, inUse: Int, tableCapacity: Double
  ) {
    current.timeSeconds = now.seconds
    current.queueVisible = queue.visibleCount
    current.queueInFlight = queue.inFlightCount
    let age = queue.oldestAge(now: now)
    current.oldestAgeSeconds = age.seconds
    current.esmPollers = pollers
    intervalPeakConcurrency = max(intervalPeakConcurrency, inUse)
    current.lambdaConcurrency = intervalPeakConcurrency
    current.lambdaConcurrencyLimit = lambdaLimit
    current.tableWriteCapacity = tableCapacity
    if provisioned {
      let lastEnd = rows.last?.timeSeconds ?? 0
      provisionedWCUHours += tableCapacity * (now.seconds - lastEnd) / 3_600
    }
    peakConcurrency = max(peakConcurrency, intervalPeakConcurrency)
    maxVisible = max(maxVisible, queue.visibleCount)
    if age > maxOldestAge { maxOldestAge = age }
    rows.append(current)
    current = IntervalRow()
    intervalPeakConcurrency = inUse
  }

  func result(
    configuration: PipelineConfiguration, events: Int, endedAt: SimTime, table: DynamoDBTable, lambdaLimit: Int,
    esmCeiling: Int, memoryBytes: Int
  ) -> RunResult {
    var result = RunResult(configuration: configuration)
    result.events = events
    result.simulatedSeconds = endedAt.seconds
    result.ordersArrived = arrived
    result.validOrders = validOrders
    result.ordersLost = lostOrders
    result.ledger = ledger
    result.dlqValid = dlqValid
    result.dlqByReason = FailureReason.allCases.compactMap { reason in
      let held = dlqHeldByReason[Int(reason.rawValue)]
      return held > 0 ? (reason.name, held) : nil
    }
    result.queueWait = queueWait.summary
    result.queueWaitHistogram = queueWait.histogram
    result.endToEnd = endToEnd.summary
    result.maxVisible = maxVisible
    result.maxOldestAgeSeconds = maxOldestAge.seconds
    result.peakConcurrency = peakConcurrency
    result.invocations = invocations
    result.coldStarts = coldStarts
    result.lambdaThrottles = lambdaThrottles
    result.throttledBatchesDropped = throttledBatchesDropped
    result.functionErrors = functionErrors
    result.gbSeconds = gbSeconds
    result.billedMilliseconds = billedMilliseconds
    result.initMilliseconds = initMilliseconds
    result.provisionedWCUHours = provisionedWCUHours
    result.validations = validations
    result.deliveries = deliveries
    result.tableConsumedWCU = table.consumedUnits
    result.tableThrottledWrites = table.throttledWrites
    result.tableThrottlesByReason = ThrottleReason.allCases.map { ($0.name, table.throttlesByReason[Int($0.rawValue)]) }
    result.tablePeakWriteRate = table.peakWriteRate
    result.duplicateWrites = duplicateWrites
    result.sqsRequests = SQSRequests(
      send: sqsSendRequests, receive: sqsReceiveRequests, delete: sqsDeleteRequests,
      emptyReceives: Int((idlePollerSeconds / 20).rounded(.up)))
    result.lambdaConcurrencyLimit = lambdaLimit
    result.esmCeiling = esmCeiling
    result.clientRequests = clientRequests
    result.clientErrors = clientErrors
    result.memoryBytes = memoryBytes
    result.rows = rows
    result.saturation = saturation
    return result
  }
}
