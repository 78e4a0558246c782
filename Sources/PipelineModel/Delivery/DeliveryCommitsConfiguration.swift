import SimulationKernel

/// `delivery.commits`: developers' pushes, a Poisson process during the working hours.
public struct DeliveryCommitsConfiguration: Sendable, Equatable {
  /// Pushes per second while the team works.
  public var rate = 4.0 / 3_600
  /// When pushes happen; `nil` = around the clock.
  public var workingHours: WorkingHours? = WorkingHours()
  /// Code freezes: only hotfixes enter the pipeline; other pushes wait for the freeze's end.
  public var freezes: [Freeze] = []
  /// The share of pushes that are hotfixes.
  public var hotfixShare = 0.05
  /// Hotfixes committed at given times (a defect found at the peak), besides the Poisson pushes.
  public var hotfixesAt: [SimDuration] = []

  public init() {}

  /// The team's working day: `[from, to)` each day, on weekdays or every day.
  public struct WorkingHours: Sendable, Equatable {
    public var from: SimDuration = .hours(9)
    public var to: SimDuration = .hours(18)
    public var days: Days = .weekdays
    public init() {}
    public init(from: SimDuration, to: SimDuration, days: Days) {
      self.from = from
      self.to = to
      self.days = days
    }
  }

  /// Which days people push on (the calendar comes from the scenario's `start`; without one,
  /// day 0 is a Monday).
  public enum Days: String, Sendable, CaseIterable {
    case weekdays
    case everyDay = "every_day"
  }

  /// `[from, to)` in simulated time.
  public struct Freeze: Sendable, Equatable {
    public var from: SimDuration
    public var to: SimDuration
    public init(from: SimDuration, to: SimDuration) {
      self.from = from
      self.to = to
    }
  }
}
