import Foundation
import Testing

@testable import Scenario

/// Terraform plans and states as the source of settings (issue 16, SCENARIO.md "Additions"):
/// every mapped attribute lands in its scenario key with `terraform:<address>.<attribute>` as
/// its source; the precedence is defaults < plan < file < `--set`; plan values pass the same
/// checks as the file's (aws-behaviour.md §10 "Terraform JSON output", "Terraform AWS attributes").
@Suite struct TerraformPlanTests {
  static let modulesPlan = Fixtures.path("terraform/modules-plan.json")
  static let separateRedriveState = Fixtures.path("terraform/separate-redrive-state.json")

  /// The minimal scenario reading `plan`, plus `extra` YAML.
  static func reading(_ plan: String, _ extra: String = "", choose: String = "") -> String {
    minimalScenario + "terraform: {plan: \(plan)\(choose)}\n" + extra
  }

  static func load(_ yaml: String, overrides: [String] = []) throws -> LoadedScenario {
    try ScenarioLoader.parse(text: yaml, fileName: "test.yaml", overrides: overrides)
  }

  /// `key → (value, source)` of the settings whose source is not the default.
  static func sources(_ s: LoadedScenario) -> [String: (value: String, source: String)] {
    Dictionary(
      uniqueKeysWithValues: s.effectiveSettings.filter { $0.origin != .default }.map {
        ($0.keyPath, ($0.value, $0.origin.source))
      })
  }

  @Test func aPlanWithNestedModulesFillsEveryMappedKeyWithItsResourceAttribute() throws {
    let s = try Self.load(Self.reading(Self.modulesPlan))
    let got = Self.sources(s)
    let m = "terraform:module.orders."
    let t = "terraform:module.orders.module.storage."
    let expected: [(String, String, String)] = [
      ("queue.visibility_timeout", "2m", m + "aws_sqs_queue.orders.visibility_timeout_seconds"),
      // §1 "Redrive policy maxReceiveCount": a JSON string inside the JSON, count given as a string.
      ("queue.max_receive_count", "7", m + "aws_sqs_queue.orders.redrive_policy"),
      ("queue.retention", "2d", m + "aws_sqs_queue.orders.message_retention_seconds"),
      // The DLQ, found through deadLetterTargetArn.
      ("queue.dlq_retention", "10d", m + "aws_sqs_queue.dlq.message_retention_seconds"),
      ("queue.max_message_size", "1MiB", m + "aws_sqs_queue.orders.max_message_size"),
      // §1 "Long polling": recorded (the event source mapping long-polls whatever it says);
      // delay_seconds = 0 is the default, so queue.delay is not listed.
      ("queue.receive_wait_time", "20s", m + "aws_sqs_queue.orders.receive_wait_time_seconds"),
      ("event_source.batch_size", "25", m + "aws_lambda_event_source_mapping.orders.batch_size"),
      (
        "event_source.batching_window", "5s",
        m + "aws_lambda_event_source_mapping.orders.maximum_batching_window_in_seconds"
      ),
      // §2 "ScalingConfig.MaximumConcurrency": no block = not set.
      (
        "event_source.maximum_concurrency", "null",
        m + "aws_lambda_event_source_mapping.orders.scaling_config.maximum_concurrency"
      ),
      // §2 "Provisioned mode for SQS ESM": the nested block, one element.
      (
        "event_source.provisioned_mode", "{minimum_pollers: 2, maximum_pollers: 20}",
        m + "aws_lambda_event_source_mapping.orders.provisioned_poller_config"
      ),
      // §2 "Partial batch response": off without ReportBatchItemFailures.
      (
        "event_source.report_batch_item_failures", "false",
        m + "aws_lambda_event_source_mapping.orders.function_response_types"
      ),
      ("lambda.memory", "512MB", m + "aws_lambda_function.processor.memory_size"),
      ("lambda.timeout", "20s", m + "aws_lambda_function.processor.timeout"),
      // §10 "Terraform AWS attributes": -1 = unreserved.
      ("lambda.reserved_concurrency", "null", m + "aws_lambda_function.processor.reserved_concurrent_executions"),
      ("lambda.architecture", "arm64", m + "aws_lambda_function.processor.architectures"),
      // §3 "Provisioned concurrency": the config joined to the function by name.
      (
        "lambda.provisioned_concurrency", "50",
        m + "aws_lambda_provisioned_concurrency_config.live.provisioned_concurrent_executions"
      ),
      ("table.mode", "provisioned", t + "aws_dynamodb_table.orders.billing_mode"),
      ("table.write_capacity", "500", t + "aws_dynamodb_table.orders.write_capacity"),
      // §5 "Auto scaling (provisioned)": target tracking on write utilisation, 70 % = 0.7.
      (
        "table.autoscaling", "{min: 100, max: 4000, target: 0.7}",
        t + "aws_appautoscaling_policy.write.target_tracking_scaling_policy_configuration"
      ),
    ]
    for (key, value, source) in expected {
      #expect(got[key]?.value == value, "\(key)")
      #expect(got[key]?.source == source, "\(key)")
    }
    let fromTerraform = got.filter { $0.value.source.hasPrefix("terraform:") }.keys.sorted()
    #expect(fromTerraform == expected.map(\.0).sorted(), "nothing else comes from the plan")
    #expect(s.configuration.lambda.reservedConcurrency == nil)
    #expect(s.configuration.table.autoscaling?.max == 4000)
  }

