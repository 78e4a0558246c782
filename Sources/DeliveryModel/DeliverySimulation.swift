import PipelineModel
import Randomness
import SimulationKernel

/// The delivery pipeline as a discrete-event model: pushes through the working day, builds
/// through CodeBuild or Jenkins, failure e-mails, and releases handed to CodeDeploy one at a
/// time. Components own their state (``CodeBuildProject``, ``JenkinsController``); this struct
/// routes events to them. Every random quantity has its own named stream (`delivery.*`), so the
/// same commits with the same build work and outcomes reach both systems.
struct DeliverySimulation: ~Copyable, EventHandler {
  typealias Event = DeliveryEvent

  let c: DeliveryConfiguration
  let horizon: SimTime
  let calendar: WorkingCalendar
  private(set) var builds: [BuildRecord] = []
  private(set) var codebuild: CodeBuildProject
  private(set) var jenkins: JenkinsController
  private(set) var recorder: DeliveryRecorder
  private(set) var levelChanges: [(time: SimTime, queued: Int, running: Int)] = []
  /// Build indices of successful builds, in release order.
  private(set) var releases: [Int] = []
  private(set) var counts = DeliverySummary.Builds()
  private(set) var commits = 0
  private(set) var hotfixes = 0
  private(set) var heldByFreeze = 0
  /// Pushes held by the freeze in force (they enter the pipeline at its end).
  private var held: [Int] = []
  /// Whether a build's current attempt ends by the build timeout.
  private var endsByTimeout: [Bool] = []

  private var commitStream: RandomStream
  private var workStream: RandomStream
  private var triggerStream: RandomStream
  private var provisioningStream: RandomStream
  private var queueStream: RandomStream
  private var crashStream: RandomStream
  private var notifyStream: RandomStream
  private let work: Distribution.Sampler
  private let trigger: Distribution.Sampler
  private let restart: Distribution.Sampler
  private let notice: Distribution.Sampler

  init(_ configuration: PipelineConfiguration, delivery: DeliveryConfiguration) {
    c = delivery
    horizon = SimTime.zero + configuration.duration
    calendar = WorkingCalendar(hours: delivery.commits.workingHours, startEpochSeconds: configuration.startEpochSeconds)
    codebuild = CodeBuildProject(delivery.build)
    jenkins = JenkinsController(delivery.build)
    recorder = DeliveryRecorder(interval: configuration.interval, duration: configuration.duration)
    let seed = configuration.seed
    commitStream = RandomStream(seed: seed, name: "delivery.commits")
    workStream = RandomStream(seed: seed, name: "delivery.builds")
    triggerStream = RandomStream(seed: seed, name: "delivery.trigger")
    provisioningStream = RandomStream(seed: seed, name: "delivery.codebuild.provisioning")
    queueStream = RandomStream(seed: seed, name: "delivery.codebuild.queue")
    crashStream = RandomStream(seed: seed, name: "delivery.jenkins.crash")
    notifyStream = RandomStream(seed: seed, name: "delivery.notify")
    work = delivery.build.duration.sampler()
    trigger =
      (delivery.build.system == .jenkins ? delivery.build.triggerDelay : delivery.build.pushTriggerDelay).sampler()
    restart = delivery.build.crashRestart.sampler()
    notice = delivery.notify.delay.sampler()
  }

  /// Schedules the first events: the first push, the scheduled hotfixes, the freezes' ends and
  /// the controller's first crash.
  mutating func start(_ scheduler: inout EventScheduler<DeliveryEvent>) {
    if let first = nextCommitTime(from: .zero) { scheduler.schedule(.commit, at: first) }
    for (index, at) in c.commits.hotfixesAt.enumerated() where SimTime.zero + at <= horizon {
      scheduler.schedule(.scheduledHotfix(index), at: SimTime.zero + at)
    }
    for (index, freeze) in c.commits.freezes.enumerated() where SimTime.zero + freeze.to <= horizon {
      scheduler.schedule(.freezeEnds(index), at: SimTime.zero + freeze.to)
    }
    scheduleCrash(&scheduler)
  }

