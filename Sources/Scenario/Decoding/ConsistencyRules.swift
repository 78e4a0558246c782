import PipelineModel
import SimulationKernel

/// Rules across keys: what AWS rejects (errors) and what AWS advises against (warnings, shown
/// by `check` and in the report). Each rule cites its row of `reference/aws-behaviour.md`.
///
/// Rules about the queue and the event source mapping apply to the decoupled architecture
/// only: the synchronous one has neither.
enum ConsistencyRules {
  /// The unreserved concurrency AWS keeps in every account (§3 "Account concurrency quota").
  static let unreservedMinimum = 100
  /// §2 "Recommended visibility timeout": at least 6 × the function timeout.
  static let visibilityTimeoutFactor: Int64 = 6
  /// §2 "Recommended maxReceiveCount with Lambda": at least 5.
  static let recommendedMaxReceiveCount = 5
  /// 9999-12-31T23:59:59Z: the last second RFC 3339 (an order's `created_at`) can write.
  static let lastCalendarSecond: Int64 = 253_402_300_799
  /// The most report intervals a run may have: a year at 1 minute is 527,040; a year at 1 s
  /// (31.6 M rows, about 6 GB of metrics) is refused.
  static let maximumRows: Int64 = 1_000_000

  /// The shortest whole-second interval that keeps `duration` under ``maximumRows`` rows.
  static func shortestInterval(for duration: SimDuration) -> SimDuration {
    let seconds = (duration.nanoseconds / 1_000_000_000 + Int64(maximumRows) - 1) / Int64(maximumRows)
    return .seconds(max(1, seconds))
  }

