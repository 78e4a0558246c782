import SimulationKernel

/// `slo`: the targets a run is judged against; `nil` = not judged.
public struct SLOConfiguration: Sendable {
  public var p99EndToEnd: SimDuration? = .minutes(5)
  public var maxOldestAge: SimDuration? = .minutes(15)
  public var validOrdersInDLQ: Int? = 0
  public var lostOrders: Int? = 0
  /// The delivery pipeline's lead time p95 (judged only when the scenario has one).
  public var p95LeadTime: SimDuration?

  public init() {}
}

/// `cost`: how the bill is estimated.
public struct CostConfiguration: Sendable {
  /// Subtract the monthly free tiers (off by default: a peak estimate should not hide behind them).
  public var freeTier: Bool = false
  /// USD per event poller unit-hour of SQS provisioned mode (§10 "SQS ESM provisioned mode").
  /// AWS's price was not found (docs/model.md): `nil` leaves the EPU-hours unpriced.
  public var eventPollerUnitHourUSD: Double?
  public init() {}
}
