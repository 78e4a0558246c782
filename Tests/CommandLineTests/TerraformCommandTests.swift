import Foundation
import Testing

/// Terraform as the source of settings, from the command line (issue 16): every problem of a
/// plan exits 65 naming the plan file and the JSON path, with nothing run or written; `peaksim
/// import terraform` writes a scenario that `check` accepts and that runs like the
/// `terraform:` route.
@Suite struct TerraformCommandTests {
  static let examplePlan = RunCommandTests.repositoryRoot + "/examples/terraform/plan.json"

  /// A plan with `resources` in its root module and `changes` as `resource_changes`.
  static func plan(_ resources: String, changes: String = "[]", version: String = "1.2") -> String {
    """
    {"format_version": "\(version)", "terraform_version": "1.9.8",
     "planned_values": {"root_module": {"resources": [\(resources)]}},
     "resource_changes": \(changes)}
    """
  }

  static func resource(_ address: String, _ values: String) -> String {
    let parts = address.split(separator: ".")
    return
      #"{"address": "\#(address)", "mode": "managed", "type": "\#(parts[0])", "name": "\#(parts[1])", "values": {\#(values)}}"#
  }

  static let queue = resource(
    "aws_sqs_queue.orders", #""arn": "arn:aws:sqs:us-east-1:1:orders", "visibility_timeout_seconds": 30"#)

  /// One error case: the plan file's text (`nil` = no file), and what standard error must contain.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var planText: String?
    var expected: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "missing plan", planText: nil,
      expected: "plan.json: error: terraform.plan: cannot read the plan: no such file"),
    Case(
      name: "malformed plan", planText: "{\"format_version\": ",
      expected: "plan.json: error: terraform.plan: not valid JSON"),
    Case(
      name: "unknown format_version major", planText: plan(queue, version: "2.0"),
      expected: "plan.json: format_version: error: terraform.plan: unsupported format_version \"2.0\""),
    Case(
      name: "two candidate queues without a choice",
      planText: plan(queue + ", " + resource("aws_sqs_queue.audit", #""arn": "arn:aws:sqs:us-east-1:1:audit""#)),
      expected: "plan.json: planned_values.root_module.resources[1]: error: terraform.queue: the plan has several "
        + "candidate queues: aws_sqs_queue.orders, aws_sqs_queue.audit"),
    Case(
      // §2 "Recommended visibility timeout": Lambda rejects a mapping whose function timeout exceeds the VT.
      name: "function timeout above the visibility timeout",
      planText: plan(queue + ", " + resource("aws_lambda_function.processor", #""timeout": 60"#)),
      expected: "plan.json: planned_values.root_module.resources[1].values.timeout: error: lambda.timeout: "
        + "the function timeout (1m) exceeds queue.visibility_timeout (30s); AWS rejects such an event source mapping"),
    Case(
      name: "value known only after apply",
      planText: plan(
        queue + ", " + resource("aws_lambda_function.processor", #""memory_size": 512"#),
        changes: #"[{"address": "aws_lambda_function.processor", "change": {"after_unknown": {"timeout": true}}}]"#),
      expected: "plan.json: planned_values.root_module.resources[1].values.timeout: error: lambda.timeout: "
        + "aws_lambda_function.processor.timeout is known only after apply in "),
    Case(
      // §6 "CodeDeploy Lambda predefined configs": a name CodeDeploy has no Lambda configuration for.
      name: "unknown deployment_config_name",
      planText: plan(
        queue + ", "
          + resource(
            "aws_codedeploy_deployment_group.processor",
            #""deployment_config_name": "CodeDeployDefault.LambdaCanary10Percent5Minute""#)),
      expected: "plan.json: planned_values.root_module.resources[1].values.deployment_config_name: error: "
        + "delivery.deploy.config: aws_codedeploy_deployment_group.processor.deployment_config_name names no "
        + "CodeDeploy Lambda configuration peaksim knows"),
  ]

  @Test(arguments: cases) func eachPlanProblemExits65NamingThePlanAndThePath(_ c: Case) throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-terraform")
    if let text = c.planText { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/plan.json")) }
    let scenario = "name: tf\nduration: 1m\ntraffic: {baseline: 1/s}\nterraform: {plan: plan.json}\n"
    try Data(scenario.utf8).write(to: URL(fileURLWithPath: dir + "/s.yaml"))
    let outcome = try PeaksimProcess.run(["run", "s.yaml", "--quiet"], in: dir)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains(c.expected), "\(outcome.stderr)")
    #expect(outcome.stdout == "")
    #expect(!FileManager.default.fileExists(atPath: dir + "/reports"), "nothing is written")
    let imported = try PeaksimProcess.run(
      ["import", "terraform", "plan.json", "--out", "imported.yaml"], in: dir)
    #expect(imported.status == 65)
    #expect(!FileManager.default.fileExists(atPath: dir + "/imported.yaml"), "nothing is written")
  }

  @Test func anUnknownValueTheFileSuppliesIsNotAnError() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-terraform")
    let text = Self.plan(
      Self.queue + ", " + Self.resource("aws_lambda_function.processor", #""memory_size": 512"#),
      changes: #"[{"address": "aws_lambda_function.processor", "change": {"after_unknown": {"timeout": true}}}]"#)
    try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/plan.json"))
    let scenario = "name: tf\nduration: 1m\ntraffic: {baseline: 1/s}\nterraform: {plan: plan.json}\n"
    try Data(scenario.utf8).write(to: URL(fileURLWithPath: dir + "/s.yaml"))
    #expect(try PeaksimProcess.run(["check", "s.yaml", "--set", "lambda.timeout=5s"], in: dir).status == 0)
  }

  @Test func importWritesAScenarioThatChecksAndRunsLikeTheTerraformRoute() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-terraform")
    let imported = try PeaksimProcess.run(
      ["import", "terraform", Self.examplePlan, "--out", "imported.yaml"], in: dir)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("read but not yet modelled by peaksim: aws_codebuild_project.order_processor"))
    let text = try String(contentsOfFile: dir + "/imported.yaml", encoding: .utf8)
    #expect(text.contains("  timeout: 15s"))
    #expect(text.contains("# terraform: aws_lambda_function.order_processor.timeout"))
    #expect(text.contains("  max_receive_count: 10"))
    #expect(text.contains("# terraform: aws_sqs_queue.orders.redrive_policy"))
    #expect(try PeaksimProcess.run(["check", "imported.yaml"], in: dir).status == 0)

    // The same scenario with the plan read through `terraform:` instead of the written values.
    let header = try #require(text.components(separatedBy: "\n\nqueue:").first)
    let route = header + "\nterraform: {plan: \"\(Self.examplePlan)\"}\n"
    try Data(route.utf8).write(to: URL(fileURLWithPath: dir + "/route.yaml"))
    let short = ["--set", "duration=10m", "--quiet"]
    #expect(try PeaksimProcess.run(["run", "imported.yaml", "--out", "a"] + short, in: dir).status == 0)
    #expect(try PeaksimProcess.run(["run", "route.yaml", "--out", "b"] + short, in: dir).status == 0)
    let a = try Self.summaryWithoutSourcesAndWallTime(dir + "/a/summary.json")
    let b = try Self.summaryWithoutSourcesAndWallTime(dir + "/b/summary.json")
    #expect(a == b)
    #expect(a.contains("\"queue.max_receive_count\""), "the settings are compared too")
    #expect(text.contains("#   aws_codebuild_project.order_processor: the scenario has no delivery: section"))
    #expect(text.contains("delivery.build.concurrent_build_limit = 2"))
    let routeSummary = try String(contentsOfFile: dir + "/b/summary.json", encoding: .utf8)
    #expect(routeSummary.contains("\"source\": \"terraform:aws_sqs_queue.orders.redrive_policy\""))
  }

  /// summary.json without `wall_s`, the `source` of each setting, and the warnings about what
  /// the plan sets but peaksim does not model (the imported file lists them as comments: it no
  /// longer reads the plan), as canonical JSON.
  static func summaryWithoutSourcesAndWallTime(_ path: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    summary["wall_s"] = nil
    var settings = try #require(summary["settings"] as? [String: [String: Any]])
    for key in settings.keys { settings[key]?["source"] = nil }
    summary["settings"] = settings
    let warnings = try #require(summary["warnings"] as? [[String: Any]])
    summary["warnings"] = warnings.filter {
      !(($0["message"] as? String)?.hasPrefix("read but not yet modelled by peaksim: ") ?? false)
    }
    let canonical = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys, .prettyPrinted])
    return String(decoding: canonical, as: UTF8.self)
  }

  @Test func theExampleScenarioReadsItsPlanAndPasses() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-terraform")
    let scenario = RunCommandTests.repositoryRoot + "/examples/terraform/thanksgiving-from-terraform.yaml"
    let outcome = try PeaksimProcess.run(["check", scenario], in: dir)
    #expect(outcome.status == 0, "\(outcome.stderr)")
  }
}
