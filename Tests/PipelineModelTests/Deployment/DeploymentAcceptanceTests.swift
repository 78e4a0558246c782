import PipelineModel
import SimulationKernel
import Testing

/// Issue 14's acceptance: CodeDeploy deployments of the order processor during steady traffic
/// (aws-behaviour.md §6 "CodeDeploy Lambda predefined configs", "Alarm-triggered automatic
/// rollback"; §10 "Weighted alias routing", "ESM on an alias", "Alarm timing", "CodeDeploy
/// limits").
@Suite struct DeploymentAcceptanceTests {
  /// 100 orders/s of valid orders, deployments at minute 5.
  static func steady(
    _ strategy: DeploymentStrategy, release: ReleaseBehaviour = ReleaseBehaviour(), alarms: [DeploymentAlarm] = [],
    duration: SimDuration = .minutes(30)
  ) -> PipelineConfiguration {
    var c = TestConfigurations.base(rate: 100, duration: duration)
    c.lambda.timeout = .seconds(5)
    c.queue.visibilityTimeout = .seconds(30)
    var d = DeploymentConfiguration(name: "release", start: .zero + .minutes(5))
    d.strategy = strategy
    d.release = release
    d.alarms = alarms
    c.deployments = [d]
    return c
  }

  static let errorsAlarm = DeploymentAlarm(metric: .errors, threshold: 0)