  @Test func aStateWithASeparateRedrivePolicyResourceIsReadLikeAPlan() throws {
    let got = Self.sources(try Self.load(Self.reading(Self.separateRedriveState)))
    #expect(got["queue.visibility_timeout"]?.value == "1m")
    // The separate resource wins over the queue's empty redrive_policy.
    #expect(got["queue.max_receive_count"]?.value == "4")
    #expect(got["queue.max_receive_count"]?.source == "terraform:aws_sqs_queue_redrive_policy.orders.redrive_policy")
    #expect(got["queue.dlq_retention"]?.value == "14d")
    #expect(got["queue.dlq_retention"]?.source == "terraform:aws_sqs_queue.orders_dlq.message_retention_seconds")
    // 0 = the function is disabled (not "unreserved").
    #expect(got["lambda.reserved_concurrency"]?.value == "0")
    #expect(got["lambda.memory"]?.value == "2048MB")
    #expect(got["table.mode"]?.value == "on_demand")
    #expect(got["table.write_capacity"] == nil, "an on-demand table's write_capacity of 0 is not a setting")
  }

  @Test func theFileWinsOverThePlanAndSetWinsOverTheFile() throws {
    let yaml = Self.reading(Self.modulesPlan, "lambda:\n  timeout: 10s\n  memory: 256MB\n")
    let got = Self.sources(try Self.load(yaml, overrides: ["lambda.memory=768MB", "event_source.batch_size=50"]))
    #expect(got["lambda.timeout"]?.value == "10s")
    #expect(got["lambda.timeout"]?.source == "file")
    #expect(got["lambda.memory"]?.value == "768MB")
    #expect(got["lambda.memory"]?.source == "set")
    #expect(got["event_source.batch_size"]?.value == "50")
    #expect(got["event_source.batch_size"]?.source == "set")
    #expect(got["queue.visibility_timeout"]?.source.hasPrefix("terraform:") == true)
  }

  @Test func variantsStartFromThePlanValues() throws {
    let yaml = Self.reading(
      Self.modulesPlan, "variants:\n  - {name: bigger, set: {lambda.memory: 2048MB}}\n")
    let s = try Self.load(yaml)
    let variant = try #require(s.variant(named: "bigger"))
    #expect(variant.configuration.lambda.memoryMB == 2048)
    #expect(variant.configuration.lambda.timeout == .seconds(20), "the plan's timeout")
  }

