import Foundation

/// The attribute-by-attribute mapping (aws-behaviour.md §10 "Terraform AWS attributes").
extension TerraformMapping {
  // MARK: - Renderings

  static func seconds(_ v: TerraformJSON) -> String? { v.integer.map { "\($0)s" } }
  static func bytes(_ v: TerraformJSON) -> String? { v.integer.map { "\($0)B" } }
  static func count(_ v: TerraformJSON) -> String? { v.integer.map(String.init) }

  // MARK: - aws_sqs_queue (§1)

  mutating func mapQueue(_ q: TerraformResource) {
    map(
      q, "visibility_timeout_seconds", to: "queue.visibility_timeout", expected: "a whole number of seconds",
      Self.seconds)
    map(q, "message_retention_seconds", to: "queue.retention", expected: "a whole number of seconds", Self.seconds)
    map(q, "max_message_size", to: "queue.max_message_size", expected: "a whole number of bytes", Self.bytes)
    // §1 "Delay" and "Long polling" (the latter recorded only: the event source mapping long-polls).
    map(q, "delay_seconds", to: "queue.delay", expected: "a whole number of seconds", Self.seconds)
    map(
      q, "receive_wait_time_seconds", to: "queue.receive_wait_time", expected: "a whole number of seconds",
      Self.seconds)
    mapRedrive(of: q)
  }

  /// §1 "Redrive policy maxReceiveCount": the policy is a JSON *string* inside the JSON,
  /// either on the queue or in a separate `aws_sqs_queue_redrive_policy`; its
  /// `deadLetterTargetArn` leads to the DLQ and its retention (§1 "DLQ message timestamp / retention").
  private mutating func mapRedrive(of q: TerraformResource) {
    let key = "queue.max_receive_count"
    let holder = separateRedrivePolicy(for: q) ?? q
    switch holder.attribute("redrive_policy") {
    case .absent: return
    case .unknown(let path): add(key, nil, from: holder, "redrive_policy", at: path)
    case .known(let value, let path):
      if value.isNull || value.string == "" {
        add(key, "null", from: holder, "redrive_policy", at: path)
        return
      }
      guard let text = value.string else {
        error(
          at: path, keyPath: key,
          "\(holder.address).redrive_policy must be a JSON string, found \(value.foundDescription)")
        return
      }
      guard let policy = try? JSONDecoder().decode(TerraformJSON.self, from: Data(text.utf8)), case .object = policy
      else {
        error(
          at: path, keyPath: key,
          "\(holder.address).redrive_policy must hold a JSON object such as "
            + "{\"deadLetterTargetArn\":\"arn:…\",\"maxReceiveCount\":10}, found \(value.foundDescription)")
        return
      }
      // §1: the SDK text gives 10 when the policy leaves maxReceiveCount out.
      let receives = policy["maxReceiveCount"]
      guard receives == nil || receives?.integer != nil else {
        error(
          at: path, keyPath: key,
          "maxReceiveCount inside \(holder.address).redrive_policy must be a whole number, found \(receives?.foundDescription ?? "")"
        )
        return
      }
      add(key, String(receives?.integer ?? 10), from: holder, "redrive_policy", at: path)
      guard let target = policy["deadLetterTargetArn"]?.string else { return }
      if let dlq = document.resources(ofType: "aws_sqs_queue").first(where: { $0.known("arn")?.string == target }) {
        map(
          dlq, "message_retention_seconds", to: "queue.dlq_retention", expected: "a whole number of seconds",
          Self.seconds)
      } else {
        warning(
          at: path, keyPath: "queue.dlq_retention",
          "the dead-letter queue \(target) named in \(holder.address).redrive_policy is not in the plan; "
            + "queue.dlq_retention is not read from Terraform")
      }
    }
  }

  /// The `aws_sqs_queue_redrive_policy` of queue `q` (by `queue_url`, the queue's `url` or
  /// `id`); with one such resource whose `queue_url` is unknown, that one.
  private func separateRedrivePolicy(for q: TerraformResource) -> TerraformResource? {
    let policies = document.resources(ofType: "aws_sqs_queue_redrive_policy")
    let url = q.known("url")?.string ?? q.known("id")?.string
    if let url, let match = policies.first(where: { $0.known("queue_url")?.string == url }) { return match }
    let unjoined = policies.filter { $0.known("queue_url") == nil }
    return unjoined.count == 1 && policies.count == 1 ? unjoined[0] : nil
  }

