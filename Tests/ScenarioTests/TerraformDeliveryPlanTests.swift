import Foundation
import PipelineModel
import Testing

@testable import Scenario

/// The delivery pipeline's resources in a Terraform plan (issue 16 item 2): the CodeBuild
/// project fills `delivery.build.*`, the CodeDeploy group and its configuration fill
/// `delivery.deploy` and the `deployments:` entries that set no config of their own
/// (aws-behaviour.md §6 "CodeDeploy Lambda predefined configs", "CodeBuild build timeout",
/// "CodeBuild queue timeout", "Alarm-triggered automatic rollback").
@Suite struct TerraformDeliveryPlanTests {
  static let state = Fixtures.path("terraform/delivery-state.json")
  static let delivery = "delivery:\n  commits: {rate: 4/h}\n"

  static func reading(_ plan: String = state, _ extra: String = "") -> String {
    minimalScenario + "terraform: {plan: \(plan)}\n" + extra
  }

  static func load(_ yaml: String, overrides: [String] = []) throws -> LoadedScenario {
    try ScenarioLoader.parse(text: yaml, fileName: "test.yaml", overrides: overrides)
  }

  /// The fixture with `original` replaced by `replacement`, written to a fresh folder.
  static func variant(_ original: String, _ replacement: String) throws -> String {
    let text = try String(contentsOfFile: state, encoding: .utf8)
    #expect(text.contains(original), "the fixture has \(original)")
    let path = try temporaryDirectory() + "/state.json"
    try write(text.replacingOccurrences(of: original, with: replacement), to: path)
    return path
  }

