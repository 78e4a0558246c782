import SimulationKernel

/// Target-tracking auto scaling of provisioned write capacity (aws-behaviour.md §5
/// "Auto scaling (provisioned) – policy", "– reaction time", "Decrease limit").
///
/// Scales out after 2 consecutive minutes with utilisation above the target, to
/// consumed ÷ target, applied one minute after the alarm (CloudWatch datapoints are 1-minute);
/// scales in after 15 consecutive minutes at least 20 % below the target. Decreases are limited
/// to 4 in the first hour of a UTC day and then 1 per hour (27 a day).
public struct TableAutoscaler: Sendable {
  public let policy: TableConfiguration.Autoscaling
  let startEpochSeconds: Int64
  var minutesAbove = 0
  var minutesBelow = 0
  var pendingIncrease: (at: SimTime, capacity: Double)?
  /// Decrease times, for the daily quota.
  var decreases: [SimTime] = []
  public private(set) var increaseCount = 0
  public private(set) var decreaseCount = 0
  static let applyDelay = SimDuration.minutes(1)

  public init(policy: TableConfiguration.Autoscaling, startEpochSeconds: Int64) {
    self.policy = policy
    self.startEpochSeconds = startEpochSeconds
  }

  /// Called at the end of each simulated minute; returns a new capacity when one takes effect.
  mutating func minuteClosed(at t: SimTime, consumedPerSecond: Double, capacity: Double) -> Double? {
    var result: Double?
    if let pending = pendingIncrease, pending.at <= t {
      pendingIncrease = nil
      if pending.capacity > capacity {
        result = pending.capacity
        increaseCount += 1
      }
    }
    let current = result ?? capacity
    let utilisation = current > 0 ? consumedPerSecond / current : 0
    if utilisation > policy.target { minutesAbove += 1 } else { minutesAbove = 0 }
    if utilisation < policy.target * 0.8 { minutesBelow += 1 } else { minutesBelow = 0 }

    if minutesAbove >= 2 && pendingIncrease == nil {
      let wanted = min(policy.max, (consumedPerSecond / policy.target).rounded(.up))
      if wanted > current { pendingIncrease = (t + Self.applyDelay, wanted) }
      minutesAbove = 0
    }
    if minutesBelow >= 15 && result == nil {
      let wanted = max(policy.min, (consumedPerSecond / policy.target).rounded(.up))
      if wanted < current && decreaseAllowed(at: t) {
        decreases.append(t)
        decreaseCount += 1
        minutesBelow = 0
        return wanted
      }
    }
    return result
  }

  /// 4 decreases in the first hour of a UTC day, then 1 per hour if none in the preceding hour.
  func decreaseAllowed(at t: SimTime) -> Bool {
    let hour = SimDuration.hours(1).nanoseconds
    let day = 24 * hour
    let epoch = SimDuration.seconds(startEpochSeconds)
    let utc = (t + epoch).nanoseconds
    let dayStart = utc - ((utc % day) + day) % day
    let todays = decreases.filter { ($0 + epoch).nanoseconds >= dayStart }
    if utc - dayStart < hour { return todays.count < 4 }
    guard todays.count < 27 else { return false }
    if let last = decreases.last, t - last < .hours(1) { return false }
    return true
  }
}