  mutating func handle(_ event: DeliveryEvent, scheduler: inout EventScheduler<DeliveryEvent>) {
    let now = scheduler.now
    switch event {
    case .commit:
      push(hotfix: commitStream.bernoulli(c.commits.hotfixShare), scheduled: nil, &scheduler)
      if let next = nextCommitTime(from: now) { scheduler.schedule(.commit, at: next) }
    case .scheduledHotfix(let index):
      push(hotfix: true, scheduled: index, &scheduler)
    case .freezeEnds:
      guard !isFrozen(now) else { break }
      let waiting = held
      held = []
      for build in waiting {
        builds[build].pushedAt = now
        triggerBuild(build, &scheduler)
      }
    case .submitted(let build):
      submit(build, &scheduler)
    case .finished(let build, let attempt):
      guard builds[build].attempt == attempt, builds[build].state == .running else { break }
      let outcome: BuildRecord.State =
        endsByTimeout[build] ? .timedOut : (builds[build].fails ? .failed : .succeeded)
      end(build, outcome, &scheduler)
      switch c.build.system {
      case .codebuild:
        if let next = codebuild.finish(stream: &queueStream) { startCodeBuild(next, &scheduler) }
      case .jenkins:
        jenkins.finish(build)
        startJenkinsBuilds(&scheduler)
      }
    case .queuedTimeout(let build):
      // §6 "CodeBuild queue timeout": removed when not started within the queued timeout.
      guard builds[build].state == .queued, codebuild.remove(build) else { break }
      counts.queuedTimedOut += 1
      end(build, .timedOut, &scheduler)
    case .crash:
      for build in jenkins.crash() {
        builds[build].attempt += 1
        builds[build].state = .queued
        builds[build].enqueuedAt = now
        counts.lost += 1
        recorder.count(\.lost, at: now)
      }
      scheduler.schedule(.restart, after: SimDuration(seconds: restart.draw(&crashStream)))
    case .restart:
      jenkins.restart()
      startJenkinsBuilds(&scheduler)
      scheduleCrash(&scheduler)
    }
    recordLevels(at: now)
  }

  // MARK: - Commits

  /// The next push after `t`: a Poisson process at `rate` inside the working windows (exact:
  /// the process is memoryless, so a gap that overruns a window is drawn again from the next).
  private mutating func nextCommitTime(from t: SimTime) -> SimTime? {
    guard c.commits.rate > 0 else { return nil }
    var t = t
    while true {
      let window = calendar.window(atOrAfter: t)
      guard window.start <= horizon else { return nil }
      let candidate = window.start + SimDuration(seconds: commitStream.exponential(mean: 1 / c.commits.rate))
      if candidate < window.end { return candidate <= horizon ? candidate : nil }
      t = window.end
    }
  }

  private func isFrozen(_ t: SimTime) -> Bool {
    c.commits.freezes.contains { SimTime.zero + $0.from <= t && t < SimTime.zero + $0.to }
  }

  private mutating func push(hotfix: Bool, scheduled: Int?, _ scheduler: inout EventScheduler<DeliveryEvent>) {
    let now = scheduler.now
    commits += 1
    if hotfix { hotfixes += 1 }
    recorder.count(\.commits, at: now)
    // Drawn for every push, in push order, whatever happens to it next (common random numbers).
    let seconds = work.draw(&workStream)
    let fails = workStream.bernoulli(c.build.failureRate)
    builds.append(
      BuildRecord(pushedAt: now, hotfix: hotfix, scheduledHotfix: scheduled, workSeconds: seconds, fails: fails))
    endsByTimeout.append(false)
    let build = builds.count - 1
    if !hotfix && isFrozen(now) {
      held.append(build)
      heldByFreeze += 1
      return
    }
    triggerBuild(build, &scheduler)
  }

  /// Jenkins: until a developer starts the job; CodeBuild: CodePipeline's start after the push.
  private mutating func triggerBuild(_ build: Int, _ scheduler: inout EventScheduler<DeliveryEvent>) {
    scheduler.schedule(.submitted(build), after: SimDuration(seconds: trigger.draw(&triggerStream)))
  }

  // MARK: - Builds

