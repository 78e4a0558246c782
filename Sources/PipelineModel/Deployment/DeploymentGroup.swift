import SimulationKernel

/// The CodeDeploy deployment group of the order processor (aws-behaviour.md §6, §10): it runs
/// the scenario's deployments one at a time (§10 "CodeDeploy limits": a second one waits),
/// moves the alias through each deployment's schedule between its hooks, watches the
/// deployment's CloudWatch alarms on the one-minute grid and stops — and rolls back — a
/// deployment whose alarm CodeDeploy notices (§6 "Alarm-triggered automatic rollback").
///
/// Invocations already running when the alias moves finish on the version they started on
/// (§10 "ESM on an alias": not documented; modelled so); returned messages go to whichever
/// version the alias picks for their next batch.
struct DeploymentGroup: ~Copyable {
  let deployments: [DeploymentConfiguration]
  private(set) var records: [DeploymentRecord]
  var routing: AliasRouting
  var datapoints: CloudWatchDatapoints
  /// The deployment under way, and those waiting for it, first come first served.
  private(set) var active: Int?
  private var waiting: [Int] = []
  /// The deployment whose release is in each version slot (`nil`: the function as
  /// configured): an invocation counts to the release it runs, during its deployment and, once
  /// it succeeded, after.
  private var owners: (Int?, Int?) = (nil, nil)
  /// The deployment begun last: `new_version_invocations` counts its release.
  private(set) var latest: Int?
  private var alarmNoticeScheduled = false
  private let hasAlarms: Bool

  /// What the pipeline must do after an event.
  enum Action {
    case none
    /// Put deployment `index`'s release into the alias's candidate slot, with fresh (cold)
    /// environments (§10 "Provisioned concurrency during a shift": a new version starts cold).
    case install(Int)
  }

  init(configuration: PipelineConfiguration) {
    deployments = configuration.deployments
    records = deployments.map { DeploymentRecord(name: $0.name, config: Self.configName($0.strategy)) }
    routing = AliasRouting(seed: configuration.seed)
    hasAlarms = deployments.contains { !$0.alarms.isEmpty }
    datapoints = CloudWatchDatapoints(
      watchesDuration: deployments.contains { $0.alarms.contains { $0.metric == .durationP99 } })
  }

  var isEmpty: Bool { deployments.isEmpty }

  static func configName(_ strategy: DeploymentStrategy) -> String {
    if let name = strategy.predefinedName { return name }
    switch strategy {
    case .allAtOnce: return "all_at_once"
    case .canary(let p, let interval): return "canary_\(p)_percent_\(interval.nanoseconds / 60_000_000_000)_minutes"
    case .linear(let p, let interval):
      return "linear_\(p)_percent_every_\(interval.nanoseconds / 60_000_000_000)_minutes"
    }
  }

  /// Schedules each deployment's request and, when any has alarms, the CloudWatch minute grid.
  mutating func schedule(_ scheduler: inout EventScheduler<PipelineEvent>) {
    for (index, deployment) in deployments.enumerated() {
      if let start = deployment.start { scheduler.schedule(.deployment(.requested(UInt16(index))), at: start) }
    }
    if hasAlarms { scheduler.schedule(.deployment(.minuteTick), at: .zero + .minutes(1)) }
  }

  // MARK: - Events

  mutating func handle(
    _ event: DeploymentEvent, now: SimTime, scheduler: inout EventScheduler<PipelineEvent>
  ) -> Action {
    switch event {
    case .requested(let i):
      let index = Int(i)
      records[index].requestedSeconds = now.seconds
      records[index].timeline.append(.init(seconds: now.seconds, kind: .requested))
      guard active == nil else {
        waiting.append(index)
        return .none
      }
      return begin(index, now: now, scheduler: &scheduler)
    case .beforeHookEnded(let i):
      guard active == Int(i) else { return .none }
      shift(Int(i), step: 0, now: now, scheduler: &scheduler)
    case .shift(let i, let step):
      guard active == Int(i) else { return .none }
      shift(Int(i), step: Int(step), now: now, scheduler: &scheduler)
    case .afterHookEnded(let i):
      guard active == Int(i) else { return .none }
      routing.promote(now: now)
      return end(Int(i), .succeeded, now: now, scheduler: &scheduler)
    case .alarmNoticed(let i):
      guard active == Int(i) else { return .none }
      if deployments[Int(i)].autoRollback {
        routing.setWeight(0, now: now)
        return end(Int(i), .rolledBack, now: now, scheduler: &scheduler)
      }
      return end(Int(i), .stopped, now: now, scheduler: &scheduler)
    case .minuteTick:
      break  // the pipeline calls ``minuteTick(_:now:scheduler:)`` with its readings
    }
    return .none
  }

