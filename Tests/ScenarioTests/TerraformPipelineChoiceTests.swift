import Foundation
import Testing

@testable import Scenario

/// Several CodeBuild projects or CodeDeploy deployment groups in one plan (issue 16):
/// `terraform.build_project` and `terraform.deployment_group` choose one, like
/// `terraform.queue`; without a choice it is an error only when the scenario simulates what
/// they configure (aws-behaviour.md §6 "CI/CD").
@Suite struct TerraformPipelineChoiceTests {
  /// The delivery fixture with a second project (`aws_codebuild_project.nightly`, build timeout
  /// 90 min) and a second group (`aws_codedeploy_deployment_group.batch`, all at once).
  static func twoOfEach() throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: TerraformDeliveryPlanTests.state))
    var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var values = try #require(root["values"] as? [String: Any])
    var module = try #require(values["root_module"] as? [String: Any])
    var resources = try #require(module["resources"] as? [[String: Any]])
    var project = resources[0]
    project["address"] = "aws_codebuild_project.nightly"
    project["name"] = "nightly"
    var projectValues = try #require(project["values"] as? [String: Any])
    projectValues["build_timeout"] = 90
    project["values"] = projectValues
    var group = resources[2]
    group["address"] = "aws_codedeploy_deployment_group.batch"
    group["name"] = "batch"
    var groupValues = try #require(group["values"] as? [String: Any])
    groupValues["deployment_config_name"] = "CodeDeployDefault.LambdaAllAtOnce"
    group["values"] = groupValues
    resources += [project, group]
    module["resources"] = resources
    values["root_module"] = module
    root["values"] = values
    let path = try temporaryDirectory() + "/state.json"
    try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func reading(_ plan: String, choose: String = "", _ extra: String) -> String {
    minimalScenario + "terraform: {plan: \(plan)\(choose)}\n" + extra
  }

  @Test func severalProjectsWithADeliverySectionAndNoChoiceIsAnErrorListingThem() throws {
    let plan = try Self.twoOfEach()
    let errors = diagnostics(
      Self.reading(plan, choose: ", deployment_group: aws_codedeploy_deployment_group.processor", "delivery: {}\n"))
    let error = try #require(errors.first)
    #expect(errors.count == 1, "\(errors.map(\.description))")
    #expect(error.keyPath == "terraform.build_project")
    #expect(error.location.description == "\(plan): values.root_module.resources[6]")
    #expect(error.message.contains("aws_codebuild_project.build, aws_codebuild_project.nightly"))
    #expect(error.message.contains("choose one with terraform.build_project"))
  }

  @Test func severalGroupsWithDeploymentsAndNoChoiceIsAnErrorListingThem() throws {
    let plan = try Self.twoOfEach()
    let errors = diagnostics(Self.reading(plan, "deployments:\n  - {name: a, at: 10m}\n"))
    let error = try #require(errors.first)
    #expect(errors.count == 1, "\(errors.map(\.description))")
    #expect(error.keyPath == "terraform.deployment_group")
    #expect(error.location.description == "\(plan): values.root_module.resources[7]")
    #expect(
      error.message.contains("aws_codedeploy_deployment_group.processor, aws_codedeploy_deployment_group.batch"))
    #expect(error.message.contains("choose one with terraform.deployment_group"))
  }

  @Test func severalCandidatesAreNoErrorWhenTheScenarioSimulatesNoPipeline() throws {
    let s = try parse(Self.reading(try Self.twoOfEach(), "")).get()
    #expect(s.configuration.delivery == nil)
    #expect(!s.effectiveSettings.contains { $0.origin.source.contains("codebuild") })
    #expect(!s.effectiveSettings.contains { $0.origin.source.contains("codedeploy") })
    #expect(!s.warnings.contains { $0.message.contains("aws_codebuild_project") }, "nothing is read")
  }

  @Test func theChosenProjectAndGroupAreRead() throws {
    let choose =
      ", build_project: aws_codebuild_project.nightly, deployment_group: aws_codedeploy_deployment_group.batch"
    let s = try parse(Self.reading(try Self.twoOfEach(), choose: choose, "delivery: {commits: {rate: 4/h}}\n")).get()
    #expect(s.configuration.delivery?.build.timeout == .minutes(90))
    #expect(s.configuration.delivery?.deploy.template.strategy == .allAtOnce)
    let timeout = s.effectiveSettings.first { $0.keyPath == "delivery.build.timeout" }
    #expect(timeout?.origin.source == "terraform:aws_codebuild_project.nightly.build_timeout")
  }

  @Test func aMistypedProjectAddressGetsADidYouMean() throws {
    let plan = try Self.twoOfEach()
    let errors = diagnostics(
      Self.reading(plan, choose: ", build_project: aws_codebuild_project.nigthly", "delivery: {}\n"))
    let error = try #require(errors.first { $0.keyPath == "terraform.build_project" })
    #expect(error.message.contains("no aws_codebuild_project at 'aws_codebuild_project.nigthly'"))
    #expect(error.message.contains("did you mean 'aws_codebuild_project.nightly'?"))
    #expect(error.location.description.hasPrefix("test.yaml:"), "\(error.location.description)")
  }
}
