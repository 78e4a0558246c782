import PipelineModel

extension LatencySummary {
  /// Exact nearest-rank percentiles of `samples` (seconds): the delivery model has hundreds of
  /// samples, not millions, so it keeps them all.
  init(samples: [Double]) {
    self.init()
    guard !samples.isEmpty else { return }
    let sorted = samples.sorted()
    func rank(_ p: Double) -> Double {
      let index = Int((p * Double(sorted.count)).rounded(.up)) - 1
      return sorted[Swift.min(Swift.max(index, 0), sorted.count - 1)]
    }
    count = UInt64(sorted.count)
    mean = sorted.reduce(0, +) / Double(sorted.count)
    p50 = rank(0.50)
    p95 = rank(0.95)
    p99 = rank(0.99)
    max = sorted[sorted.count - 1]
  }
}