  @Test func aGoodCanaryRunsAboutTenPercentOfBatchesOnTheNewVersionThenAllAndSucceedsAfterFiveMinutesAndItsHooks()
    throws
  {
    // §6 "– canary": 10 % first, the remaining 90 % five minutes later; hooks before and after
    // (§6 "How traffic is shifted").
    var c = Self.steady(.canary(percent: 10, interval: .minutes(5)))
    c.deployments[0].hooks = DeploymentHooks(beforeAllowTraffic: .seconds(60), afterAllowTraffic: .seconds(30))
    let r = try Simulation.run(c)
    let d = try #require(r.deployments.first)
    #expect(d.outcome == .succeeded)
    #expect(d.startSeconds == 300)
    #expect(d.endSeconds == Double(300 + 60 + 300 + 30))
    // The canary runs from 6 min to 11 min: the rows ending at 7 … 11 min are wholly inside it.
    let canaryRows = r.rows.filter { $0.timeSeconds > 360 && $0.timeSeconds <= 660 }
    #expect(canaryRows.count == 5)
    let newInvocations = canaryRows.reduce(0) { $0 + $1.count(.newVersionInvocations) }
    let invocations = canaryRows.reduce(0) { $0 + $1.count(.invocations) }
    let share = Double(newInvocations) / Double(invocations)
    // Per batch a Bernoulli(0.1) draw: 4 standard deviations of the binomial share.
    let tolerance = 4 * (0.1 * 0.9 / Double(invocations)).squareRoot()
    #expect(abs(share - 0.1) < tolerance, "new-version share \(share) of \(invocations) invocations")
    for row in canaryRows { #expect(abs(row[.newVersionShare] - 0.1) < 1e-9) }
    // Then 100 %: the new version is the alias's only version.
    for row in r.rows where row.timeSeconds > 720 { #expect(row[.newVersionShare] == 1) }
    #expect(d.maxNewVersionShare == 1)
    #expect(r.dlqValid == 0 && r.count(.functionErrors) == 0)
  }

  @Test func aFailingReleaseWithAnErrorsAlarmIsRolledBackWithinPeriodTimesDatapointsPlusTheDelays() throws {
    // §10 "Alarm timing": detection ≈ M × period + metric delay + poll delay (+ up to a minute
    // of the one-minute grid).
    let alarm = DeploymentAlarm(
      metric: .errors, threshold: 5, period: .minutes(1), evaluationPeriods: 2, datapointsToAlarm: 2)
    let c = Self.steady(
      .canary(percent: 10, interval: .minutes(10)), release: ReleaseBehaviour(errorRate: 1), alarms: [alarm])
    let r = try Simulation.run(c)
    let d = try #require(r.deployments.first)
    #expect(d.outcome == .rolledBack)
    let start = try #require(d.startSeconds)
    let end = try #require(d.endSeconds)
    let bound =
      alarm.period.seconds * Double(alarm.datapointsToAlarm) + DeploymentAlarm.metricDelay.seconds
      + DeploymentConfiguration.defaultAlarmPollDelay.seconds + 60
    #expect(end - start <= bound, "rolled back after \(end - start) s, bound \(bound) s")
    #expect(end - start >= alarm.period.seconds * Double(alarm.datapointsToAlarm) + DeploymentAlarm.metricDelay.seconds)
    #expect(d.timeline.contains { $0.kind == .alarm(metric: "errors") })
    // After the rollback no batch starts on the new version.
    for row in r.rows where row.timeSeconds > end + 60 { #expect(row.count(.newVersionInvocations) == 0) }
    #expect(d.newVersionErrors == d.newVersionInvocations && d.newVersionErrors > 0)
  }

  /// A five-minute AfterAllowTraffic hook (a bake time) keeps an all-at-once deployment open
  /// long enough for its alarm: both deployments are then rolled back.
  static func baked(_ strategy: DeploymentStrategy) -> PipelineConfiguration {
    var c = Self.steady(strategy, release: ReleaseBehaviour(errorRate: 1), alarms: [Self.errorsAlarm])
    c.deployments[0].hooks.afterAllowTraffic = .minutes(5)
    return c
  }

  @Test func aCanaryFailsFarFewerInvocationsThanTheSameReleaseAllAtOnce() throws {
    let canary = try Simulation.run(Self.baked(.canary(percent: 10, interval: .minutes(5))))
    let allAtOnce = try Simulation.run(Self.baked(.allAtOnce))
    let c = try #require(canary.deployments.first)
    let a = try #require(allAtOnce.deployments.first)
    #expect(c.outcome == .rolledBack && a.outcome == .rolledBack)
    #expect(
      c.newVersionErrors * 4 < a.newVersionErrors, "canary \(c.newVersionErrors), all at once \(a.newVersionErrors)")
    #expect(c.returnedMessages * 4 < a.returnedMessages)
  }

  @Test func allAtOnceWithoutHooksEndsBeforeAnAlarmCanSeeItsErrors() throws {
    // §6 "– all at once" and §10 "Alarm timing": the deployment is over the moment traffic
    // moves, a minute before the first datapoint arrives; the release stays.
    let r = try Simulation.run(
      Self.steady(.allAtOnce, release: ReleaseBehaviour(errorRate: 1), alarms: [Self.errorsAlarm]))
    let d = try #require(r.deployments.first)
    #expect(d.outcome == .succeeded && d.endSeconds == 300)
    // Every invocation of the release that ended failed (the last ones run past the horizon).
    #expect(d.newVersionInvocations > 1_000)
    #expect(Double(d.newVersionErrors) > 0.99 * Double(d.newVersionInvocations))
  }

  @Test func withMaxReceiveCountTwoAllAtOncePushesValidOrdersIntoTheDLQAndTheCanaryFewer() throws {
    // §1 "Redrive policy": a message that fails its receives moves to the DLQ; every order here
    // is valid, so every DLQ message is a valid order the bad release cost.
    func run(_ strategy: DeploymentStrategy) throws -> RunResult {
      var c = Self.baked(strategy)
      c.queue.maxReceiveCount = 2
      return try Simulation.run(c)
    }
    let allAtOnce = try run(.allAtOnce)
    let canary = try run(.canary(percent: 10, interval: .minutes(5)))
    #expect(allAtOnce.dlqValid > 100, "all at once: \(allAtOnce.dlqValid)")
    #expect(canary.dlqValid * 10 < allAtOnce.dlqValid, "canary \(canary.dlqValid), all at once \(allAtOnce.dlqValid)")
    #expect(allAtOnce.dlqValidFromReleaseErrors == allAtOnce.dlqValid)
  }

  @Test func linearTenPercentEveryMinuteReachesAllTrafficInTheTenthMinuteAndTheShareColumnSteps() throws {
    // §6 "– linear": 10 % every minute until all traffic is shifted (10 increments).
    let r = try Simulation.run(Self.steady(.linear(percent: 10, interval: .minutes(1))))
    let d = try #require(r.deployments.first)
    #expect(d.outcome == .succeeded)
    #expect(d.endSeconds == Double(300 + 9 * 60))
    let shares = r.rows.filter { $0.timeSeconds > 300 && $0.timeSeconds <= 900 }.map { $0[.newVersionShare] }
    let expected = (1...10).map { Double($0) / 10 }
    #expect(shares.count == 10)
    for (share, want) in zip(shares, expected) { #expect(abs(share - want) < 1e-9, "\(shares)") }
    #expect(r.rows.filter { $0.timeSeconds <= 300 }.allSatisfy { $0[.newVersionShare] == 0 })
  }

  @Test func aSecondDeploymentRequestedWhileTheFirstRunsWaitsForIt() throws {
    // §10 "CodeDeploy limits": one deployment at a time per deployment group.
    var c = Self.steady(.canary(percent: 10, interval: .minutes(10)))
    var second = DeploymentConfiguration(name: "second", start: .zero + .minutes(8))
    second.strategy = .allAtOnce
    c.deployments.append(second)
    let r = try Simulation.run(c)
    let first = try #require(r.deployments.first)
    let waiting = try #require(r.deployments.last)
    #expect(first.outcome == .succeeded && first.endSeconds == 900)
    #expect(waiting.requestedSeconds == 480)
    #expect(waiting.startSeconds == first.endSeconds)
    #expect(waiting.outcome == .succeeded)
  }

  @Test func synchronousCallersSeeTheReleasesErrorsDirectly() throws {
    var c = Self.baked(.allAtOnce)
    c.architecture = .synchronous
    c.orders.clientRetries = 0
    let r = try Simulation.run(c)
    let d = try #require(r.deployments.first)
    #expect(d.outcome == .rolledBack)
    #expect(r.count(.clientErrors) >= d.newVersionErrors && d.newVersionErrors > 1_000)
    #expect(r.count(.lost) == d.newVersionErrors)  // no retries: each failed request is a lost order
  }

  @Test func aSlowerReleaseMakesTheNewVersionsInvocationsLonger() throws {
    var fast = Self.steady(.allAtOnce)
    fast.lambda.perInvocation = .constant(0.1)
    fast.lambda.perMessage = .constant(0)
    var slow = fast
    slow.deployments[0].release = ReleaseBehaviour(durationFactor: 3)
    let a = try Simulation.run(fast)
    let b = try Simulation.run(slow)
    // 5 of 30 minutes at 0.1 s, 25 at 0.3 s per invocation: about 2.7 × the billed time.
    #expect(b[.billedMilliseconds] > 2 * a[.billedMilliseconds])
  }
}