  /// The fixture with the deployment group's `deployment_config_name` (the last one) set to `name`.
  static func groupConfig(_ name: String) throws -> String {
    let text = try String(contentsOfFile: state, encoding: .utf8)
    let written = #""deployment_config_name": "orders-canary-20-percent-7-minutes""#
    let last = try #require(text.range(of: written, options: .backwards))
    let path = try temporaryDirectory() + "/state.json"
    try write(text.replacingCharacters(in: last, with: #""deployment_config_name": "\#(name)""#), to: path)
    return path
  }

  static func setting(_ s: LoadedScenario, _ key: String) -> (value: String, source: String)? {
    s.effectiveSettings.first { $0.keyPath == key }.map { ($0.value, $0.origin.source) }
  }

  @Test func theCodeBuildProjectAndDeploymentGroupFillTheDeliveryKeysWithTheirAttributes() throws {
    let s = try Self.load(Self.reading(Self.state, Self.delivery))
    let build = "terraform:aws_codebuild_project.build."
    let expected: [(String, String, String)] = [
      ("delivery.build.system", "codebuild", build + "environment"),
      ("delivery.build.concurrent_build_limit", "3", build + "concurrent_build_limit"),
      // §6 "CodeBuild build timeout" / "CodeBuild queue timeout": Terraform writes minutes.
      ("delivery.build.timeout", "45m", build + "build_timeout"),
      ("delivery.build.queued_timeout", "2h", build + "queued_timeout"),
      ("delivery.build.compute_type", "general1_medium", build + "environment.compute_type"),
    ]
    for (key, value, source) in expected {
      #expect(Self.setting(s, key)?.value == value, "\(key)")
      #expect(Self.setting(s, key)?.source == source, "\(key)")
    }
    let deploy = try #require(s.configuration.delivery?.deploy.template)
    // §6 "– all at once": TimeBasedCanary 20 % then the rest 7 minutes later.
    #expect(deploy.strategy == .canary(percent: 20, interval: .minutes(7)))
    // §6 "Alarm-triggered automatic rollback": enabled with DEPLOYMENT_STOP_ON_ALARM.
    #expect(deploy.autoRollback == true)
    #expect(
      Self.setting(s, "delivery.deploy")?.source
        == "terraform:aws_codedeploy_deployment_config.canary.traffic_routing_config")
    #expect(Self.setting(s, "delivery.deploy")?.value.contains("config: {canary: {percent: 20, interval: 7m}}") == true)
  }

  @Test func withoutADeliverySectionThePipelineResourcesAreAWarningAndNoDeliveryIsSimulated() throws {
    let s = try Self.load(Self.reading())
    #expect(s.configuration.delivery == nil)
    #expect(!s.effectiveSettings.contains { $0.keyPath.hasPrefix("delivery.") })
    let messages = s.warnings.map(\.message)
    #expect(
      messages.contains {
        $0.hasPrefix(
          "read but not yet modelled by peaksim: aws_codebuild_project.build: the scenario has no delivery: ")
          && $0.contains("delivery.build.timeout = 45m")
      }, "\(messages)")
    #expect(
      messages.contains {
        $0.contains("aws_codedeploy_deployment_config.canary: ")
          && $0.contains("delivery.deploy.config = {canary: {percent: 20, interval: 7m}}")
      }, "\(messages)")
  }

  @Test func deploymentsWithoutTheirOwnConfigTakeTheGroupsConfigurationAndRollback() throws {
    let extra = """
      deployments:
        - {name: a, at: 10m}
        - {name: b, at: 30m, config: all_at_once, auto_rollback: false}

      """
    let s = try Self.load(Self.reading(Self.state, extra))
    let deployments = s.configuration.deployments
    #expect(deployments.count == 2)
    #expect(deployments.first?.strategy == .canary(percent: 20, interval: .minutes(7)))
    #expect(deployments.first?.autoRollback == true)
    #expect(deployments.last?.strategy == .allAtOnce, "the file's own config wins")
    #expect(deployments.last?.autoRollback == false)
    #expect(s.configuration.delivery == nil, "deployments alone add no delivery pipeline")
  }

  @Test(arguments: [
    ("CodeDeployDefault.LambdaAllAtOnce", DeploymentStrategy.allAtOnce),
    ("CodeDeployDefault.LambdaCanary10Percent5Minutes", .canary(percent: 10, interval: .minutes(5))),
    ("CodeDeployDefault.LambdaCanary10Percent30Minutes", .canary(percent: 10, interval: .minutes(30))),
    ("CodeDeployDefault.LambdaLinear10PercentEvery1Minute", .linear(percent: 10, interval: .minutes(1))),
    ("CodeDeployDefault.LambdaLinear10PercentEvery10Minutes", .linear(percent: 10, interval: .minutes(10))),
  ])
  func predefinedLambdaConfigNamesMapToTheScenarioNames(_ name: String, _ strategy: DeploymentStrategy) throws {
    // §6 "CodeDeploy Lambda predefined configs".
    let plan = try Self.groupConfig(name)
    let s = try Self.load(Self.reading(plan, Self.delivery))
    #expect(s.configuration.delivery?.deploy.template.strategy == strategy)
    #expect(
      Self.setting(s, "delivery.deploy")?.source
        == "terraform:aws_codedeploy_deployment_group.processor.deployment_config_name")
  }

  @Test func anUnknownDeploymentConfigNameIsAnErrorAtItsJSONPath() throws {
    let plan = try Self.groupConfig("CodeDeployDefault.LambdaCanary10Percent5Minute")
    let error = try #require(diagnostics(Self.reading(plan)).first)
    #expect(error.keyPath == "delivery.deploy.config")
    #expect(error.location.description == "\(plan): values.root_module.resources[2].values.deployment_config_name")
    #expect(error.message.contains("did you mean 'CodeDeployDefault.LambdaCanary10Percent5Minutes'?"))
  }

  @Test func aComputeTypePeaksimDoesNotModelIsAnErrorAtItsJSONPath() throws {
    let plan = try Self.variant("BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_2XLARGE")
    let error = try #require(diagnostics(Self.reading(plan, Self.delivery)).first)
    #expect(error.keyPath == "delivery.build.compute_type")
    #expect(error.location.description == "\(plan): values.root_module.resources[0].values.environment[0].compute_type")
    #expect(error.message.contains("found \"BUILD_GENERAL1_2XLARGE\""))
  }

  @Test func aBuildTimeoutOutsideCodeBuildsRangeIsAnErrorAtItsJSONPath() throws {
    // §6 "CodeBuild build timeout": 5 – 2,160 min.
    let plan = try Self.variant(#""build_timeout": 45"#, #""build_timeout": 3"#)
    let error = try #require(diagnostics(Self.reading(plan, Self.delivery)).first)
    #expect(error.keyPath == "delivery.build.timeout")
    #expect(error.location.description == "\(plan): values.root_module.resources[0].values.build_timeout")
  }

  @Test func rollbackOnlyOnDeploymentFailureDoesNotRollBackOnAnAlarm() throws {
    // §6 "Alarm-triggered automatic rollback": the alarm event must be listed.
    let plan = try Self.variant(#""DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM""#, #""DEPLOYMENT_FAILURE""#)
    let s = try Self.load(Self.reading(plan, Self.delivery))
    #expect(s.configuration.delivery?.deploy.template.autoRollback == false)
  }

  @Test func theFileWinsOverThePlanAndSetWinsOverTheFile() throws {
    let yaml = Self.reading(Self.state, "delivery:\n  commits: {rate: 4/h}\n  build: {timeout: 30m}\n")
    let s = try Self.load(yaml, overrides: ["delivery.build.queued_timeout=1h"])
    #expect(Self.setting(s, "delivery.build.timeout")?.value == "30m")
    #expect(Self.setting(s, "delivery.build.timeout")?.source == "file")
    #expect(Self.setting(s, "delivery.build.queued_timeout")?.value == "1h")
    #expect(Self.setting(s, "delivery.build.queued_timeout")?.source == "set")
    #expect(Self.setting(s, "delivery.build.compute_type")?.source.hasPrefix("terraform:") == true)
  }

  @Test func aJenkinsPipelineTakesNothingFromTheCodeBuildProject() throws {
    let s = try Self.load(
      Self.reading(Self.state, "delivery:\n  commits: {rate: 4/h}\n  build: {system: jenkins}\n"))
    #expect(Self.setting(s, "delivery.build.system")?.source == "file")
    #expect(Self.setting(s, "delivery.build.timeout")?.source == "default")
    #expect(
      s.warnings.contains { $0.message.contains("aws_codebuild_project.build") && $0.message.contains("jenkins") })
    #expect(s.configuration.delivery?.deploy.template.strategy == .canary(percent: 20, interval: .minutes(7)))
  }

  @Test func theGroupsAlarmsAreReadFromTheirMetricAlarmsInThePlan() throws {
    // §10 "Alarm timing": "M out of N" datapoints, N by default; Duration in milliseconds.
    let extra = Self.delivery + "deployments:\n  - {name: a, at: 10m}\n  - {name: b, at: 30m, alarms: []}\n"
    let s = try Self.load(Self.reading(Self.state, extra))
    let expected = [
      DeploymentAlarm(metric: .errors, threshold: 5, period: .minutes(1), evaluationPeriods: 2, datapointsToAlarm: 2),
      DeploymentAlarm(
        metric: .durationP99, threshold: 2.5, period: .minutes(5), evaluationPeriods: 3, datapointsToAlarm: 3),
    ]
    #expect(s.configuration.delivery?.deploy.template.alarms == expected)
    #expect(s.configuration.deployments.first?.alarms == expected)
    #expect(s.configuration.deployments.last?.alarms == [], "the file's own alarms win")
  }

  @Test func alarmNamesAndAMidShiftAliasAreWarningsNamingWhatWasFound() throws {
    let messages = try Self.load(Self.reading(Self.state, Self.delivery)).warnings.map(\.message)
    #expect(
      messages.contains {
        $0.contains(
          "aws_codedeploy_deployment_group.processor.alarm_configuration.alarms: orders-dlq-visible (not in the plan)")
          && $0.contains("aws_cloudwatch_metric_alarm")
      }, "\(messages)")
    #expect(
      messages.contains {
        $0.contains(
          "aws_lambda_alias.live.routing_config: the plan was captured mid-shift, version 5 weighted 0.25 (25 %)")
          && $0.contains("100 % on the primary version")
      }, "\(messages)")
  }
}
