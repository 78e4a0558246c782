import BasicContainers
import Randomness
import SimulationKernel

/// The orders table's write capacity (aws-behaviour.md §5), accounted per whole second.
///
/// - `on_demand`: serves up to max(4,000 WRU/s for a new table, 2 × the previous peak) at once
///   (§5 "New on-demand table, initial throughput", "On-demand scaling rule"). A per-minute
///   average write rate becomes the previous peak once 30 minutes have passed since it was
///   reached, so capacity grows behind sustained traffic and a jump past 2× within 30 minutes
///   throttles. The table quota or `max_write_rate` is a hard cap (§5 "On-demand hard caps").
/// - `provisioned`: WCU per second plus a burst bucket of up to 300 s of unused capacity
///   (§5 "Burst capacity"), with target-tracking auto scaling (``TableAutoscaler``).
/// - Both: writes round up to 1 KB units (§5 "Capacity units"); every partition is capped at
///   1,000 WCU/s (§5 "Per-partition limit"). Writes are spread evenly over the partitions, and
///   `hot_key_share` of them land on partition 0.
public struct DynamoDBTable: ~Copyable {
  public let configuration: TableConfiguration
  public static let partitionLimit = 1_000.0
  public static let newTableWriteRate = 4_000.0
  static let peakSettles = SimDuration.minutes(30)
  static let burstSeconds = 300.0

  /// The current second and what was consumed in it.
  var second: Int64 = 0
  var usedThisSecond = 0.0
  /// A `UniqueArray`: every write adds to a partition without a uniqueness check.
  var partitionUsed: UniqueArray<Double>
  public private(set) var partitions: Int
  var nextPartition = 0
  var hotCredit = 0.0

  /// Provisioned: current capacity and burst credit.
  public private(set) var provisionedCapacity: Double
  var burstCredit = 0.0
  public var autoscaler: TableAutoscaler?

  /// On-demand: settled previous peak, and per-minute averages waiting to settle.
  public private(set) var previousPeak: Double
  var minuteStart = SimTime.zero
  var minuteUsed = 0.0
  var pendingPeaks: [(settlesAt: SimTime, rate: Double)] = []

  /// Totals for the report.
  public private(set) var consumedUnits = 0.0
  public private(set) var throttledWrites = 0
  public private(set) var throttlesByReason = [Int](repeating: 0, count: ThrottleReason.allCases.count)
  public private(set) var peakWriteRate = 0.0
  var latencyStream: SamplerStream
  let latency: Distribution.Sampler

  public init(configuration: TableConfiguration, startEpochSeconds: Int64?, seed: UInt64 = 1) {
    self.configuration = configuration
    latency = configuration.latency.sampler()
    latencyStream = SamplerStream(RandomStream(seed: seed, name: "table.latency"), for: [latency])
    previousPeak = configuration.previousPeak
    provisionedCapacity = configuration.writeCapacity
    if let autoscaling = configuration.autoscaling, configuration.mode == .provisioned {
      provisionedCapacity = min(max(provisionedCapacity, autoscaling.min), autoscaling.max)
      autoscaler = TableAutoscaler(policy: autoscaling, startEpochSeconds: startEpochSeconds ?? 0)
    }
    let capacity =
      configuration.mode == .provisioned
      ? provisionedCapacity : max(Self.newTableWriteRate, 2 * configuration.previousPeak)
    partitions = configuration.partitions ?? max(1, Int((capacity / Self.partitionLimit).rounded(.up)))
    partitionUsed = UniqueArray(repeating: 0, count: partitions)
  }

  /// The latency of one `PutItem`.
  @inline(__always)
  mutating func drawLatency() -> SimDuration { SimDuration(seconds: latencyStream.draw(latency)) }

  /// The write rate the table serves now (WCU/s), before partition limits.
  public var writeCapacity: Double {
    switch configuration.mode {
    case .provisioned: provisionedCapacity
    case .onDemand: min(max(Self.newTableWriteRate, 2 * previousPeak), configuration.maxWriteRate)
    }
  }

