import SimulationKernel

/// The stream of prepared arrivals a pipeline consumes, made on the pipeline's own thread or,
/// with `prefetch`, on a second thread ahead of it (``OrderPrefetcher``). Both give exactly the
/// same sequence: the producer draws from the same named streams in the same order, so results
/// do not depend on the number of threads.
struct OrderFeed: ~Copyable {
  private var producer: OrderProducer?
  private let prefetcher: OrderPrefetcher?
  private var chunk: UnsafeBufferPointer<PreparedOrder> = UnsafeBufferPointer(start: nil, count: 0)
  private var chunkIndex = 0
  private var position = 0
  private var lastChunk = false
  /// Bodies written and validated so far.
  var validations: Int {
    if let prefetcher { return prefetcher.validations }
    switch producer {
    case .some(let p): return p.validations
    case .none: return 0
    }
  }

  init(_ configuration: PipelineConfiguration, prefetch: Bool) {
    if prefetch {
      prefetcher = OrderPrefetcher(producer: OrderProducer(configuration))
      producer = nil
    } else {
      prefetcher = nil
      producer = OrderProducer(configuration)
    }
  }

  /// The next arrival, or `nil` when the traffic curve is exhausted.
  ///
  /// The common case reads the lent chunk and nothing else: touching `prefetcher` would retain
  /// it, an atomic write to the cache line the producer thread keeps writing (measured: 5 % of
  /// the event loop's samples went to that retain).
  @inline(__always)
  mutating func next() -> PreparedOrder? {
    if position < chunk.count {
      let order = chunk[position]
      position += 1
      return order
    }
    return nextChunk()
  }

  /// Hands the finished chunk back and waits for the next one (or makes the order here,
  /// without a prefetcher).
  private mutating func nextChunk() -> PreparedOrder? {
    guard let prefetcher else { return producer?.next() }
    while position == chunk.count {
      if lastChunk { return nil }
      if chunk.baseAddress != nil {
        prefetcher.release(chunkIndex)
        chunkIndex = OrderPrefetcher.chunk(after: chunkIndex)
      }
      (chunk, lastChunk) = prefetcher.take(chunkIndex)
      position = 0
    }
    let order = chunk[position]
    position += 1
    return order
  }

  deinit { prefetcher?.stop() }
}

/// Makes prepared arrivals: arrival times and the order mix (``OrderSource``), then each body
/// written and judged by the validation core (``OrderHandler``).
struct OrderProducer: ~Copyable {
  var source: OrderSource
  var handler: OrderHandler
  let itemSize: TableConfiguration.ItemSize
  var validations = 0
  /// The order after the next arrival's, drawn one ahead so that the handler can load its
  /// catalogue lines, all of them, while it judges the body before. The order mix has its own
  /// stream, apart from the arrival times', so drawing it early changes no draw.
  var upcoming: OrderSource.NewOrder

  init(_ configuration: PipelineConfiguration) {
    source = OrderSource(configuration)
    handler = OrderHandler(configuration: configuration)
    itemSize = configuration.table.itemSize
    upcoming = source.nextOrder()
  }

  mutating func next() -> PreparedOrder? {
    guard let time = source.nextArrival() else { return nil }
    let order = upcoming
    upcoming = source.nextOrder()
    validations += 1
    let judged = handler.prepare(order, sentAt: time, itemSize: itemSize, next: upcoming)
    return PreparedOrder(
      time: time.nanoseconds, number: order.number, bodyLength: Int32(clamping: judged.length), verdict: judged.verdict,
      defect: order.defect, items: order.items, sentTwice: order.sentTwice, units: judged.units)
  }
}
