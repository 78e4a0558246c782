/// One report interval of a run: the `timeseries.csv` row (SCENARIO.md, "Outputs").
/// Counters count events in the interval; gauges are read at its end unless named "peak".
public struct IntervalRow: Sendable, Equatable {
  public var timeSeconds: Double = 0
  public var arrivals = 0
  public var sent = 0
  public var rejectedAtSend = 0
  public var queueVisible = 0
  public var queueInFlight = 0
  public var oldestAgeSeconds = 0.0
  public var esmPollers = 0
  public var lambdaConcurrency = 0
  public var lambdaConcurrencyLimit = 0
  public var lambdaThrottles = 0
  public var invocations = 0
  public var coldStarts = 0
  public var functionErrors = 0
  public var tableWriteCapacity = 0.0
  public var tableConsumedWCU = 0.0
  public var tableThrottles = 0
  public var persisted = 0
  public var duplicatesSuppressed = 0
  public var dlq = 0
  public var dlqValid = 0
  public var expired = 0
  public var lost = 0
  public var clientErrors = 0

  public init() {}
}
