import Testing

@testable import Scenario

/// Where each setting came from when the plan fills keys *inside* what the file writes
/// (issue 16; SCENARIO.md "Additions", `summary.json` `settings`): a `deployments:` entry's
/// config, alarms and auto_rollback, and `delivery.deploy.*`. The file's own line says `file`;
/// each key the plan filled has a line of its own with `terraform:<address>.<attribute>`.
@Suite struct TerraformSettingSourcesTests {
  static let group = "terraform:aws_codedeploy_deployment_group.processor."
  static let config = "terraform:aws_codedeploy_deployment_config.canary.traffic_routing_config"

  static func sources(_ s: LoadedScenario) -> [(key: String, source: String)] {
    s.effectiveSettings.map { ($0.keyPath, $0.origin.source) }
  }

  @Test func deploymentEntriesFilledFromThePlanNameTheirResourceAttributes() throws {
    let extra = """
      deployments:
        - {name: a, at: 10m}
        - {name: b, at: 30m, config: all_at_once, auto_rollback: false}

      """
    let s = try TerraformDeliveryPlanTests.load(
      TerraformDeliveryPlanTests.reading(TerraformDeliveryPlanTests.state, extra))
    let got = Self.sources(s).filter { $0.key.hasPrefix("deployments") }
    let expected: [(String, String)] = [
      ("deployments", "file"),
      ("deployments[0].config", Self.config),
      ("deployments[0].alarms", Self.group + "alarm_configuration"),
      ("deployments[0].auto_rollback", Self.group + "auto_rollback_configuration"),
      // Entry b writes its own config and auto_rollback: only its alarms come from the plan.
      ("deployments[1].alarms", Self.group + "alarm_configuration"),
    ]
    #expect(got.map(\.key) == expected.map(\.0))
    #expect(got.map(\.source) == expected.map(\.1))
  }

  @Test func deliveryDeployKeysFromThePlanNameTheirAttributesAndTheFilesOwnSaysFile() throws {
    let extra = "delivery:\n  commits: {rate: 4/h}\n  deploy: {config: all_at_once}\n"
    let s = try TerraformDeliveryPlanTests.load(
      TerraformDeliveryPlanTests.reading(TerraformDeliveryPlanTests.state, extra))
    let got = Self.sources(s).filter { $0.key.hasPrefix("delivery.deploy") }
    #expect(got.map(\.key) == ["delivery.deploy", "delivery.deploy.alarms", "delivery.deploy.auto_rollback"])
    #expect(
      got.map(\.source) == ["file", Self.group + "alarm_configuration", Self.group + "auto_rollback_configuration"])
    #expect(s.configuration.delivery?.deploy.template.strategy == .allAtOnce, "the file's config wins")
  }

  @Test func aDeliveryDeployTheFileDoesNotWriteComesWhollyFromThePlan() throws {
    let s = try TerraformDeliveryPlanTests.load(
      TerraformDeliveryPlanTests.reading(TerraformDeliveryPlanTests.state, TerraformDeliveryPlanTests.delivery))
    let got = Self.sources(s).filter { $0.key.hasPrefix("delivery.deploy") }
    #expect(
      got.map(\.key) == [
        "delivery.deploy", "delivery.deploy.config", "delivery.deploy.alarms", "delivery.deploy.auto_rollback",
      ])
    #expect(got.allSatisfy { $0.source.hasPrefix("terraform:") }, "\(got)")
    #expect(got.first?.source == Self.config)
  }

  @Test func theLinesForFilledKeysAreValidSetArguments() throws {
    let extra = "deployments:\n  - {name: a, at: 10m}\n"
    let yaml = TerraformDeliveryPlanTests.reading(TerraformDeliveryPlanTests.state, extra)
    let s = try TerraformDeliveryPlanTests.load(yaml)
    let filled = s.effectiveSettings.filter { $0.keyPath.hasPrefix("deployments[") }.map(\.description)
    #expect(filled.count == 3)
    let again = try TerraformDeliveryPlanTests.load(yaml, overrides: filled)
    #expect(again.configuration.deployments == s.configuration.deployments)
    #expect(!again.effectiveSettings.contains { $0.keyPath.hasPrefix("deployments[") }, "--set wins: no plan line")
  }
}