  /// A step of a deployment, for either architecture: a deployment that begins installs its
  /// release in `function`'s candidate version slot.
  mutating func advance(
    _ event: DeploymentEvent, function: inout LambdaFunction, now: SimTime,
    scheduler: inout EventScheduler<PipelineEvent>
  ) {
    if case .install(let index) = handle(event, now: now, scheduler: &scheduler) {
      function.install(release: deployments[index].release, slot: routing.candidate)
    }
  }

  /// The minute that just ended becomes a datapoint; the active deployment's alarms are
  /// evaluated, and an alarm in ALARM is noticed `alarm_poll_delay` later (§10 "Alarm timing").
  mutating func minuteTick(
    _ reading: CloudWatchDatapoints.Reading, now: SimTime, scheduler: inout EventScheduler<PipelineEvent>
  ) {
    datapoints.close(reading)
    if let a = active, !alarmNoticeScheduled {
      for alarm in deployments[a].alarms where datapoints.inAlarm(alarm, now: now) {
        records[a].timeline.append(.init(seconds: now.seconds, kind: .alarm(metric: alarm.metric.rawValue)))
        alarmNoticeScheduled = true
        scheduler.schedule(.deployment(.alarmNoticed(UInt16(a))), at: now + deployments[a].alarmPollDelay)
        break
      }
    }
    scheduler.schedule(.deployment(.minuteTick), after: .minutes(1))
  }

  private mutating func begin(
    _ index: Int, now: SimTime, scheduler: inout EventScheduler<PipelineEvent>
  ) -> Action {
    active = index
    latest = index
    if routing.candidate == 0 { owners.0 = index } else { owners.1 = index }
    routing.setWeight(0, now: now)
    alarmNoticeScheduled = false
    records[index].startSeconds = now.seconds
    records[index].timeline.append(.init(seconds: now.seconds, kind: .started))
    scheduler.schedule(
      .deployment(.beforeHookEnded(UInt16(index))), at: now + deployments[index].hooks.beforeAllowTraffic)
    return .install(index)
  }

  private mutating func shift(_ index: Int, step: Int, now: SimTime, scheduler: inout EventScheduler<PipelineEvent>) {
    let shifts = deployments[index].strategy.schedule.shifts
    let weight = shifts[step].weight
    routing.setWeight(weight, now: now)
    records[index].maxNewVersionShare = max(records[index].maxNewVersionShare, weight)
    records[index].timeline.append(.init(seconds: now.seconds, kind: .shift(weight: weight)))
    if step + 1 < shifts.count {
      scheduler.schedule(
        .deployment(.shift(UInt16(index), shift: UInt16(step + 1))),
        at: now + (shifts[step + 1].offset - shifts[step].offset))
    } else {
      scheduler.schedule(
        .deployment(.afterHookEnded(UInt16(index))), at: now + deployments[index].hooks.afterAllowTraffic)
    }
  }

  private mutating func end(
    _ index: Int, _ outcome: DeploymentRecord.Outcome, now: SimTime, scheduler: inout EventScheduler<PipelineEvent>
  ) -> Action {
    records[index].outcome = outcome
    records[index].endSeconds = now.seconds
    let kind: DeploymentRecord.Step.Kind =
      switch outcome {
      case .rolledBack: .rolledBack
      case .stopped: .stopped
      default: .succeeded
      }
    records[index].timeline.append(.init(seconds: now.seconds, kind: kind))
    active = nil
    guard !waiting.isEmpty else { return .none }
    return begin(waiting.removeFirst(), now: now, scheduler: &scheduler)
  }

  // MARK: - Invocations

  /// An invocation started on version `slot` with `messages` messages; true when it runs the
  /// release of the latest deployment.
  @inline(__always)
  mutating func invocationStarted(slot: UInt8, messages: Int) -> Bool {
    let owner = slot == 0 ? owners.0 : owners.1
    if let owner {
      records[owner].newVersionInvocations += 1
      records[owner].newVersionMessages += messages
    }
    if let a = active, owner != a {
      records[a].oldVersionInvocations += 1
      records[a].oldVersionMessages += messages
    }
    return owner != nil && owner == latest
  }

  /// An invocation of version `slot` ended; `failed` when it threw or timed out, `returned`
  /// the messages it sends back to the queue.
  @inline(__always)
  mutating func invocationEnded(slot: UInt8, failed: Bool, returned: Int, duration: SimDuration) {
    if datapoints.watchesDuration { datapoints.durations.append(duration.seconds) }
    if let owner = slot == 0 ? owners.0 : owners.1 {
      if failed { records[owner].newVersionErrors += 1 }
      records[owner].returnedMessages += returned
    }
  }

  /// The records at the end of the run: deployments under way or waiting say so.
  func finalRecords() -> [DeploymentRecord] {
    records.map { record in
      var r = record
      if r.isUnderWay {
        r.outcome = .runningAtEnd
      } else if r.requestedSeconds != nil && r.startSeconds == nil {
        r.outcome = .waitingAtEnd
      }
      return r
    }
  }
}