  /// One `PutItem` of `units` write units at `now`.
  public mutating func write(units: Int, now: SimTime) -> WriteOutcome {
    if configuration.unlimited {
      consumedUnits += Double(units)
      return .accepted
    }
    advance(to: now)
    let u = Double(units)
    let partition = choosePartition()
    // Table-level limits first (the reason a caller sees), then the key range's.
    var fromBurst = false
    switch configuration.mode {
    case .onDemand:
      if usedThisSecond + u > configuration.maxWriteRate { return throttle(.quota) }
      if usedThisSecond + u > max(Self.newTableWriteRate, 2 * previousPeak) { return throttle(.tableCapacity) }
    case .provisioned:
      if usedThisSecond + u > provisionedCapacity {
        guard burstCredit >= u else { return throttle(.tableCapacity) }
        fromBurst = true
      }
    }
    if partitionUsed[partition] + u > Self.partitionLimit { return throttle(.partition) }
    if fromBurst { burstCredit -= u }
    usedThisSecond += u
    partitionUsed[partition] += u
    minuteUsed += u
    consumedUnits += u
    return .accepted
  }

  @inline(__always)
  mutating func throttle(_ reason: ThrottleReason) -> WriteOutcome {
    throttledWrites += 1
    throttlesByReason[Int(reason.rawValue)] += 1
    return .throttled(reason)
  }

  /// Spreads writes evenly (keys hash uniformly), sending `hot_key_share` of them to partition 0.
  @inline(__always)
  mutating func choosePartition() -> Int {
    let share = configuration.hotKeyShare
    if share > 0 {
      hotCredit += share
      if hotCredit >= 1 {
        hotCredit -= 1
        return 0
      }
    }
    let p = nextPartition
    nextPartition = nextPartition + 1 == partitions ? 0 : nextPartition + 1
    return p
  }

  /// Closes the seconds (and minutes) that ended before `now`.
  public mutating func advance(to now: SimTime) {
    let s = now.nanoseconds / 1_000_000_000
    guard s > second else { return }
    peakWriteRate = max(peakWriteRate, usedThisSecond)
    if configuration.mode == .provisioned {
      // Unused capacity of the closed second, then of the idle seconds in between.
      let idleSeconds = Double(s - second - 1)
      let cap = Self.burstSeconds * provisionedCapacity
      burstCredit = min(
        cap, burstCredit + max(0, provisionedCapacity - usedThisSecond) + idleSeconds * provisionedCapacity)
    }
    second = s
    usedThisSecond = 0
    for i in partitionUsed.indices { partitionUsed[i] = 0 }
    closeMinutes(upTo: now)
  }

  mutating func closeMinutes(upTo now: SimTime) {
    let minute = SimDuration.minutes(1)
    while now - minuteStart >= minute {
      let rate = minuteUsed / 60
      let closedAt = minuteStart + minute
      if configuration.mode == .onDemand, rate > previousPeak {
        pendingPeaks.append((closedAt + Self.peakSettles, rate))
      }
      if var scaler = autoscaler {
        if let capacity = scaler.minuteClosed(at: closedAt, consumedPerSecond: rate, capacity: provisionedCapacity) {
          provisionedCapacity = capacity
          growPartitions(for: capacity)
        }
        autoscaler = scaler
      }
      minuteUsed = 0
      minuteStart = closedAt
    }
    if configuration.mode == .onDemand {
      while let first = pendingPeaks.first, first.settlesAt <= now {
        pendingPeaks.removeFirst()
        if first.rate > previousPeak {
          previousPeak = first.rate
          growPartitions(for: writeCapacity)
        }
      }
    }
  }

  /// Partitions split as capacity grows and never merge.
  mutating func growPartitions(for capacity: Double) {
    guard configuration.partitions == nil else { return }
    let needed = Int((capacity / Self.partitionLimit).rounded(.up))
    if needed > partitions {
      partitions = needed
      partitionUsed = UniqueArray(repeating: 0, count: needed)
      nextPartition = 0
    }
  }
}
