import Foundation
import Testing

@testable import Scenario

/// `aws_lambda_event_source_mapping.provisioned_poller_config` (issue 16; aws-behaviour.md §2
/// "Provisioned mode for SQS ESM", §10 "Terraform JSON output": nested blocks are arrays).
@Suite struct TerraformProvisionedPollerTests {
  /// The modules plan with its event source mapping's two blocks replaced.
  static func plan(scaling: String, pollers: String) throws -> String {
    let text = try String(contentsOfFile: TerraformPlanTests.modulesPlan, encoding: .utf8)
    let original = """
      "provisioned_poller_config": [
                        {
                          "minimum_pollers": 2,
                          "maximum_pollers": 20
                        }
                      ]
      """
    #expect(text.contains(original), "the fixture's block")
    let replaced =
      text
      .replacingOccurrences(of: original, with: "\"provisioned_poller_config\": \(pollers)")
      .replacingOccurrences(of: "\"scaling_config\": []", with: "\"scaling_config\": \(scaling)")
    let path = try temporaryDirectory() + "/plan.json"
    try write(replaced, to: path)
    return path
  }

  @Test func theBlockBecomesProvisionedModeWithAWSDefaultsForMissingFields() throws {
    let s = try TerraformPlanTests.load(
      TerraformPlanTests.reading(try Self.plan(scaling: "[]", pollers: "[{\"maximum_pollers\": 500}]")))
    #expect(s.configuration.eventSource.provisionedMode == .init(minimumPollers: 2, maximumPollers: 500))
    let source = TerraformPlanTests.sources(s)["event_source.provisioned_mode"]
    #expect(source?.value == "{minimum_pollers: 2, maximum_pollers: 500}")
    #expect(
      source?.source == "terraform:module.orders.aws_lambda_event_source_mapping.orders.provisioned_poller_config")
  }

  @Test func anEmptyBlockIsStandardScaling() throws {
    let s = try TerraformPlanTests.load(TerraformPlanTests.reading(try Self.plan(scaling: "[]", pollers: "[]")))
    #expect(s.configuration.eventSource.provisionedMode == nil)
  }

  @Test func provisionedPollersWithMaximumConcurrencyAreAnErrorAtThePlan() throws {
    let path = try Self.plan(
      scaling: "[{\"maximum_concurrency\": 50}]", pollers: "[{\"minimum_pollers\": 5, \"maximum_pollers\": 50}]")
    let errors = try #require(parse(TerraformPlanTests.reading(path)).failure).errors
    let error = try #require(errors.first)
    // §2: "Mutually exclusive with MaximumConcurrency"; AWS rejects the mapping.
    #expect(errors.count == 1)
    #expect(error.message.contains("mutually exclusive"), "\(error.message)")
    #expect(error.location.description.hasPrefix(path + ": "), "\(error.location.description)")
  }

  @Test func aPollerCountOutsideAWSsRangeIsAnError() throws {
    let path = try Self.plan(scaling: "[]", pollers: "[{\"minimum_pollers\": 1}]")
    let errors = try #require(parse(TerraformPlanTests.reading(path)).failure).errors
    #expect(errors.map(\.keyPath) == ["event_source.provisioned_mode.minimum_pollers"])
  }
}