  @Test func resourcesPeaksimDoesNotModelYetAreWarnedAboutByAddressAndAttribute() throws {
    let messages = try Self.load(Self.reading(Self.modulesPlan)).warnings.map(\.message)
    let attribute = "module.orders.aws_lambda_alias.live.routing_config"
    #expect(
      messages.contains { $0.hasPrefix("read but not yet modelled by peaksim: \(attribute)") }, "\(attribute)")
  }

  /// Mapped attributes are never "not yet modelled": provisioned_poller_config fills
  /// event_source.provisioned_mode (§2 "Provisioned mode for SQS ESM") and
  /// receive_wait_time_seconds fills queue.receive_wait_time (§1 "Long polling").
  @Test func mappedAttributesGiveNoNotYetModelledWarning() throws {
    let s = try Self.load(Self.reading(Self.modulesPlan))
    let messages = s.warnings.map(\.message)
    for attribute in [
      "module.orders.aws_lambda_event_source_mapping.orders.provisioned_poller_config",
      "module.orders.aws_sqs_queue.orders.receive_wait_time_seconds",
      "module.orders.aws_sqs_queue.orders.delay_seconds",
    ] {
      #expect(!messages.contains { $0.contains(attribute) }, "\(attribute): \(messages)")
    }
    let got = Self.sources(s)
    #expect(got["event_source.provisioned_mode"]?.value == "{minimum_pollers: 2, maximum_pollers: 20}")
    #expect(
      got["event_source.provisioned_mode"]?.source
        == "terraform:module.orders.aws_lambda_event_source_mapping.orders.provisioned_poller_config")
    #expect(
      got["queue.receive_wait_time"]?.source == "terraform:module.orders.aws_sqs_queue.orders.receive_wait_time_seconds"
    )
  }

  /// §1 "Delay": delay_seconds fills queue.delay with its resource attribute as the source.
  @Test func delaySecondsFillsQueueDelayWithItsSource() throws {
    let dir = try temporaryDirectory()
    let text = try String(contentsOfFile: Self.modulesPlan, encoding: .utf8)
      .replacingOccurrences(of: "\"delay_seconds\": 0,", with: "\"delay_seconds\": 90,")
    try write(text, to: dir + "/plan.json")
    let s = try Self.load(Self.reading(dir + "/plan.json"))
    #expect(s.configuration.queue.delay == .seconds(90))
    let got = Self.sources(s)
    #expect(got["queue.delay"]?.value == "90s")
    #expect(got["queue.delay"]?.source == "terraform:module.orders.aws_sqs_queue.orders.delay_seconds")
    #expect(!s.warnings.contains { $0.message.contains("delay_seconds") })
  }

  /// §1 "Delay": AWS takes DelaySeconds up to 900 s; 901 from the plan is refused at its JSON path.
  @Test func aDelayOverFifteenMinutesInThePlanIsAnErrorAtItsJSONPath() throws {
    let dir = try temporaryDirectory()
    let text = try String(contentsOfFile: Self.modulesPlan, encoding: .utf8)
      .replacingOccurrences(of: "\"delay_seconds\": 0,", with: "\"delay_seconds\": 901,")
    try write(text, to: dir + "/plan.json")
    let errors = try #require(parse(Self.reading(dir + "/plan.json")).failure).errors
    let error = try #require(errors.first)
    #expect(error.keyPath == "queue.delay")
    #expect(error.location.description.hasSuffix(".values.delay_seconds"), "\(error.location.description)")
  }

  @Test func planValuesGetTheSameAdviceAsTheFileAtTheirPlaceInThePlan() throws {
    // §2 "Recommended visibility timeout": 6 × 20s = 2m; --set a longer timeout, keep the plan's VT.
    let s = try Self.load(Self.reading(Self.modulesPlan), overrides: ["lambda.timeout=30s"])
    let advice = try #require(s.warnings.first { $0.keyPath == "queue.visibility_timeout" })
    #expect(
      advice.location.description
        == "\(Self.modulesPlan): planned_values.root_module.child_modules[0].resources[1].values.visibility_timeout_seconds"
    )
  }

  @Test func aPlanValueOutsideTheFormatsRangeIsAnErrorAtItsJSONPath() throws {
    let dir = try temporaryDirectory()
    let text = try String(contentsOfFile: Self.separateRedriveState, encoding: .utf8)
      .replacingOccurrences(of: "\"memory_size\": 2048", with: "\"memory_size\": 64")
    try write(text, to: dir + "/state.json")
    let errors = try #require(parse(Self.reading(dir + "/state.json")).failure).errors
    let error = try #require(errors.first)
    #expect(error.keyPath == "lambda.memory")
    #expect(error.location.description == "\(dir)/state.json: values.root_module.resources[3].values.memory_size")
  }

  @Test func thePlanPathIsRelativeToTheScenarioFile() throws {
    let dir = try temporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir + "/infra", withIntermediateDirectories: true)
    try write(try String(contentsOfFile: Self.separateRedriveState, encoding: .utf8), to: dir + "/infra/state.json")
    try write(Self.reading("infra/state.json"), to: dir + "/s.yaml")
    let s = try ScenarioLoader.load(path: dir + "/s.yaml")
    #expect(s.configuration.lambda.memoryMB == 2048)
  }

  @Test func aMistypedAddressGetsADidYouMean() throws {
    let errors = diagnostics(Self.reading(Self.modulesPlan, choose: ", queue: module.orders.aws_sqs_queue.order"))
    let error = try #require(errors.first)
    #expect(error.keyPath == "terraform.queue")
    #expect(error.message.contains("did you mean 'module.orders.aws_sqs_queue.orders'?"))
  }

  @Test func anUnknownKeyInTheSectionIsReported() throws {
    let errors = diagnostics(Self.reading(Self.modulesPlan, choose: ", fucntion: x"))
    #expect(errors.first?.message.contains("did you mean 'function'?") == true)
  }

  @Test func unknownFormatMajorVersionIsRejected() throws {
    let result = TerraformDocument.parse(Array(#"{"format_version": "2.0"}"#.utf8), path: "p.json")
    guard case .failure(let problem) = result else {
      Issue.record("format 2.0 was accepted")
      return
    }
    #expect(problem.jsonPath == "format_version")
    #expect(problem.message.contains("unsupported format_version \"2.0\""))
  }

  @Test func minorFormatVersionsAndUnknownMembersAreRead() throws {
    let json = #"{"format_version": "1.9", "new_member": [1], "values": {"root_module": {"resources": []}}}"#
    let document = try TerraformDocument.parse(Array(json.utf8), path: "p.json").get()
    #expect(document.kind == .state)
    #expect(document.resources.isEmpty)
  }
}
