/// When (seconds from the start) each limit of the pipeline was first reached: the report's
/// "what saturated first" reads it. `nil` = never.
public struct SaturationLog: Sendable, Equatable {
  /// The mapping's poller fleet at its ceiling with messages waiting.
  public var esmCeiling: Double?
  /// Lambda concurrency at its limit (a throttle).
  public var lambdaConcurrency: Double?
  /// The table throttled a write for capacity, quota or a partition.
  public var tableThrottle: Double?
  public var partitionThrottle: Double?
  /// The queue's in-flight limit stopped receives.
  public var inFlightLimit: Double?

  public init() {}

  /// The limits reached, earliest first (ties in a fixed order).
  public var ordered: [(name: String, seconds: Double)] {
    let all: [(String, Double?)] = [
      ("event source mapping ceiling", esmCeiling), ("Lambda concurrency", lambdaConcurrency),
      ("DynamoDB table capacity", tableThrottle), ("DynamoDB partition", partitionThrottle),
      ("SQS in-flight limit", inFlightLimit),
    ]
    return all.compactMap { name, t in t.map { (name, $0) } }.enumerated()
      .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map { $0.element }
  }
}
