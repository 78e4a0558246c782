import SimulationKernel

/// How many batches the SQS event source mapping works on at once in provisioned mode
/// (aws-behaviour.md §2 "Provisioned mode for SQS ESM", §10 "SQS ESM provisioned mode"): the
/// second scaling policy beside ``PollerScaling``.
///
/// - Each event poller runs up to 10 concurrent invocations (and reads up to about 1 MB/s, see
///   ``PollerThroughput``): `target` counts concurrent batches, the fleet is `target / 10`
///   event pollers, never fewer than `minimum_pollers` nor more than `maximum_pollers`.
/// - The minimum pollers are always ready: the mapping starts at `minimum_pollers × 10`
///   concurrent batches, with no ramp from 5.
/// - Each second that messages are still waiting it grows by up to 1,000 concurrent
///   invocations a minute (§2: "scales up to 1,000 concurrency per minute"), up to
///   `maximum_pollers × 10`, 20,000 ("up to 20,000 concurrency") and what the account leaves
///   the function. As in standard mode reserved concurrency is not a ceiling (§7.3).
/// - Scale-down and back-off are AWS's standard-mode rules (one batch per empty long poll or
///   per failed batch; AWS documents none for provisioned mode), but never below the minimum
///   pollers' `minimum_pollers × 10` batches: those pollers stay provisioned.
public struct ProvisionedPollerScaling: Sendable {
  public let mode: ProvisionedPollerConfiguration
  /// The most concurrent batches: `maximum_pollers × 10`, 20,000, and the account's share.
  public let ceiling: Int
  /// Concurrent batches wanted now.
  public private(set) var target: Double
  /// The minimum pollers' concurrent batches (capped at the ceiling).
  let floor: Double

  /// §2: up to 10 concurrent invocations per event poller.
  public static let invocationsPerPoller = 10
  /// §2: up to 1,000 more concurrent invocations per minute.
  public static let scaleUpPerMinute = 1_000.0
  /// §2: up to 20,000 concurrent invocations in provisioned mode.
  public static let maximumConcurrency = 20_000
  static let perSecond = scaleUpPerMinute / 60

  public init(mode: ProvisionedPollerConfiguration, accountAvailable: Int) {
    self.mode = mode
    let byPollers = mode.maximumPollers * Self.invocationsPerPoller
    ceiling = max(1, min(byPollers, Self.maximumConcurrency, accountAvailable))
    floor = min(Double(mode.minimumPollers * Self.invocationsPerPoller), Double(ceiling))
    target = floor
  }

  /// The number of pollers (concurrent batches) the mapping wants now.
  public var pollers: Int { max(1, Int(target)) }

  /// Event pollers provisioned now (what is billed): enough for `target` batches, within
  /// `minimum_pollers` … `maximum_pollers`.
  public var eventPollers: Int {
    let needed = (pollers + Self.invocationsPerPoller - 1) / Self.invocationsPerPoller
    return min(mode.maximumPollers, max(mode.minimumPollers, needed))
  }

  /// One scaling decision, taken every second.
  public mutating func tick(messagesWaiting: Bool, emptyLongPolls: Int) {
    if messagesWaiting {
      target = min(Double(ceiling), target + Self.perSecond)
    } else {
      target = max(floor, target - min(Self.perSecond, Double(emptyLongPolls)))
    }
  }

  /// One batch failed or was throttled out: back off by one concurrent batch.
  public mutating func backOff() { target = max(floor, target - 1) }
}
