import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// `event_source.*`: the Lambda SQS event source mapping (aws-behaviour.md §2).
  static let eventSourceSettings: [Setting] = [
    // §2 "BatchSize": 1 – 10,000 for standard queues.
    Setting("event_source.batch_size") { d, v, c in
      if let x = d.integer(v, 1...10_000) { c.eventSource.batchSize = x }
    } render: {
      String($0.eventSource.batchSize)
    },

    // §2 "MaximumBatchingWindowInSeconds": 0 – 300 s.
    Setting("event_source.batching_window") { d, v, c in
      if let x = d.duration(v, .zero...SimDuration.seconds(300)) { c.eventSource.batchingWindow = x }
    } render: {
      Units.render($0.eventSource.batchingWindow)
    },

    // §2 "ScalingConfig.MaximumConcurrency": 2 – 1,000; null = not set.
    Setting("event_source.maximum_concurrency") { d, v, c in
      if let x = d.optional(v, { $0.integer($1, 2...1_000) }) { c.eventSource.maximumConcurrency = x }
    } render: {
      $0.eventSource.maximumConcurrency.map(String.init) ?? "null"
    },

    Setting("event_source.scaling") { d, v, c in
      if let x = d.choice(v, EventSourceConfiguration.ScalingMode.self) { c.eventSource.scaling = x }
    } render: {
      $0.eventSource.scaling.rawValue
    },

    // §2 "Partial batch response".
    Setting("event_source.report_batch_item_failures") { d, v, c in
      if let x = d.bool(v) { c.eventSource.reportBatchItemFailures = x }
    } render: {
      String($0.eventSource.reportBatchItemFailures)
    },

    // §2 "Provisioned mode for SQS ESM", §10: MinimumPollers 2 – 200 (default 2),
    // MaximumPollers 2 – 10,000 (default 200); null = standard scaling.
    Setting("event_source.provisioned_mode", inner: ["minimum_pollers", "maximum_pollers"]) { d, v, c in
      if v.node.isNull { c.eventSource.provisionedMode = nil; return }
      let keys = ["minimum_pollers", "maximum_pollers"]
      guard
        let fields = d.mapping(
          v, allowed: keys, what: "null or a mapping with keys minimum_pollers and maximum_pollers")
      else { return }
      var mode = ProvisionedPollerConfiguration()
      if let x = fields["minimum_pollers"] {
        guard let n = d.integer(x, ProvisionedPollerConfiguration.minimumRange) else { return }
        mode.minimumPollers = n
      }
      if let x = fields["maximum_pollers"] {
        guard let n = d.integer(x, ProvisionedPollerConfiguration.maximumRange) else { return }
        mode.maximumPollers = n
      }
      c.eventSource.provisionedMode = mode
    } render: { c in
      c.eventSource.provisionedMode.map {
        "{minimum_pollers: \($0.minimumPollers), maximum_pollers: \($0.maximumPollers)}"
      } ?? "null"
    },
  ]
}
