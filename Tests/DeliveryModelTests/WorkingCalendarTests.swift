import PipelineModel
import SimulationKernel
import Testing

@testable import DeliveryModel

/// Pushes follow the working day: 9–18 h on weekdays by default.
@Suite struct WorkingCalendarTests {
  @Test func weekendsAndNightsHaveNoPushes() throws {
    var c = DeliveryTestConfigurations.base(system: .codebuild, duration: .days(14))
    c.delivery?.commits.rate = 20.0 / 3_600
    c.delivery?.commits.workingHours = .init(from: .hours(9), to: .hours(18), days: .weekdays)
    let outcome = try #require(DeliveryRun.simulate(c))
    // Without `start`, day 0 is a Monday.
    for build in outcome.builds {
      let day = build.pushedAt.nanoseconds / SimDuration.days(1).nanoseconds
      let hour = (build.pushedAt.nanoseconds % SimDuration.days(1).nanoseconds) / SimDuration.hours(1).nanoseconds
      #expect(day % 7 < 5 && (9..<18).contains(hour), "push at \(build.pushedAt)")
    }
    // 10 working days × 9 h × 20/h = 1,800 expected; Poisson sd ≈ 42.
    #expect(abs(outcome.builds.count - 1_800) < 200)
  }

  @Test func theCalendarFollowsTheScenarioStart() {
    // 2026-11-27 (Black Friday) is a Friday: from its midnight, the next window after Friday
    // 18:00 opens on Monday at 09:00.
    let friday = Int64(CivilDate(year: 2026, month: 11, day: 27).daysSinceEpoch) * 86_400
    let calendar = WorkingCalendar(hours: .init(), startEpochSeconds: friday)
    let window = calendar.window(atOrAfter: SimTime.zero + .hours(19))
    #expect(window.start == SimTime.zero + .days(3) + .hours(9))
    #expect(window.end == SimTime.zero + .days(3) + .hours(18))
  }
}
