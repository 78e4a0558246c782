import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `lambda.*`: the order-processor function (aws-behaviour.md §3).
  static let lambdaSettings: [Setting] = [
    // §3 "Memory and CPU": 128 – 10,240 MB in 1 MB steps.
    Setting("lambda.memory") { d, v, c in
      if let x = d.lambdaMemory(v) { c.lambda.memoryMB = x }
    } render: {
      "\($0.lambda.memoryMB)MB"
    },

    // §3 "Timeout": 1 – 900 s.
    Setting("lambda.timeout") { d, v, c in
      if let x = d.duration(v, .seconds(1)...SimDuration.seconds(900)) { c.lambda.timeout = x }
    } render: {
      Units.render($0.lambda.timeout)
    },

    // §3 "Reserved concurrency": 0 … account − 100 (checked against the account in the rules).
    Setting("lambda.reserved_concurrency") { d, v, c in
      if let x = d.optional(v, { $0.integer($1, 0...1_000_000) }) { c.lambda.reservedConcurrency = x }
    } render: {
      $0.lambda.reservedConcurrency.map(String.init) ?? "null"
    },

    // §3 "Account concurrency quota": 1,000 by default, raisable.
    Setting("lambda.account_concurrency") { d, v, c in
      if let x = d.integer(v, 1...1_000_000) { c.lambda.accountConcurrency = x }
    } render: {
      String($0.lambda.accountConcurrency)
    },

    Setting("lambda.other_functions_concurrency") { d, v, c in
      if let x = d.integer(v, 0...1_000_000) { c.lambda.otherFunctionsConcurrency = x }
    } render: {
      String($0.lambda.otherFunctionsConcurrency)
    },

    // §3 "Cold-start duration", "INIT phase limit" (10 s; the range allows slower inits).
    Setting("lambda.cold_start", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.lambda.coldStart = x }
    } render: {
      DistributionSyntax.render($0.lambda.coldStart, .duration)
    },

    Setting("lambda.idle_expiry") { d, v, c in
      if let x = d.duration(v, .seconds(1)...SimDuration.days(7)) { c.lambda.idleExpiry = x }
    } render: {
      Units.render($0.lambda.idleExpiry)
    },

    Setting("lambda.duration.per_invocation", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.lambda.perInvocation = x }
    } render: {
      DistributionSyntax.render($0.lambda.perInvocation, .duration)
    },

    Setting("lambda.duration.per_message", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.lambda.perMessage = x }
    } render: {
      DistributionSyntax.render($0.lambda.perMessage, .duration)
    },

    // §3 "Price – duration": x86_64 or arm64 (not in SCENARIO.md's example; added here).
    Setting("lambda.architecture") { d, v, c in
      if let x = d.choice(v, LambdaConfiguration.CPUArchitecture.self) { c.lambda.cpu = x }
    } render: {
      $0.lambda.cpu.rawValue
    },

    // SCENARIO.md "Additions"; §3 "Memory and CPU": a memory size like lambda.memory; null =
    // measured at lambda.memory.
    Setting("lambda.duration.measured_at") { d, v, c in
      if let x = d.optional(v, { $0.lambdaMemory($1) }) { c.lambda.measuredAtMB = x }
    } render: {
      $0.lambda.measuredAtMB.map { "\($0)MB" } ?? "null"
    },

    // SCENARIO.md "Additions": the CPU-bound share of the handler's time, 0 – 1.
    Setting("lambda.duration.cpu_bound") { d, v, c in
      if let x = d.fraction(v) { c.lambda.cpuBound = x }
    } render: {
      Units.renderNumber($0.lambda.cpuBound)
    },

    // §3 "Provisioned concurrency": at most the reserved concurrency (checked in the rules).
    Setting("lambda.provisioned_concurrency") { d, v, c in
      if let x = d.integer(v, 0...1_000_000) { c.lambda.provisionedConcurrency = x }
    } render: {
      String($0.lambda.provisionedConcurrency)
    },
  ]
}

extension ValueDecoder {
  /// Lambda memory in AWS's own MB (the console's "1024 MB"; AWS's MB here are really MiB):
  /// written `1024MB` or `1024MiB`, an integer from 128 to 10240.
  mutating func lambdaMemory(_ v: Value) -> Int? {
    let allowed = "a memory size from 128MB to 10240MB in 1 MB steps"
    guard let text = scalarText(v, allowed) else { return nil }
    guard let (number, unit) = DecimalNumber.parsePrefix(Substring(text.trimmingSpaces)) else {
      mustBe(v, allowed)
      return nil
    }
    if unit.isEmpty {
      error(
        v, "must be a memory size with a unit, found \(text): add a unit, e.g. \(text)MB (Lambda memory is set in MB)",
        found: text, allowed: allowed)
      return nil
    }
    guard unit == "MB" || unit == "MiB" else {
      mustBe(v, allowed, note: " (Lambda memory is set in MB, as in the AWS console)")
      return nil
    }
    guard let (mb, exact) = number.scaled(by: 1), exact, (128...10_240).contains(mb) else {
      mustBe(v, allowed)
      return nil
    }
    return Int(mb)
  }
}
