import SimulationKernel

/// The read throughput of provisioned event pollers: each handles up to about 1 MB/s
/// (aws-behaviour.md §2 "Provisioned mode for SQS ESM"; AWS doc "Lambda parameters for Amazon
/// SQS event source mappings": "Each poller can handle up to 1 MB/sec of throughput").
///
/// A byte bucket shared by the fleet, refilled at `event pollers × 1 MB/s` and holding at most
/// one second of it. A batch is charged its bodies' bytes when it is first handed to the
/// function; while the bucket is in debt no poller starts a new receive (it waits until the
/// debt is repaid), so over any stretch the mapping reads at most the fleet's rate. Bodies
/// are not kept with the messages (32 bytes each): their sizes are kept here, by queue slot,
/// only in provisioned mode.
struct PollerThroughput: Sendable {
  /// "About 1 MB/s" per event poller, taken as 1,000,000 bytes a second.
  static let bytesPerSecondPerPoller = 1_000_000.0
  /// The shortest wait, so that rounding never schedules a stream of empty waits.
  static let shortestWait = SimDuration.milliseconds(1)

  /// Body bytes by queue slot.
  private(set) var sizes: [Int32] = []
  /// Bytes the fleet may still read; negative = debt.
  private(set) var balance: Double
  private var refilledAt = SimTime.zero

  init(eventPollers: Int) {
    balance = Double(eventPollers) * Self.bytesPerSecondPerPoller
  }

  /// Records the body size of the message sent into `slot`.
  mutating func note(slot: UInt32, bytes: Int32) {
    let i = Int(slot)
    if i >= sizes.count { sizes.append(contentsOf: repeatElement(0, count: i + 1 - sizes.count)) }
    sizes[i] = bytes
  }

  func bytes(ofSlot slot: UInt32) -> Int {
    let i = Int(slot)
    return i < sizes.count ? Int(sizes[i]) : 0
  }

  /// Adds what `eventPollers` read since the last refill, up to one second's worth.
  mutating func refill(now: SimTime, eventPollers: Int) {
    let rate = Double(eventPollers) * Self.bytesPerSecondPerPoller
    balance = min(rate, balance + rate * (now - refilledAt).seconds)
    refilledAt = now
  }

  mutating func charge(bytes: Int) { balance -= Double(bytes) }

  /// How long until the debt is repaid at `eventPollers`' rate; nil when there is none.
  func wait(eventPollers: Int) -> SimDuration? {
    guard balance < 0 else { return nil }
    let rate = Double(max(1, eventPollers)) * Self.bytesPerSecondPerPoller
    let wait = SimDuration(seconds: -balance / rate)
    return wait < Self.shortestWait ? Self.shortestWait : wait
  }
}
