/// What one `PutItem` attempt got from the table.
public enum WriteOutcome: Sendable, Equatable {
  case accepted
  case throttled(ThrottleReason)
}

/// Why DynamoDB throttled a write (aws-behaviour.md §5 "Throttling error", `ThrottlingReasons`).
public enum ThrottleReason: UInt8, CaseIterable, Sendable {
  /// A partition's 1,000 WCU/s (`TableWriteKeyRangeThroughputExceeded`).
  case partition
  /// Provisioned capacity, or the on-demand ceiling of 2 × previous peak.
  case tableCapacity
  /// The on-demand table quota or configured maximum (`MaxOnDemandThroughputExceeded`).
  case quota

  public var name: String {
    switch self {
    case .partition: "partition"
    case .tableCapacity: "table_capacity"
    case .quota: "quota"
    }
  }
}
