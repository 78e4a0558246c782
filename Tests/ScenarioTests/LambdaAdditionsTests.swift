import Testing

@testable import Scenario

/// Issue 12 items 6–8 in the scenario format (SCENARIO.md "Additions"): the date picks
/// defaults, shown with source `default`; the new Lambda keys are checked with located errors
/// and listed in the effective settings; Terraform fills `lambda.provisioned_concurrency`.
@Suite struct LambdaAdditionsTests {
  static func settings(_ yaml: String) throws -> [String: (value: String, source: String)] {
    let loaded = try #require(parse(yaml).value)
    return Dictionary(uniqueKeysWithValues: loaded.effectiveSettings.map { ($0.keyPath, ($0.value, $0.origin.source)) })
  }

  /// §2 "Scale-up rate" (Nov 2023) and §1 "Maximum message size" (Aug 2025), by `start`.
  @Test func startBeforeNovember2023DefaultsToAws2019ScalingAnd256KiBMessages() throws {
    let s = try Self.settings(scenario("start: 2022-11-25T00:00:00Z\n"))
    #expect(s["event_source.scaling"]?.value == "aws2019")
    #expect(s["event_source.scaling"]?.source == "default")
    #expect(s["queue.max_message_size"]?.value == "256KiB")
    #expect(s["queue.max_message_size"]?.source == "default")
  }

  @Test func startAfterAugust2025DefaultsTo1MiBMessagesAndAws2023Scaling() throws {
    let s = try Self.settings(scenario("start: 2026-11-27T00:00:00Z\n"))
    #expect(s["event_source.scaling"]?.value == "aws2023")
    #expect(s["queue.max_message_size"]?.value == "1MiB")
    #expect(s["queue.max_message_size"]?.source == "default")
  }

  @Test func aKeyTheFileSetsIsNotReplacedByTheDatesDefault() throws {
    let s = try Self.settings(
      scenario("start: 2022-11-25T00:00:00Z\nevent_source:\n  scaling: aws2023\nqueue:\n  max_message_size: 1MiB\n"))
    #expect(s["event_source.scaling"]?.value == "aws2023")
    #expect(s["event_source.scaling"]?.source == "file")
    #expect(s["queue.max_message_size"]?.value == "1MiB")
  }

  /// §3 "Timeout": AWS's default is 3 s.
  @Test func lambdaTimeoutDefaultsToThreeSeconds() throws {
    let s = try Self.settings(minimalScenario)
    #expect(s["lambda.timeout"]?.value == "3s")
    #expect(s["lambda.timeout"]?.source == "default")
  }

  @Test func newLambdaKeysAreReadAndListed() throws {
    let yaml = scenario(
      "lambda:\n  memory: 512MB\n  provisioned_concurrency: 10\n"
        + "  duration:\n    measured_at: 1769MB\n    cpu_bound: 0.6\n")
    let c = try #require(parse(yaml).value).configuration
    #expect(c.lambda.measuredAtMB == 1_769)
    #expect(c.lambda.cpuBound == 0.6)
    #expect(c.lambda.provisionedConcurrency == 10)
    let s = try Self.settings(yaml)
    #expect(s["lambda.duration.measured_at"]?.value == "1769MB")
    #expect(s["lambda.duration.cpu_bound"]?.value == "0.6")
    #expect(s["lambda.provisioned_concurrency"]?.value == "10")
    let defaults = try Self.settings(minimalScenario)
    #expect(defaults["lambda.duration.measured_at"]?.value == "null")
    #expect(defaults["lambda.duration.cpu_bound"]?.value == "0")
    #expect(defaults["lambda.provisioned_concurrency"]?.value == "0")
  }

  @Test(arguments: [
    ("lambda:\n  duration:\n    measured_at: 100MB\n", "lambda.duration.measured_at", 7),
    ("lambda:\n  duration:\n    measured_at: 10241MB\n", "lambda.duration.measured_at", 7),
    ("lambda:\n  duration:\n    measured_at: 1024\n", "lambda.duration.measured_at", 7),
    ("lambda:\n  duration:\n    cpu_bound: 1.5\n", "lambda.duration.cpu_bound", 7),
    ("lambda:\n  duration:\n    cpu_bound: -0.1\n", "lambda.duration.cpu_bound", 7),
    ("lambda:\n  provisioned_concurrency: -1\n", "lambda.provisioned_concurrency", 6),
    ("lambda:\n  reserved_concurrency: 20\n  provisioned_concurrency: 21\n", "lambda.provisioned_concurrency", 7),
    ("lambda:\n  provisioned_concurrency: 901\n", "lambda.provisioned_concurrency", 6),
  ])
  func badValuesOfTheNewKeysAreLocatedErrors(extra: String, keyPath: String, line: Int) throws {
    let errors = diagnostics(scenario(extra))
    let error = try #require(errors.first { $0.keyPath == keyPath }, "\(errors)")
    #expect(error.location.line == line, "\(error)")
  }

  @Test func provisionedConcurrencyUpToTheReservationIsAccepted() throws {
    let yaml = scenario(
      "lambda:\n  reserved_concurrency: 20\n  provisioned_concurrency: 20\nevent_source:\n  maximum_concurrency: 20\n")
    #expect(try #require(parse(yaml).value).configuration.lambda.provisionedConcurrency == 20)
  }

  /// Issue 16: `aws_lambda_provisioned_concurrency_config.provisioned_concurrent_executions` →
  /// `lambda.provisioned_concurrency`, joined to the function by name.
  @Test func terraformProvisionedConcurrencyConfigSetsProvisionedConcurrency() throws {
    let yaml = TerraformPlanTests.reading(TerraformPlanTests.modulesPlan)
    let s = try Self.settings(yaml)
    #expect(s["lambda.provisioned_concurrency"]?.value == "50")
    #expect(
      s["lambda.provisioned_concurrency"]?.source
        == "terraform:module.orders.aws_lambda_provisioned_concurrency_config.live.provisioned_concurrent_executions")
    let warnings = try #require(parse(yaml).value).warnings.map(\.message)
    #expect(!warnings.contains { $0.contains("provisioned_concurrent_executions") })
  }
}