  /// Every redrive policy's text in the plan (on queues and separate resources).
  func redrivePolicyTexts() -> [String] {
    (document.resources(ofType: "aws_sqs_queue") + document.resources(ofType: "aws_sqs_queue_redrive_policy"))
      .compactMap { $0.known("redrive_policy")?.string }
  }

  /// The `deadLetterTargetArn` inside a redrive policy's text.
  static func deadLetterTarget(in text: String) -> String? {
    (try? JSONDecoder().decode(TerraformJSON.self, from: Data(text.utf8)))?["deadLetterTargetArn"]?.string
  }

  // MARK: - aws_lambda_event_source_mapping (§2)

  mutating func mapEventSource(_ e: TerraformResource) {
    map(e, "batch_size", to: "event_source.batch_size", expected: "a whole number", Self.count)
    map(
      e, "maximum_batching_window_in_seconds", to: "event_source.batching_window",
      expected: "a whole number of seconds",
      Self.seconds)
    // §2 "ScalingConfig.MaximumConcurrency": an empty block (or none) = not set.
    switch e.attribute("scaling_config") {
    case .absent: break
    case .unknown(let path): add("event_source.maximum_concurrency", nil, from: e, "scaling_config", at: path)
    case .known(let value, let path):
      let maximum = value[0]?["maximum_concurrency"] ?? .null
      let text = maximum.isNull ? "null" : Self.count(maximum)
      guard let text else {
        error(
          at: path + "[0].maximum_concurrency", keyPath: "event_source.maximum_concurrency",
          "\(e.address).scaling_config.maximum_concurrency must be a whole number, found \(maximum.foundDescription)")
        break
      }
      add("event_source.maximum_concurrency", text, from: e, "scaling_config.maximum_concurrency", at: path)
    }
    mapProvisionedPollers(e)
    // §2 "Partial batch response": on only with ReportBatchItemFailures.
    map(e, "function_response_types", to: "event_source.report_batch_item_failures", expected: "a list of strings") {
      guard let list = $0.array else { return nil }
      return String(list.contains(.string("ReportBatchItemFailures")))
    }
  }

  /// §2 "Provisioned mode for SQS ESM": `provisioned_poller_config` is a nested block (a
  /// one-element array); none (an empty array) = standard scaling, a `null` or missing
  /// `minimum_pollers` / `maximum_pollers` = AWS's default (2, 200). Together with
  /// `scaling_config.maximum_concurrency` it is an error, as AWS rejects both (the scenario's
  /// consistency rules report it at the plan's attribute).
  private mutating func mapProvisionedPollers(_ e: TerraformResource) {
    let key = "event_source.provisioned_mode"
    switch e.attribute("provisioned_poller_config") {
    case .absent: return
    case .unknown(let path): add(key, nil, from: e, "provisioned_poller_config", at: path)
    case .known(let value, let path):
      // No block: standard scaling, the default, so the key is left to the scenario.
      guard let block = value[0], !block.isNull else { return }
      var fields: [String] = []
      for name in ["minimum_pollers", "maximum_pollers"] {
        let field = block[name] ?? .null
        if field.isNull { continue }
        guard let n = field.integer else {
          error(
            at: path + "[0].\(name)", keyPath: key,
            "\(e.address).provisioned_poller_config.\(name) must be a whole number, found \(field.foundDescription)")
          return
        }
        fields.append("\(name): \(n)")
      }
      add(key, "{" + fields.joined(separator: ", ") + "}", from: e, "provisioned_poller_config", at: path)
    }
  }

  // MARK: - aws_lambda_function (§3)

