import PipelineModel
import SimulationKernel

/// When the team pushes: the working hours of `delivery.commits.working_hours` on the
/// scenario's calendar (UTC; without `start`, simulated time zero is a Monday at 00:00).
struct WorkingCalendar: Sendable {
  let hours: DeliveryCommitsConfiguration.WorkingHours?
  /// Seconds from the Unix epoch to simulated time zero (a Monday, 5 Jan 1970, without `start`).
  let epochOffset: Int64

  init(hours: DeliveryCommitsConfiguration.WorkingHours?, startEpochSeconds: Int64?) {
    self.hours = hours
    epochOffset = startEpochSeconds ?? 4 * 86_400
  }

  /// The working window `[from, to)` that holds `t`, or the next one after it; `nil` start
  /// means around the clock.
  func window(atOrAfter t: SimTime) -> (start: SimTime, end: SimTime) {
    guard let hours, hours.to > hours.from else { return (t, .distantFuture) }
    let day: Int64 = 86_400_000_000_000
    let absolute = t.nanoseconds + epochOffset * 1_000_000_000
    var dayStart = absolute - ((absolute % day) + day) % day
    for _ in 0..<8 {
      let start = dayStart + hours.from.nanoseconds
      let end = dayStart + hours.to.nanoseconds
      if isWorkingDay(daysSinceEpoch: dayStart / day) && absolute < end {
        let from = max(absolute, start)
        let offset = epochOffset * 1_000_000_000
        return (SimTime(nanoseconds: from - offset), SimTime(nanoseconds: end - offset))
      }
      dayStart += day
    }
    return (.distantFuture, .distantFuture)
  }

  private func isWorkingDay(daysSinceEpoch: Int64) -> Bool {
    guard hours?.days == .weekdays else { return true }
    let weekday = CivilDate(daysSinceEpoch: daysSinceEpoch).weekday
    return weekday != 0 && weekday != 6
  }
}
