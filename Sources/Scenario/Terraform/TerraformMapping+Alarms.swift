/// The CloudWatch alarms a CodeDeploy deployment group names (aws-behaviour.md §6
/// "Alarm-triggered automatic rollback", §10 "Alarm timing"): an alarm name carries no metric,
/// so each is looked up among the plan's `aws_cloudwatch_metric_alarm` resources and turned
/// into an `alarms:` entry; names not found, or alarms on a metric peaksim does not simulate,
/// stay a warning naming them.
extension TerraformMapping {
  mutating func mapAlarms(of g: TerraformResource) {
    guard let configuration = g.block("alarm_configuration"), configuration["enabled"] != .bool(false),
      let names = configuration["alarms"]?.array?.compactMap(\.string), !names.isEmpty
    else { return }
    let resources = document.resources(ofType: "aws_cloudwatch_metric_alarm")
    var entries: [String] = []
    var left: [String] = []
    for name in names {
      guard let alarm = resources.first(where: { $0.known("alarm_name")?.string == name }) else {
        left.append("\(name) (not in the plan)")
        continue
      }
      switch alarmEntry(alarm) {
      case .success(let entry): entries.append(entry)
      case .failure(let why): left.append("\(name) (\(why.reason))")
      }
    }
    let path = g.path(of: "alarm_configuration") + "[0].alarms"
    if !entries.isEmpty {
      add(
        "delivery.deploy.alarms", "[" + entries.joined(separator: ", ") + "]", from: g, "alarm_configuration", at: path)
    }
    guard !left.isEmpty else { return }
    warning(
      at: path, keyPath: nil,
      Self.unmodelledPrefix + "\(g.address).alarm_configuration.alarms: \(left.joined(separator: ", ")); "
        + "alarm thresholds live in aws_cloudwatch_metric_alarm: peaksim reads Errors, Throttles, Duration p99 "
        + "(AWS/Lambda), ApproximateAgeOfOldestMessage and the DLQ's ApproximateNumberOfMessagesVisible (AWS/SQS); "
        + "write the others as alarms: under delivery.deploy or each deployments: entry")
  }

  struct AlarmSkipped: Error { var reason: String }

  /// `{metric: errors, threshold: 10, period: 1m, evaluation_periods: 1, datapoints_to_alarm: 1}`.
  private func alarmEntry(_ a: TerraformResource) -> Result<String, AlarmSkipped> {
    let namespace = a.known("namespace")?.string ?? ""
    let metricName = a.known("metric_name")?.string ?? "(a metric query)"
    guard let threshold = a.known("threshold")?.number else { return .failure(.init(reason: "no static threshold")) }
    guard let comparison = a.known("comparison_operator")?.string, comparison.hasPrefix("GreaterThan") else {
      return .failure(.init(reason: "peaksim's alarms fire above their threshold"))
    }
    var value = threshold
    let metric: String
    switch (namespace, metricName) {
    case ("AWS/Lambda", "Errors"): metric = "errors"
    case ("AWS/Lambda", "Throttles"): metric = "throttles"
    case ("AWS/Lambda", "Duration") where a.known("extended_statistic")?.string == "p99":
      // CloudWatch gives Duration in milliseconds; the scenario's threshold is in seconds.
      metric = "duration_p99"
      value = threshold / 1_000
    case ("AWS/SQS", "ApproximateAgeOfOldestMessage"): metric = "oldest_age"
    case ("AWS/SQS", "ApproximateNumberOfMessagesVisible") where watchesDeadLetterQueue(a):
      metric = "dlq_visible"
    default: return .failure(.init(reason: "\(namespace) \(metricName) is not simulated"))
    }
    guard let period = a.known("period")?.integer, period > 0, period % 60 == 0,
      let evaluations = a.known("evaluation_periods")?.integer
    else {
      return .failure(.init(reason: "period must be whole minutes, with evaluation_periods"))
    }
    // CloudWatch: datapoints_to_alarm defaults to evaluation_periods ("N out of N").
    let datapoints = a.known("datapoints_to_alarm")?.integer ?? evaluations
    return .success(
      "{metric: \(metric), threshold: \(Units.renderNumber(value)), period: \(period / 60)m, "
        + "evaluation_periods: \(evaluations), datapoints_to_alarm: \(datapoints)}")
  }

  /// Whether alarm `a` watches a dead-letter queue (its `QueueName` dimension names a queue
  /// some redrive policy sends to).
  private func watchesDeadLetterQueue(_ a: TerraformResource) -> Bool {
    guard let queue = a.known("dimensions")?["QueueName"]?.string else { return false }
    return redrivePolicyTexts().compactMap { Self.deadLetterTarget(in: $0) }.contains { $0.hasSuffix(":" + queue) }
  }
}
