import SimulationKernel

/// The shifts of one deployment: at each offset (from the moment traffic starts to move, after
/// the BeforeAllowTraffic hook) the alias gives the new version this weight (aws-behaviour.md
/// §6, §8 "CodeDeploy: model deployments as a time-varying weight w(t)").
///
/// - all at once: 100 % at 0.
/// - canary p / T: p % at 0, 100 % at T (§6 "the remaining 90 % is shifted 5 / 10 / 15 / 30
///   minutes later").
/// - linear p / T: p % at 0 and p % more at the start of each following increment, until 100 %:
///   10 % every minute gives 10 % … 90 % at 0 … 8 min and 100 % at 9 min, so the alias has
///   served 100 % for the whole tenth minute (§6 "– linear": "10 increments; ≈ 9–10 intervals
///   end-to-end").
public struct TrafficShiftSchedule: Sendable, Equatable {
  public struct Shift: Sendable, Equatable {
    public var offset: SimDuration
    /// The new version's weight, 0 … 1.
    public var weight: Double
  }

  public let shifts: [Shift]

  public init(_ strategy: DeploymentStrategy) {
    switch strategy {
    case .allAtOnce:
      shifts = [Shift(offset: .zero, weight: 1)]
    case .canary(let percent, let interval):
      shifts = [Shift(offset: .zero, weight: Double(percent) / 100), Shift(offset: interval, weight: 1)]
    case .linear(let percent, let interval):
      var result: [Shift] = []
      var step: Int64 = 0
      while true {
        let total = min(100, Int(step + 1) * percent)
        result.append(Shift(offset: interval * step, weight: Double(total) / 100))
        if total >= 100 { break }
        step += 1
      }
      shifts = result
    }
  }

  /// From the first shift to the last (the time traffic takes to move, hooks excluded).
  public var length: SimDuration { shifts.last?.offset ?? .zero }
}
