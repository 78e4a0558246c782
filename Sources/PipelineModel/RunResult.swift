import Histogram

/// SQS requests a run made, for the bill (aws-behaviour.md §1 "Request pricing").
public struct SQSRequests: Sendable, Equatable {
  public var send = 0
  public var receive = 0
  public var delete = 0
  /// Empty long polls of idle pollers (20 s each; §1 "Cost of idle Lambda polling").
  public var emptyReceives = 0
  public var total: Int { send + receive + delete + emptyReceives }
}

/// What one run produced: the figures of `summary.json` (SCENARIO.md, "Outputs") and the
/// interval rows of `timeseries.csv`. Plain values, no I/O.
public struct RunResult: Sendable {
  public var configuration: PipelineConfiguration
  public var events = 0
  public var simulatedSeconds = 0.0
  public var ordersArrived = 0
  public var validOrders = 0
  public var ordersLost = 0
  public var ledger = OrderLedger()
  public var dlqValid = 0
  /// Messages held in the DLQ at the end, by the reason of their last failure, in a fixed order.
  public var dlqByReason: [(reason: String, count: Int)] = []
  public var queueWait = LatencySummary()
  public var endToEnd = LatencySummary()
  public var maxVisible = 0
  public var maxOldestAgeSeconds = 0.0
  public var peakConcurrency = 0
  public var invocations = 0
  public var coldStarts = 0
  public var lambdaThrottles = 0
  public var throttledBatchesDropped = 0
  public var functionErrors = 0
  public var gbSeconds = 0.0
  public var billedMilliseconds = 0.0
  /// Of which INIT (cold starts), billed only from 1 Aug 2025 (§3 "INIT billing change").
  public var initMilliseconds = 0.0
  /// Provisioned capacity × time.
  public var provisionedWCUHours = 0.0
  /// Order bodies written and judged by the validation core (one per order: a duplicate and
  /// every re-delivery carry the same body, hence the same verdict).
  public var validations = 0
  /// Messages handed to invocations (each receive of each message, extra copies included).
  public var deliveries = 0
  public var tableConsumedWCU = 0.0
  public var tableThrottledWrites = 0
  public var tableThrottlesByReason: [(reason: String, count: Int)] = []
  public var tablePeakWriteRate = 0.0
  public var duplicateWrites = 0
  public var sqsRequests = SQSRequests()
  public var lambdaConcurrencyLimit = 0
  public var esmCeiling = 0
  public var clientRequests = 0
  public var clientErrors = 0
  /// Bytes held by queued-message storage at the end (memory grows with the backlog).
  public var memoryBytes = 0
  public var rows: [IntervalRow] = []
  public var saturation = SaturationLog()
  /// Queue waits in microseconds (HDR, 3 significant digits), for tail probabilities.
  public var queueWaitHistogram = Histogram<UInt64>(highestTrackableValue: 2)

  /// P(queue wait > `seconds`), from the histogram.
  public func queueWaitTail(above seconds: Double) -> Double {
    let total = queueWaitHistogram.totalCount
    guard total > 0 else { return 0 }
    let us = UInt64(max(0, seconds * 1e6))
    let atOrBelow = queueWaitHistogram.count(within: 0...us)
    return Double(total - atOrBelow) / Double(total)
  }

  public init(configuration: PipelineConfiguration) { self.configuration = configuration }

  /// The SLOs judged against this run.
  public var slo: [SLOResult] { SLOResult.evaluate(self) }
  public var allSLOsMet: Bool { slo.allSatisfy(\.met) }
  /// The bill.
  public var cost: CostEstimate { CostEstimate(result: self) }
}
