import SimulationKernel
import Testing

@testable import PipelineModel

/// The deployment group's parts alone: schedules, CloudWatch's M-of-N evaluation, the alias.
@Suite struct DeploymentComponentTests {
  @Test func canaryShiftsItsPercentThenTheRestOneIntervalLater() {
    // §6 "– canary".
    let s = DeploymentStrategy.canary(percent: 10, interval: .minutes(5)).schedule
    #expect(s.shifts.map(\.weight) == [0.1, 1])
    #expect(s.shifts.map(\.offset) == [.zero, .minutes(5)])
  }

  @Test func linearShiftsTenTimesAndReachesAllTrafficNineIntervalsIn() {
    // §6 "– linear": 10 increments.
    let s = DeploymentStrategy.linear(percent: 10, interval: .minutes(3)).schedule
    #expect(s.shifts.count == 10)
    #expect(s.shifts.last?.weight == 1)
    #expect(s.length == .minutes(27))
    let uneven = DeploymentStrategy.linear(percent: 30, interval: .minutes(1)).schedule
    #expect(uneven.shifts.map(\.weight) == [0.3, 0.6, 0.9, 1])
  }

  @Test func predefinedNamesAreSCENARIOmdsSpelling() {
    #expect(DeploymentStrategy.named("linear_10_percent_every_1_minute") == .linear(percent: 10, interval: .minutes(1)))
    #expect(
      DeploymentStrategy.named("linear_10_percent_every_2_minutes") == .linear(percent: 10, interval: .minutes(2)))
    #expect(DeploymentStrategy.named("canary_10_percent_30_minutes") == .canary(percent: 10, interval: .minutes(30)))
    #expect(DeploymentStrategy.named("all_at_once") == .allAtOnce)
  }

  static func reading(errors: Double) -> CloudWatchDatapoints.Reading {
    .init(errorsTotal: errors, throttlesTotal: 0, dlqVisible: 0, oldestAge: .zero)
  }

  @Test func anAlarmSeesAMinuteOnlyAfterTheMetricDelay() {
    // §10 "Alarm timing": datapoints per minute, about a minute late.
    var points = CloudWatchDatapoints(watchesDuration: false)
    let alarm = DeploymentAlarm(metric: .errors, threshold: 0)
    points.close(Self.reading(errors: 3))  // minute 0: 3 errors
    #expect(!points.inAlarm(alarm, now: .zero + .minutes(1)))
    points.close(Self.reading(errors: 3))  // minute 1: none
    #expect(points.inAlarm(alarm, now: .zero + .minutes(2)))
    points.close(Self.reading(errors: 3))  // minute 2: none
    #expect(!points.inAlarm(alarm, now: .zero + .minutes(3)))
  }

  @Test func anAlarmNeedsMOfItsNDatapointsAboveTheThreshold() {
    var points = CloudWatchDatapoints(watchesDuration: false)
    let twoOfThree = DeploymentAlarm(metric: .errors, threshold: 5, evaluationPeriods: 3, datapointsToAlarm: 2)
    var total = 0.0
    for errors in [10.0, 0, 10, 0] {
      total += errors
      points.close(Self.reading(errors: total))
    }
    // At 4 min the minutes 0 … 2 have arrived: 10, 0, 10 → 2 of 3 above 5.
    #expect(points.inAlarm(twoOfThree, now: .zero + .minutes(4)))
    // At 5 min the minutes 1 … 3: 0, 10, 0 → 1 of 3.
    points.close(Self.reading(errors: total))
    #expect(!points.inAlarm(twoOfThree, now: .zero + .minutes(5)))
  }

  @Test func aLongerPeriodSumsItsMinutes() {
    var points = CloudWatchDatapoints(watchesDuration: false)
    let fiveMinutes = DeploymentAlarm(metric: .errors, threshold: 8, period: .minutes(5))
    var total = 0.0
    for _ in 0..<5 {
      total += 2
      points.close(Self.reading(errors: total))
    }
    points.close(Self.reading(errors: total))
    #expect(points.inAlarm(fiveMinutes, now: .zero + .minutes(6)))  // 10 errors in minutes 0 … 4
    let higher = DeploymentAlarm(metric: .errors, threshold: 10, period: .minutes(5))
    #expect(!points.inAlarm(higher, now: .zero + .minutes(6)))
  }

  @Test func theAliasDrawsNothingAtWeightsZeroAndOne() {
    // A run without deployments never draws from `deployment.routing`: its outputs stay as
    // they were.
    var used = AliasRouting(seed: 1)
    var fresh = AliasRouting(seed: 1)
    for _ in 0..<100 { #expect(used.route() == 0) }
    used.setWeight(1, now: .zero)
    for _ in 0..<100 { #expect(used.route() == 1) }
    used.setWeight(0.5, now: .zero)
    fresh.setWeight(0.5, now: .zero)
    var counts = [0, 0]
    for _ in 0..<10_000 {
      let a = used.route()
      #expect(a == fresh.route())
      counts[Int(a)] += 1
    }
    #expect(abs(Double(counts[1]) / 10_000 - 0.5) < 0.04)
  }

  @Test func theShareColumnAveragesTheWeightOverTheIntervalAndStaysAtOneAfterSuccess() {
    var alias = AliasRouting(seed: 1)
    alias.setWeight(0.1, now: .zero + .seconds(30))
    #expect(abs(alias.intervalShare(now: .zero + .seconds(60)) - 0.05) < 1e-12)
    alias.promote(now: .zero + .seconds(90))
    #expect(abs(alias.intervalShare(now: .zero + .seconds(120)) - 0.55) < 1e-12)
    #expect(alias.intervalShare(now: .zero + .seconds(180)) == 1)
    #expect(alias.primary == 1 && alias.route() == 1)
  }
}
