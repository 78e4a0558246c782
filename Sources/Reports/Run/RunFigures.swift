import PipelineModel

/// Figures the reports derive from a run's interval rows: peaks and when they happened, and
/// per-second rates. Computed once and shared by the Markdown report, the console summary and
/// `summary.json`.
struct RunFigures: Sendable {
  /// The highest arrival rate of one interval (orders/s) and the end of that interval.
  var peakArrivalRate = 0.0
  var peakArrivalAt = 0.0
  /// The largest backlog (visible + in flight) read at an interval's end, and when.
  var peakBacklog = 0
  var peakBacklogAt = 0.0
  /// When the oldest message was oldest (an interval's end).
  var peakOldestAgeAt = 0.0
  /// When the peak concurrency was reached (the end of its interval).
  var peakConcurrencyAt = 0.0
  /// The highest table consumption of one interval, in write units per second, and when.
  var peakConsumedWCUPerSecond = 0.0
  var peakConsumedAt = 0.0
  /// The highest write capacity the table had (WCU/s) and the lowest.
  var maxTableCapacity = 0.0
  var minTableCapacity = 0.0
  /// The highest ESM poller count read at an interval's end.
  var peakPollers = 0
  /// Intervals with Lambda throttles, and the first one's end.
  var throttledIntervals = 0
  var firstLambdaThrottleAt: Double?
  var firstTableThrottleAt: Double?
  var firstValidDLQAt: Double?
  var firstLostAt: Double?

  init(_ result: RunResult) {
    var previous = 0.0
    var minCapacity = Double.infinity
    for row in result.rows {
      let length = max(row.timeSeconds - previous, 1e-9)
      previous = row.timeSeconds
      let arrivalRate = Double(row.count(.arrivals)) / length
      if arrivalRate > peakArrivalRate { peakArrivalRate = arrivalRate; peakArrivalAt = row.timeSeconds }
      let backlog = row.count(.queueVisible) + row.count(.queueInFlight)
      if backlog > peakBacklog { peakBacklog = backlog; peakBacklogAt = row.timeSeconds }
      if row[.oldestAge] >= result[.oldestAge] && peakOldestAgeAt == 0 && row[.oldestAge] > 0 {
        peakOldestAgeAt = row.timeSeconds
      }
      if row.count(.lambdaConcurrency) >= result.count(.lambdaConcurrency) && peakConcurrencyAt == 0
        && row.count(.lambdaConcurrency) > 0
      {
        peakConcurrencyAt = row.timeSeconds
      }
      let consumed = row[.tableConsumedWCU] / length
      if consumed > peakConsumedWCUPerSecond { peakConsumedWCUPerSecond = consumed; peakConsumedAt = row.timeSeconds }
      maxTableCapacity = max(maxTableCapacity, row[.tableWriteCapacity])
      minCapacity = min(minCapacity, row[.tableWriteCapacity])
      peakPollers = max(peakPollers, row.count(.esmPollers))
      if row.count(.lambdaThrottles) > 0 {
        throttledIntervals += 1
        if firstLambdaThrottleAt == nil { firstLambdaThrottleAt = row.timeSeconds }
      }
      if row.count(.tableThrottles) > 0 && firstTableThrottleAt == nil { firstTableThrottleAt = row.timeSeconds }
      if row.count(.dlqValid) > 0 && firstValidDLQAt == nil { firstValidDLQAt = row.timeSeconds }
      if row.count(.lost) > 0 && firstLostAt == nil { firstLostAt = row.timeSeconds }
    }
    minTableCapacity = minCapacity.isFinite ? minCapacity : 0
  }
}
