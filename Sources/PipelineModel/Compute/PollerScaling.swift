import SimulationKernel

/// How many batches the SQS event source mapping works on at once: the target of its poller
/// fleet (aws-behaviour.md §2).
///
/// - Starts with 5 concurrent batches (§2 "Initial concurrency").
/// - Each second that messages are still waiting, grows by the mode's rate per minute
///   (§2 "Scale-up rate": +300/min since Nov 2023, +60/min before), up to its ceiling: the
///   mode's maximum (§2 "Maximum concurrency of one ESM": 1,250, or 1,000 before), the
///   `maximum_concurrency` setting, and what the account leaves the function. Reserved
///   concurrency is deliberately *not* a ceiling: the pollers do not know about it and pull
///   batches the function cannot run — the over-pull of §7.3 that `maximum_concurrency` exists
///   to prevent.
/// - Backs off by one batch for each batch that failed with a function error or was throttled
///   until its visibility timeout ran out (§2 "Backoff on function errors", "Behaviour when the
///   function is throttled": "gradually reduces").
/// - When nothing waits, retires one batch for each poller whose 20 s long poll came back empty
///   (§1 "Long polling"; §2 "Scale-down": "when traffic is low"), at most at the scale-up rate,
///   back to 5, and to 2 after 15 minutes without any message unless `maximum_concurrency` is
///   set. A steady load keeps its pollers: a queue that empties between batches is not low
///   traffic, and a mapping that shrank on every empty moment would run its batches full.
public struct PollerScaling: Sendable {
  public let configuration: EventSourceConfiguration
  public let ceiling: Int
  public private(set) var target: Double
  let perSecond: Double
  var quietSince = SimTime.zero

  public static let busyFloor = 5.0
  public static let idleFloor = 2.0
  static let idleFloorAfter = SimDuration.minutes(15)
  /// The pollers' long-poll wait (§1 "Long polling": at most 20 s, the ESM's).
  public static let longPoll = SimDuration.seconds(20)

  public init(configuration: EventSourceConfiguration, accountAvailable: Int) {
    self.configuration = configuration
    var ceiling = configuration.scaling.ceiling
    if let maximum = configuration.maximumConcurrency { ceiling = min(ceiling, maximum) }
    ceiling = max(1, min(ceiling, accountAvailable))
    self.ceiling = ceiling
    perSecond = configuration.scaling.scaleUpPerMinute / 60
    target = configuration.scaling == .instant ? Double(ceiling) : min(Self.busyFloor, Double(ceiling))
  }

  /// The number of pollers (concurrent batches) the mapping wants now.
  public var pollers: Int { max(1, Int(target)) }

  /// One scaling decision, taken every second.
  public mutating func tick(now: SimTime, messagesWaiting: Bool, receivedRecently: Bool, emptyLongPolls: Int) {
    if configuration.scaling == .instant { return }
    if receivedRecently || messagesWaiting { quietSince = now }
    if messagesWaiting {
      target = min(Double(ceiling), target + perSecond)
    } else {
      let quiet = now - quietSince >= Self.idleFloorAfter && configuration.maximumConcurrency == nil
      let floor = min(quiet ? Self.idleFloor : Self.busyFloor, Double(ceiling))
      target = max(floor, target - min(perSecond, Double(emptyLongPolls)))
    }
  }

  /// One batch failed or was throttled out: back off by one concurrent batch.
  public mutating func backOff() {
    if configuration.scaling == .instant { return }
    target = max(min(Self.busyFloor, Double(ceiling)), target - 1)
  }
}
