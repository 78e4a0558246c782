import SimulationKernel

/// Thrown when the queue's backlog passes the scenario's `limits.max_backlog`: the run is
/// stopped rather than left to grow (about 40 bytes a queued message) until the machine runs
/// out of memory. A property of the scenario (far more traffic than capacity), not a bug.
public struct BacklogLimitExceeded: Error, CustomStringConvertible {
  public var limit: Int
  public var backlog: Int
  public var at: SimTime
  /// Memory a queued message costs, with its share of the event queue (measured: an
  /// overloaded run grew by about 40 MB a second at 1 M orders/s).
  public static let bytesPerMessage = 40

  public init(limit: Int, backlog: Int, at: SimTime) {
    self.limit = limit
    self.backlog = backlog
    self.at = at
  }

  public var description: String {
    let bytes = Double(limit) * Double(Self.bytesPerMessage)
    let memory =
      bytes >= 1e9 ? "\((bytes / 1e8).rounded() / 10) GB" : "\(Int((bytes / 1e6).rounded(.up))) MB"
    return "the backlog exceeds \(limit) messages (≈ \(memory) of memory) at \(Int(at.seconds)) s simulated: "
      + "the traffic far exceeds the capacity; the run was stopped (raise limits.max_backlog to let it grow)"
  }
}