  /// Checks `c`. `locate` points a rule at the first of its keys the scenario sets. Rules
  /// that involve a key whose value was already reported as wrong are skipped: the
  /// configuration holds the default there, and a rule about it would mislead.
  static func check(
    _ c: PipelineConfiguration, locate: ([String]) -> (path: String, location: SourceLocation),
    _ d: inout ValueDecoder
  ) {
    let failed = Set(d.diagnostics.filter(\.isError).compactMap(\.keyPath))
    func involvesFailure(_ paths: [String]) -> Bool {
      paths.contains { path in failed.contains { $0 == path || $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") } }
    }
    func error(_ paths: [String], _ message: String) {
      guard !involvesFailure(paths) else { return }
      let (path, location) = locate(paths)
      d.report(.error, at: location, path: path, message)
    }
    func warning(_ paths: [String], _ message: String) {
      guard !involvesFailure(paths) else { return }
      let (path, location) = locate(paths)
      d.report(.warning, at: location, path: path, message)
    }

    // Errors: settings that cannot be simulated at all.
    if c.duration > .zero, c.interval > c.duration {
      error(
        ["interval", "duration"],
        "must be at most the duration (\(Units.render(c.duration))), found \(Units.render(c.interval))")
    }
    if let start = c.startEpochSeconds, start + c.duration.nanoseconds / 1_000_000_000 > Self.lastCalendarSecond {
      // Order bodies carry `created_at` as RFC 3339, whose years stop at 9999.
      let end = RFC3339.render(epochSeconds: Self.lastCalendarSecond)
      error(
        ["start", "duration"],
        "the run would end after \(end), the last time an order's created_at can hold; found start \(RFC3339.render(epochSeconds: start)) + duration \(Units.render(c.duration)): start earlier or run shorter"
      )
    }
    let rows = c.interval > .zero ? (c.duration.nanoseconds + c.interval.nanoseconds - 1) / c.interval.nanoseconds : 0
    if rows > Self.maximumRows {
      // Every interval is a row of every metric in memory (about 200 bytes) and of timeseries.csv.
      error(
        ["interval", "duration"],
        "the run would have \(ScenarioErrors.grouped(Int(rows))) report intervals of \(Units.render(c.interval)); at most \(ScenarioErrors.grouped(Int(Self.maximumRows))) are allowed (one row each in timeseries.csv): make interval at least \(Units.render(Self.shortestInterval(for: c.duration)))"
      )
    }
    let defects = c.orders.defects.total
    if defects > 1 + 1e-12 {
      error(
        ["orders.defects"],
        "the defect fractions add up to \(Units.renderApproximate(defects)); together they must be at most 1")
    }
    // The trace replaces baseline × profile (diurnal and bursts still apply).
    if c.traffic.trace != nil, c.traffic.baseline > 0 || !c.traffic.profile.isEmpty {
      warning(
        ["traffic.baseline", "traffic.profile"],
        "ignored: traffic.trace replaces baseline × profile (traffic.diurnal and traffic.bursts still apply to the trace)"
      )
    }
    if c.lambda.otherFunctionsConcurrency > c.lambda.accountConcurrency {
      error(
        ["lambda.other_functions_concurrency", "lambda.account_concurrency"],
        "must be at most lambda.account_concurrency (\(c.lambda.accountConcurrency)), found \(c.lambda.otherFunctionsConcurrency)"
      )
    }

    // Errors: what AWS itself rejects.
    // §3 "Reserved concurrency": 0 … account − 100.
    if let reserved = c.lambda.reservedConcurrency, reserved > c.lambda.accountConcurrency - unreservedMinimum {
      let most = max(0, c.lambda.accountConcurrency - unreservedMinimum)
      error(
        ["lambda.reserved_concurrency", "lambda.account_concurrency"],
        "must be at most the account concurrency less the \(unreservedMinimum) AWS keeps unreserved "
          + "(\(c.lambda.accountConcurrency) − \(unreservedMinimum) = \(most)), found \(reserved)")
    }
    ProvisionedConcurrencyRule.check(c, error: error)
    guard c.architecture == .decoupled else { return }
    // §2 "Recommended visibility timeout": Lambda rejects a mapping whose function timeout
    // exceeds the queue's visibility timeout.
    if c.lambda.timeout > c.queue.visibilityTimeout {
      error(
        ["lambda.timeout", "queue.visibility_timeout"],
        "the function timeout (\(Units.render(c.lambda.timeout))) exceeds queue.visibility_timeout "
          + "(\(Units.render(c.queue.visibilityTimeout))); AWS rejects such an event source mapping")
    }
    // §2 "BatchSize": batch sizes above 10 need a batching window of at least 1 s.
    if c.eventSource.batchSize > 10, c.eventSource.batchingWindow < .seconds(1) {
      error(
        ["event_source.batch_size", "event_source.batching_window"],
        "a batch size above 10 (found \(c.eventSource.batchSize)) needs event_source.batching_window of at least 1s "
          + "(found \(Units.render(c.eventSource.batchingWindow))); AWS rejects it otherwise")
    }
    // §2 "Provisioned mode for SQS ESM", §10: provisioned mode and maximum concurrency are
    // mutually exclusive, and the minimum pollers may not exceed the maximum.
    if let mode = c.eventSource.provisionedMode {
      if let maximum = c.eventSource.maximumConcurrency {
        error(
          ["event_source.provisioned_mode", "event_source.maximum_concurrency"],
          "provisioned mode and event_source.maximum_concurrency (found \(maximum)) are mutually exclusive; "
            + "AWS rejects an event source mapping with both: remove one (set maximum_concurrency to null)")
      }
      if mode.minimumPollers > mode.maximumPollers {
        error(
          ["event_source.provisioned_mode"],
          "minimum_pollers (\(mode.minimumPollers)) must be at most maximum_pollers (\(mode.maximumPollers))")
      }
    }

    // Warnings: what AWS advises against.
    // §2 "Recommended visibility timeout": ≥ 6 × function timeout.
    let recommended = c.lambda.timeout * visibilityTimeoutFactor
    if c.lambda.timeout <= c.queue.visibilityTimeout, c.queue.visibilityTimeout < recommended {
      warning(
        ["queue.visibility_timeout", "lambda.timeout"],
        "\(Units.render(c.queue.visibilityTimeout)) is less than 6 × the function timeout (\(Units.render(recommended))), "
          + "as AWS recommends; a throttled batch may return to the queue before Lambda can retry it")
    }
    // §2 "Recommended maxReceiveCount with Lambda": ≥ 5.
    if let maxReceive = c.queue.maxReceiveCount, maxReceive < recommendedMaxReceiveCount {
      warning(
        ["queue.max_receive_count"],
        "\(maxReceive) is below the \(recommendedMaxReceiveCount) AWS recommends with Lambda; throttled but valid orders "
          + "can reach the DLQ")
    }
    // §1 "DLQ message timestamp / retention": DLQ retention longer than the source's.
    if c.queue.maxReceiveCount != nil, c.queue.dlqRetention <= c.queue.retention {
      warning(
        ["queue.dlq_retention", "queue.retention"],
        "\(Units.render(c.queue.dlqRetention)) is not longer than queue.retention (\(Units.render(c.queue.retention))); "
          + "the DLQ keeps each message's original timestamp, so orders can expire from it early (AWS advises a longer DLQ retention)"
      )
    }
    // §2 "ScalingConfig.MaximumConcurrency": don't set it above reserved concurrency.
    if let maximum = c.eventSource.maximumConcurrency, let reserved = c.lambda.reservedConcurrency, maximum > reserved {
      warning(
        ["event_source.maximum_concurrency", "lambda.reserved_concurrency"],
        "\(maximum) is above lambda.reserved_concurrency (\(reserved)); AWS advises against it: the mapping "
          + "can pull batches the function cannot run, and they are throttled")
    }
    // §2 "Behaviour when the function is throttled" and §7.3: reserved concurrency alone lets
    // the mapping over-pull; maximum concurrency prevents it.
    if let reserved = c.lambda.reservedConcurrency, c.eventSource.maximumConcurrency == nil {
      warning(
        ["lambda.reserved_concurrency"],
        "reserved concurrency (\(reserved)) without event_source.maximum_concurrency lets the event source mapping "
          + "pull more batches than the function may run; throttled batches spend receives and valid orders can reach the DLQ"
          + (reserved >= 2 && c.eventSource.provisionedMode == nil
            ? " (set maximum_concurrency to at most \(reserved))" : ""))
    }
  }
}
