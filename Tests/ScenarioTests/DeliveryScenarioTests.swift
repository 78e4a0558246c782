import PipelineModel
import SimulationKernel
import Testing

@testable import Scenario

/// `delivery:` (SCENARIO.md "Additions"): every key as SCENARIO.md writes it, located errors,
/// a delivery section without traffic, and the keys listed only when the section is there.
@Suite struct DeliveryScenarioTests {
  static let full = """
    name: team
    duration: 30d
    start: 2026-11-02T00:00:00Z
    delivery:
      commits:
        rate: 4/h
        working_hours: {from: 9h, to: 18h, days: weekdays}
        freeze: [{from: 2026-11-25T00:00:00Z, to: 29d, allow: hotfix}]
        hotfix_share: 0.05
        hotfixes: [30h]
      build:
        system: jenkins
        duration: {dist: lognormal, median: 6m, sigma: 0.3}
        failure_rate: 0.1
        timeout: 60m
        concurrent_builds: 20
        queue_limit: auto
        queued_timeout: 8h
        provisioning: {dist: lognormal, median: 30s, sigma: 0.5}
        compute_type: general1_small
        executors: 3
        trigger_delay: {dist: exponential, mean: 15m}
        slowdown_per_queued_build: 0.05
        crash: {mtbf: 3d, restart: {dist: lognormal, median: 30m, sigma: 0.5}}
        instance_type: m5.large
      notify: {on_failure: true, delay: {dist: lognormal, median: 5s, sigma: 0.5}}
      deploy: {config: canary_10_percent_5_minutes, release: {error_rate: 0.1}, alarms: [{metric: errors, threshold: 10}]}
    slo: {p95_lead_time: 1h}

    """

  @Test func everyDeliveryKeyOfScenarioMdIsRead() throws {
    let s = try parse(Self.full).get()
    let d = try #require(s.configuration.delivery)
    #expect(s.configuration.traffic.baseline == 0)  // no traffic needed
    #expect(abs(d.commits.rate - 4.0 / 3_600) < 1e-12)
    #expect(d.commits.workingHours == .init(from: .hours(9), to: .hours(18), days: .weekdays))
    // 2026-11-25T00:00Z is 23 days after the start.
    #expect(d.commits.freezes == [.init(from: .days(23), to: .days(29))])
    #expect(d.commits.hotfixesAt == [.hours(30)])
    #expect(d.build.system == .jenkins && d.build.executors == 3)
    #expect(d.build.queueLimit == nil && d.build.effectiveQueueLimit == 100)
    #expect(d.build.crashMTBF == .days(3))
    #expect(d.deploy.template.strategy == .canary(percent: 10, interval: .minutes(5)))
    #expect(d.deploy.template.release.errorRate == 0.1)
    #expect(d.deploy.template.alarms.count == 1)
    #expect(s.configuration.slo.p95LeadTime == .hours(1))
  }

  @Test func deliveryKeysAreListedOnlyWithADeliverySection() throws {
    let with = try parse(Self.full).get().effectiveSettings.map(\.keyPath)
    #expect(with.contains("delivery.build.crash") && with.contains("slo.p95_lead_time"))
    let without = try parse(minimalScenario).get().effectiveSettings.map(\.keyPath)
    #expect(!without.contains { $0.hasPrefix("delivery.") || $0 == "slo.p95_lead_time" })
  }

  @Test func effectiveSettingsReadBackToTheSameConfiguration() throws {
    let s = try parse(Self.full).get()
    let again = try parse(
      minimalScenario, overrides: s.effectiveSettings.filter { $0.keyPath.hasPrefix("delivery.") }.map(\.description)
    ).get()
    #expect(again.configuration.delivery == s.configuration.delivery)
  }

  @Test func setAndVariantsReachDeliveryKeys() throws {
    let s = try parse(
      Self.full + "variants:\n  - {name: cb, set: {delivery.build.system: codebuild}}\n",
      overrides: ["delivery.build.concurrent_builds=1"]
    ).get()
    #expect(s.configuration.delivery?.build.concurrentBuilds == 1)
    #expect(s.variant(named: "cb")?.configuration.delivery?.build.system == .codebuild)
  }

  @Test(arguments: [
    ("delivery: {build: {system: gitlab}}", "delivery.build.system", "codebuild"),
    ("delivery: {build: {queued_timeout: 9h}}", "delivery.build.queued_timeout", "8h"),
    ("delivery: {build: {timeout: 1m}}", "delivery.build.timeout", "5m"),
    ("delivery: {build: {executors: 0}}", "delivery.build.executors", "1"),
    ("delivery: {commits: {hotfix_share: 2}}", "delivery.commits.hotfix_share", "0 to 1"),
    ("delivery: {commits: {working_hours: {from: 18h, to: 9h}}}", "delivery.commits.working_hours.to", "later"),
    ("delivery: {commits: {freeze: [{from: 2d, to: 1d}]}}", "delivery.commits.freeze[0].to", "later"),
    ("delivery: {deploy: {config: canary_10_percent_6_minutes}}", "delivery.deploy.config", "canary_10_percent_5"),
    ("delivery: {deploy: {at: 3h}}", "delivery.deploy.at", "not allowed"),
    ("delivery: {biuld: {}}", "delivery.biuld", "build"),
  ])
  func badDeliveryValuesAreLocatedErrors(yaml: String, path: String, hint: String) {
    let errors = diagnostics(scenario(yaml + "\n"))
    let error = errors.first { $0.keyPath == path }
    #expect(error != nil, "no error at \(path): \(errors.map(\.description))")
    #expect(error.map { $0.description.contains(hint) } ?? false, "\(error?.description ?? "")")
    #expect(error.map { $0.location.line == 5 } ?? false)
  }

  @Test func p95LeadTimeNeedsADeliverySection() {
    let errors = diagnostics(scenario("slo: {p95_lead_time: 1h}\n"))
    #expect(errors.contains { $0.keyPath == "slo.p95_lead_time" && $0.description.contains("delivery") })
  }

  @Test func trafficIsStillRequiredWithoutADeliverySection() {
    let errors = diagnostics("name: x\nduration: 1h\n")
    #expect(errors.contains { $0.keyPath == "traffic.baseline" })
  }

  @Test func theCommittedDeliveryScenariosLoad() throws {
    let file = #filePath
    let root = String(file[..<file.range(of: "/Tests/ScenarioTests/")!.lowerBound])
    for name in ["jenkins-vs-codepipeline", "hotfix-during-black-friday"] {
      let s = try ScenarioLoader.load(path: "\(root)/scenarios/\(name).yaml")
      #expect(s.configuration.delivery != nil)
      #expect(s.variants.map(\.name) == ["jenkins", "codebuild"])
      #expect(s.variant(named: "jenkins")?.configuration.delivery?.build.system == .jenkins)
    }
  }
}
