import SimulationKernel

/// The producer as an event source: its next order is the scheduler's stream event
/// (``PipelineEvent/arrival``), so arrivals take their place in the one event order without a
/// heap entry each.
struct Producer: ~Copyable {
  var feed: OrderFeed
  var pending: PreparedOrder?

  init(_ configuration: PipelineConfiguration, prefetch: Bool) {
    feed = OrderFeed(configuration, prefetch: prefetch)
  }

  /// Bodies written and judged by the validation core so far.
  var validations: Int { feed.validations }

  /// Takes the next order from the feed and schedules its arrival (nothing when traffic ends).
  mutating func scheduleNext(_ scheduler: inout EventScheduler<PipelineEvent>) {
    pending = feed.next()
    if let order = pending {
      scheduler.scheduleStream(.arrival, at: SimTime(nanoseconds: order.time), priority: .arrival)
    }
  }

  /// The order whose arrival event fired.
  mutating func take() -> PreparedOrder? {
    defer { pending = nil }
    return pending
  }
}