  private mutating func submit(_ build: Int, _ scheduler: inout EventScheduler<DeliveryEvent>) {
    let now = scheduler.now
    counts.submitted += 1
    builds[build].enqueuedAt = now
    switch c.build.system {
    case .codebuild:
      switch codebuild.admit() {
      case .start:
        startCodeBuild(build, &scheduler)
      case .queue:
        codebuild.enqueue(build)
        builds[build].state = .queued
        scheduler.schedule(.queuedTimeout(build), after: codebuild.queuedTimeout)
      case .reject:
        end(build, .rejected, &scheduler)
      }
    case .jenkins:
      jenkins.enqueue(build)
      builds[build].state = .queued
      startJenkinsBuilds(&scheduler)
    }
  }

  private mutating func markStarted(
    _ build: Int, length: SimDuration, timedOut: Bool, _ s: inout EventScheduler<DeliveryEvent>
  ) {
    let now = s.now
    recorder.queueWait((now - builds[build].enqueuedAt).seconds)
    if builds[build].startedAt == nil { counts.started += 1 }
    builds[build].startedAt = now
    builds[build].state = .running
    endsByTimeout[build] = timedOut
    s.schedule(.finished(build: build, attempt: builds[build].attempt), after: length)
  }

  private mutating func startCodeBuild(_ build: Int, _ scheduler: inout EventScheduler<DeliveryEvent>) {
    let (length, timedOut) = codebuild.start(workSeconds: builds[build].workSeconds, stream: &provisioningStream)
    // Billed per started minute, provisioning included, queue time not.
    counts.billedMinutes += Int((length.nanoseconds + 59_999_999_999) / 60_000_000_000)
    markStarted(build, length: length, timedOut: timedOut, &scheduler)
  }

  private mutating func startJenkinsBuilds(_ scheduler: inout EventScheduler<DeliveryEvent>) {
    while let build = jenkins.nextToStart() {
      let (length, timedOut) = jenkins.length(workSeconds: builds[build].workSeconds)
      markStarted(build, length: length, timedOut: timedOut, &scheduler)
    }
  }

  private mutating func scheduleCrash(_ scheduler: inout EventScheduler<DeliveryEvent>) {
    guard c.build.system == .jenkins, let mtbf = c.build.crashMTBF else { return }
    scheduler.schedule(.crash, after: SimDuration(seconds: crashStream.exponential(mean: mtbf.seconds)))
  }

  /// A build's result: a release on success, otherwise the failure e-mail (§6 "SNS e-mail").
  private mutating func end(
    _ build: Int, _ outcome: BuildRecord.State, _ scheduler: inout EventScheduler<DeliveryEvent>
  ) {
    let now = scheduler.now
    builds[build].state = outcome
    builds[build].endedAt = now
    switch outcome {
    case .succeeded:
      counts.succeeded += 1
      recorder.count(\.succeeded, at: now)
      builds[build].releaseIndex = releases.count
      releases.append(build)
      return
    case .failed:
      counts.failed += 1
      recorder.count(\.failed, at: now)
    case .rejected:
      counts.rejected += 1
      recorder.count(\.rejected, at: now)
    case .timedOut:
      counts.timedOut += 1
      recorder.count(\.timedOut, at: now)
    case .triggering, .queued, .running:
      return
    }
    if c.notify.onFailure {
      let delay = notice.draw(&notifyStream)
      recorder.notice(delay)
      builds[build].resultKnownAt = now + SimDuration(seconds: delay)
    } else {
      builds[build].resultKnownAt = now
    }
  }

  private mutating func recordLevels(at t: SimTime) {
    let queued = c.build.system == .jenkins ? jenkins.queued : codebuild.waiting.count
    let running = c.build.system == .jenkins ? jenkins.running.count : codebuild.running
    if let last = levelChanges.last, last.queued == queued, last.running == running { return }
    levelChanges.append((t, queued, running))
    recorder.levels(queued: queued, running: running, at: t)
  }

  /// Carries the build levels into the rows without events and counts builds in progress.
  mutating func close() {
    recorder.carryLevels(changes: levelChanges)
    // Submitted and not ended (pushes still before their trigger were never submitted).
    counts.inProgressAtEnd = builds.count { $0.state == .queued || $0.state == .running }
  }
}
