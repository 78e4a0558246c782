import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `queue.*`: the SQS standard queue and its DLQ (aws-behaviour.md §1).
  static let queueSettings: [Setting] = [
    // §1 "Visibility timeout – default and range": 0 – 12 h.
    Setting("queue.visibility_timeout") { d, v, c in
      if let x = d.duration(v, .zero...SimDuration.hours(12)) { c.queue.visibilityTimeout = x }
    } render: {
      Units.render($0.queue.visibilityTimeout)
    },

    // §1 "Redrive policy maxReceiveCount": 1 – 1,000; null = no redrive policy, no DLQ.
    Setting("queue.max_receive_count") { d, v, c in
      if let x = d.optional(v, { $0.integer($1, 1...1_000) }) { c.queue.maxReceiveCount = x }
    } render: {
      $0.queue.maxReceiveCount.map(String.init) ?? "null"
    },

    // §1 "Message retention period": 60 s – 14 days.
    Setting("queue.retention") { d, v, c in
      if let x = d.duration(v, .seconds(60)...SimDuration.days(14)) { c.queue.retention = x }
    } render: {
      Units.render($0.queue.retention)
    },

    Setting("queue.dlq_retention") { d, v, c in
      if let x = d.duration(v, .seconds(60)...SimDuration.days(14)) { c.queue.dlqRetention = x }
    } render: {
      Units.render($0.queue.dlqRetention)
    },

    // §1 "Maximum message size": attribute range 1,024 – 1,048,576 bytes.
    Setting("queue.max_message_size") { d, v, c in
      if let x = d.size(v, 1_024...1_048_576) { c.queue.maxMessageSize = x }
    } render: {
      Units.renderSize($0.queue.maxMessageSize)
    },

    // §1 "In-flight messages (standard)": ≈120,000.
    Setting("queue.in_flight_limit") { d, v, c in
      if let x = d.integer(v, 1...10_000_000) { c.queue.inFlightLimit = x }
    } render: {
      String($0.queue.inFlightLimit)
    },

    // §1 "Delivery semantics": at-least-once.
    Setting("queue.duplicate_delivery") { d, v, c in
      if let x = d.fraction(v) { c.queue.duplicateDelivery = x }
    } render: {
      Units.renderNumber($0.queue.duplicateDelivery)
    },

    // §1 "Delay": DelaySeconds 0 – 900 s; delayed messages are not visible. Listed only when set
    // (an addition: scenarios without it report as before).
    Setting("queue.delay", listed: { $0.queue.delay != .zero }) { d, v, c in
      if let x = d.duration(v, .zero...SimDuration.minutes(15)) { c.queue.delay = x }
    } render: {
      Units.render($0.queue.delay)
    },

    // §1 "Long polling": ReceiveMessageWaitTimeSeconds 0 – 20 s. Recorded, not simulated: the
    // event source mapping long-polls (20 s) whatever the queue's attribute says (§1 "Cost of
    // idle Lambda polling"). Listed only when set.
    Setting("queue.receive_wait_time", listed: { $0.queue.receiveWaitTime != .zero }) { d, v, c in
      if let x = d.duration(v, .zero...SimDuration.seconds(20)) { c.queue.receiveWaitTime = x }
    } render: {
      Units.render($0.queue.receiveWaitTime)
    },
  ]
}
