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
///
/// The counted figures are ``totals``, one per ``Metric`` of the catalogue (`result[.invocations]`);
/// the rest are what the catalogue cannot hold: the ledger, latency distributions, the DLQ by
/// reason, the table's own counts.
public struct RunResult: Sendable {
  public var configuration: PipelineConfiguration
  /// Every event the kernel handed out (arrivals and returning messages included).
  public var events = 0
  public var simulatedSeconds = 0.0
  /// The run's figure of every metric: counters summed, gauges and peaks the highest reading.
  public var totals = MetricValues()
  public var ledger = OrderLedger()
  /// Valid orders held in the DLQ at the end.
  public var dlqValid = 0
  /// Valid orders in the DLQ whose order was persisted anyway (a late write, or a twin).
  public var dlqValidAlreadyPersisted = 0
  /// Valid orders unfinished at the end, included in `endToEnd` at their age (right-censored).
  public var censoredOrders = 0
  /// Messages held in the DLQ at the end, by the reason of their last failure, in a fixed order.
  public var dlqByReason: [(reason: FailureReason, count: Int)] = []
  public var queueWait = LatencySummary()
  public var endToEnd = LatencySummary()
  /// Order bodies written and judged by the validation core (one per order: a duplicate and
  /// every re-delivery carry the same body, hence the same verdict).
  public var validations = 0
  public var tableConsumedWCU = 0.0
  public var tableThrottledWrites = 0
  public var tableThrottlesByReason: [(reason: ThrottleReason, count: Int)] = []
  public var tablePeakWriteRate = 0.0
  public var lambdaConcurrencyLimit = 0
  public var esmCeiling = 0
  /// Bytes held by queued-message storage at the end (memory grows with the backlog).
  public var memoryBytes = 0
  public var rows: [IntervalRow] = []
  public var saturation = SaturationLog()
  /// SQS provisioned mode: event pollers × seconds (EPU-seconds, §2); 0 in standard mode.
  public var eventPollerSeconds = 0.0
  /// What became of each CodeDeploy deployment, in the scenario's order (empty without).
  public var deployments: [DeploymentRecord] = []
  /// Valid orders moved to the DLQ because a deployed release threw on their last receive.
  public var dlqValidFromReleaseErrors = 0
  /// Queue waits in microseconds (HDR, 3 significant digits), for tail probabilities.
  public var queueWaitHistogram = Histogram<UInt64>(highestTrackableValue: 2)
  /// The delivery pipeline's figures, when the scenario has one (`DeliveryModel` fills it).
  public var delivery: DeliverySummary?

  public init(configuration: PipelineConfiguration) { self.configuration = configuration }

  /// The run's figure of `metric`.
  @inlinable public subscript(metric: Metric) -> Double {
    get { totals[metric] }
    set { totals[metric] = newValue }
  }
  /// The run's figure of `metric` as a whole number (counts).
  @inlinable public func count(_ metric: Metric) -> Int { totals.count(metric) }

  /// SQS requests by kind, idle long polls included (20 s each).
  public var sqsRequests: SQSRequests {
    SQSRequests(
      send: count(.sqsSendRequests), receive: count(.sqsReceiveRequests), delete: count(.sqsDeleteRequests),
      emptyReceives: Int((self[.idlePollerSeconds] / 20).rounded(.up)))
  }

  /// P(queue wait > `seconds`), from the histogram.
  public func queueWaitTail(above seconds: Double) -> Double {
    let total = queueWaitHistogram.totalCount
    guard total > 0 else { return 0 }
    let us = UInt64(max(0, seconds * 1e6))
    let atOrBelow = queueWaitHistogram.count(within: 0...us)
    return Double(total - atOrBelow) / Double(total)
  }

  /// The SLOs judged against this run.
  public var slo: [SLOResult] { SLOResult.evaluate(self) }
  public var allSLOsMet: Bool { slo.allSatisfy(\.met) }
  /// The bill.
  public var cost: CostEstimate { CostEstimate(result: self) }
}