  mutating func mapFunction(_ f: TerraformResource) {
    map(f, "memory_size", to: "lambda.memory", expected: "a whole number of MB") { $0.integer.map { "\($0)MB" } }
    map(f, "timeout", to: "lambda.timeout", expected: "a whole number of seconds", Self.seconds)
    // §10 "Terraform AWS attributes": -1 = unreserved (the scenario's null), 0 = disabled.
    map(f, "reserved_concurrent_executions", to: "lambda.reserved_concurrency", expected: "a whole number") {
      guard let n = $0.integer else { return nil }
      return n == -1 ? "null" : String(n)
    }
    map(f, "architectures", to: "lambda.architecture", expected: "a list with x86_64 or arm64") {
      $0.array.map { $0.first?.string ?? "x86_64" }
    }
    // §3 "Provisioned concurrency": the config on the function (by name or ARN; the alias or
    // version it names is the one the event source mapping invokes).
    let configs = document.resources(ofType: "aws_lambda_provisioned_concurrency_config")
    let joined = configs.filter { Self.joins($0, function: f) == true }
    // One config that names no known function is taken to be this function's.
    let lone = configs.count == 1 && Self.joins(configs[0], function: f) == nil ? configs.first : nil
    if let config = joined.first ?? lone {
      map(
        config, "provisioned_concurrent_executions", to: "lambda.provisioned_concurrency", expected: "a whole number",
        Self.count)
    }
  }

  // MARK: - aws_dynamodb_table and its auto scaling (§5)

  mutating func mapTable(_ t: TerraformResource) {
    map(t, "billing_mode", to: "table.mode", expected: "PROVISIONED or PAY_PER_REQUEST") {
      switch $0.string {
      case "PAY_PER_REQUEST": "on_demand"
      case "PROVISIONED": "provisioned"
      default: nil
      }
    }
    let provisioned = t.known("billing_mode")?.string.map { $0 == "PROVISIONED" } ?? false
    if provisioned {
      map(t, "write_capacity", to: "table.write_capacity", expected: "a whole number of WCU", Self.count)
    }
    if let block = t.block("on_demand_throughput"), let units = block["max_write_request_units"]?.integer, units > 0 {
      add(
        "table.max_write_rate", "\(units)/s", from: t, "on_demand_throughput.max_write_request_units",
        at: t.path(of: "on_demand_throughput") + "[0].max_write_request_units")
    }
    if provisioned { mapAutoScaling(of: t) }
  }

  /// `aws_appautoscaling_target` on `table/<name>` write capacity, with a target-tracking
  /// `aws_appautoscaling_policy` on `DynamoDBWriteCapacityUtilization` (§5 "Auto scaling").
  private mutating func mapAutoScaling(of t: TerraformResource) {
    guard let name = t.known("name")?.string else { return }
    let dimension = "dynamodb:table:WriteCapacityUnits"
    func onTable(_ r: TerraformResource) -> Bool {
      r.known("resource_id")?.string == "table/\(name)" && r.known("scalable_dimension")?.string == dimension
    }
    guard let target = document.resources(ofType: "aws_appautoscaling_target").first(where: onTable) else { return }
    let policy = document.resources(ofType: "aws_appautoscaling_policy").first { p in
      onTable(p) && p.known("policy_type")?.string == "TargetTrackingScaling"
        && p.block("target_tracking_scaling_policy_configuration")?["predefined_metric_specification"]?[0]?[
          "predefined_metric_type"]?.string == "DynamoDBWriteCapacityUtilization"
    }
    guard let policy, let configuration = policy.block("target_tracking_scaling_policy_configuration") else {
      warning(
        at: target.jsonPath, keyPath: nil,
        Self.unmodelledPrefix + "\(target.address) (write capacity scaling without a target-tracking "
          + "policy on DynamoDBWriteCapacityUtilization); the table keeps a fixed capacity")
      return
    }
    let path = policy.path(of: "target_tracking_scaling_policy_configuration") + "[0].target_value"
    guard let min = target.known("min_capacity")?.integer, let max = target.known("max_capacity")?.integer,
      let percent = configuration["target_value"]?.number
    else {
      if target.unknownAttributes.contains(where: { $0.hasSuffix("_capacity") }) {
        add("table.autoscaling", nil, from: target, "max_capacity", at: target.path(of: "max_capacity"))
      }
      return
    }
    let value = "{min: \(min), max: \(max), target: \(Units.renderNumber(percent / 100))}"
    add("table.autoscaling", value, from: policy, "target_tracking_scaling_policy_configuration", at: path)
  }
}
