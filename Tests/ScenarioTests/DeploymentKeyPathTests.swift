import PipelineModel
import SimulationKernel
import Testing

@testable import Scenario

/// `--set` and variants reach into the `deployments` list by index.
@Suite struct DeploymentKeyPathTests {
  static let yaml = scenario(
    """
    deployments:
      - name: r
        at: 30m
        config: canary_10_percent_5_minutes
        alarms: [{metric: errors, threshold: 10}]
    variants:
      - name: all-at-once
        set:
          deployments[0].config: all_at_once

    """)

  @Test func setReachesAKeyOfAnEntryAndItsAlarm() throws {
    let s = try parse(
      Self.yaml,
      overrides: [
        "deployments[0].alarms[0].threshold=3", "deployments[0].config={linear: {percent: 20, interval: 2m}}",
      ]
    ).get()
    let d = try #require(s.configuration.deployments.first)
    #expect(d.alarms.first?.threshold == 3)
    #expect(d.strategy == .linear(percent: 20, interval: .minutes(2)))
    #expect(s.effectiveSettings.first { $0.keyPath == "deployments" }?.origin == .commandLine)
  }

  @Test func aVariantSetsOneDeploymentKey() throws {
    let s = try parse(Self.yaml).get()
    let variant = try #require(s.variants.first)
    #expect(variant.configuration.deployments.first?.strategy == .allAtOnce)
    #expect(s.configuration.deployments.first?.strategy == .canary(percent: 10, interval: .minutes(5)))
  }

  @Test func anIndexPastTheListIsAnError() {
    let e = diagnostics(Self.yaml, overrides: ["deployments[2].config=all_at_once"])
    #expect(e.map(\.keyPath) == ["deployments[2].config"])
    #expect(e.first?.message.contains("does not have") == true)
  }

  @Test func anUnknownKeyInsideADeploymentGetsADidYouMean() {
    let e = diagnostics(Self.yaml, overrides: ["deployments[0].alarms[0].treshold=3"])
    #expect(e.count == 1)
    #expect(e.first?.message.contains("did you mean 'threshold'?") == true)
  }

  @Test func aValueSetByIndexIsCheckedLikeTheFile() {
    let e = diagnostics(Self.yaml, overrides: ["deployments[0].config.canary.percent=100"])
    #expect(e.contains { $0.keyPath?.hasPrefix("deployments[0].config.canary") == true })
  }
}
