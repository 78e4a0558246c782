/// One report interval of `delivery.csv`: the build queue and the builds running (peaks in
/// the interval) and what happened in it.
public struct DeliveryRow: Sendable, Equatable {
  public var commits = 0
  public var queued = 0
  public var running = 0
  public var lost = 0
  public var rejected = 0
  public var timedOut = 0
  public var succeeded = 0
  public var failed = 0
  public init() {}
}
