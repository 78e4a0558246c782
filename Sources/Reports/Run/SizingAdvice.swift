import PipelineModel

/// What a run says its settings should be, as numbers: the Lambda concurrency the peak needs by
/// Little's law (L = λW: concurrent executions = arrival rate × time each one is busy), and the
/// table capacity its busiest second and interval needed. The report's sizing hints write these
/// numbers as sentences, and `peaksim size` shows them for the value it found.
public struct SizingAdvice: Sendable, Equatable {
  /// The margin every recommendation adds to the need: 25 %.
  public static let margin = 1.25

  /// Lambda concurrency at the peak arrival rate.
  public struct Concurrency: Sendable, Equatable {
    /// Orders per second in the busiest report interval, and that interval's end (seconds).
    public var peakArrivalRate: Double
    public var peakArrivalAt: Double
    /// Mean time an invocation holds an execution, in seconds: billed time less INIT.
    public var meanDuration: Double
    /// Messages per invocation (1 in the synchronous design: one request each).
    public var messagesPerBatch: Double
    /// Concurrent executions the peak needs: rate × duration ÷ messages per batch.
    public var needed: Double
    /// At most this many could run: the function's limit, or the mapping's when lower.
    public var cap: Int
    public var capSource: CapSource
    /// The need plus ``SizingAdvice/margin``, rounded up, at least 2.
    public var recommended: Int
    /// The share of the cap the need leaves free (negative when the need is above it).
    public var headroom: Double { 1 - needed / max(Double(cap), 1) }
    /// Whether the cap covers the need with the margin.
    public var fits: Bool { needed * SizingAdvice.margin <= Double(cap) }
  }

  /// What limits concurrency, lowest first.
  public enum CapSource: Sendable, Equatable {
    /// Reserved concurrency, or the account's less other functions'.
    case function
    /// The mapping's `maximum_concurrency`.
    case mappingMaximum
    /// The mapping's scaling ceiling.
    case mappingCeiling
  }

  /// The table's peaks and the capacity they call for.
  public struct Table: Sendable, Equatable {
    /// Write units per second in the busiest second.
    public var peakSecond: Double
    /// Write units per second averaged over the busiest report interval.
    public var peakInterval: Double
    /// On demand: the warm throughput to pre-warm to (the busiest second plus the margin).
    public var prewarm: Int
    /// Provisioned: the WCU to provision before the peak (the busiest interval plus the margin).
    public var provision: Int
    /// Provisioned with auto scaling: the capacity at which the busiest interval meets the
    /// target utilisation; `nil` without auto scaling.
    public var neededAtTarget: Double?
  }

  /// `nil` when the run invoked nothing.
  public var concurrency: Concurrency?
  public var table: Table

  public init(_ result: RunResult) {
    self.init(result, figures: RunFigures(result))
  }

  init(_ result: RunResult, figures: RunFigures) {
    let c = result.configuration
    if result.count(.invocations) > 0 {
      let meanDuration =
        max(0, result[.billedMilliseconds] - result[.initMilliseconds]) / Double(result.count(.invocations)) / 1_000
      let perBatch = max(1, Double(result.count(.deliveries)) / Double(result.count(.invocations)))
      let needed = figures.peakArrivalRate * meanDuration / perBatch
      var cap = result.lambdaConcurrencyLimit
      var source = CapSource.function
      if c.architecture == .decoupled {
        let mappingCap = c.eventSource.maximumConcurrency ?? result.esmCeiling
        if mappingCap < cap {
          cap = mappingCap
          source = c.eventSource.maximumConcurrency != nil ? .mappingMaximum : .mappingCeiling
        }
      }
      concurrency = Concurrency(
        peakArrivalRate: figures.peakArrivalRate, peakArrivalAt: figures.peakArrivalAt, meanDuration: meanDuration,
        messagesPerBatch: perBatch, needed: needed, cap: cap, capSource: source,
        recommended: max(Int((needed * Self.margin).rounded(.up)), 2))
    } else {
      concurrency = nil
    }
    let peakSecond = result.tablePeakWriteRate
    let peakInterval = figures.peakConsumedWCUPerSecond
    table = Table(
      peakSecond: peakSecond, peakInterval: peakInterval, prewarm: Int((peakSecond * Self.margin).rounded(.up)),
      provision: Int((peakInterval * Self.margin).rounded(.up)),
      neededAtTarget: c.table.autoscaling.map { peakInterval / $0.target })
  }
}
