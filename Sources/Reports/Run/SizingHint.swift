import PipelineModel

/// One piece of sizing advice derived from a run, for the report's "Sizing hints": the numbers
/// of ``SizingAdvice`` and the checks of settings against AWS's advice, written as sentences.
struct SizingHint: Sendable, Equatable {
  enum Status: Sendable, Equatable {
    /// The setting carried this run's load with room to spare.
    case ok
    /// The setting was short, or goes against AWS's advice: change it before the sale.
    case attention
    /// Worth knowing; no verdict.
    case info

    var symbol: String {
      switch self {
      case .ok: "✅"
      case .attention: "⚠️"
      case .info: "ℹ️"
      }
    }
  }

  var status: Status
  /// Markdown, one paragraph.
  var text: String

  /// The hints for `result`, in a fixed order: Lambda concurrency, the event source mapping's
  /// cap, the table, the visibility timeout, the redrive policy, the backlog left at the end.
  static func derive(_ result: RunResult, figures: RunFigures) -> [SizingHint] {
    var hints: [SizingHint] = []
    let c = result.configuration
    let time = ReportTime(startEpochSeconds: c.startEpochSeconds)
    let decoupled = c.architecture == .decoupled
    let n = NumberFormat.self

    let advice = SizingAdvice(result, figures: figures)

    // Lambda concurrency: Little's law at the peak.
    if let need = advice.concurrency {
      var capText =
        "The function may run \(n.grouped(result.lambdaConcurrencyLimit)) at once ("
        + (c.lambda.reservedConcurrency != nil
          ? "reserved concurrency"
          : "account concurrency \(n.grouped(c.lambda.accountConcurrency)) less \(n.grouped(c.lambda.otherFunctionsConcurrency)) for other functions")
        + ")"
      switch need.capSource {
      case .function: break
      case .mappingMaximum: capText += " and the mapping at most \(n.grouped(need.cap)) (maximum_concurrency)"
      case .mappingCeiling: capText += " and the mapping at most \(n.grouped(need.cap)) (its ceiling)"
      }
      let perBatch = n.significant(need.messagesPerBatch, digits: 3, trimmingZeros: true)
      let formula =
        decoupled
        ? "\(rate(need.peakArrivalRate)) × \(n.duration(seconds: need.meanDuration)) ÷ \(perBatch) messages per batch"
        : "\(rate(need.peakArrivalRate)) × \(n.duration(seconds: need.meanDuration)) per request"
      var text =
        "**Lambda concurrency**: at the peak arrival rate (\(time.label(need.peakArrivalAt))) the function needs"
        + " ≈ **\(n.significant(need.needed, digits: 3, grouped: true, trimmingZeros: true))** concurrent executions (\(formula));"
        + " the run peaked at \(n.grouped(result.count(.lambdaConcurrency))). \(capText)."
      let status: Status
      if need.fits && result.count(.lambdaThrottles) == 0 {
        status = .ok
        text += " That leaves \(n.percent(need.headroom, decimals: 0)) headroom."
      } else if need.fits {
        // Throttled although the mean says it fits: invocations were longer at the peak.
        status = .attention
        text +=
          " Yet the run had \(n.grouped(result.count(.lambdaThrottles))) throttles: invocations were longer at the peak than on average"
        text +=
          result.tableThrottledWrites > 0
          ? " (the SDK retried throttled writes inside them), so fix the table first or allow more than \(n.grouped(need.cap))."
          : ", so allow more than \(n.grouped(need.cap))."
      } else {
        status = .attention
        text +=
          " Allow at least \(n.grouped(need.recommended)) (the need plus 25 %)"
          + (result.count(.lambdaThrottles) > 0
            ? "; this run had \(n.grouped(result.count(.lambdaThrottles))) throttles." : ".")
      }
      hints.append(SizingHint(status: status, text: text))
    }

    // Reserved concurrency without maximum_concurrency: the over-pull trap.
    if decoupled, let reserved = c.lambda.reservedConcurrency {
      if let maximum = c.eventSource.maximumConcurrency {
        if maximum > reserved {
          hints.append(
            SizingHint(
              status: .attention,
              text:
                "**maximum_concurrency** \(n.grouped(maximum)) is above the reserved concurrency \(n.grouped(reserved)): the mapping can still start batches the function throttles. Set it to \(n.grouped(reserved)) or less."
            ))
        } else {
          hints.append(
            SizingHint(
              status: .ok,
              text:
                "**maximum_concurrency** \(n.grouped(maximum)) is within the reserved concurrency \(n.grouped(reserved)): the mapping does not start batches the function would throttle."
            ))
        }
      } else {
        var text =
          "**maximum_concurrency is not set** while reserved concurrency is \(n.grouped(reserved)): the mapping scales its pollers up to \(n.grouped(result.esmCeiling)), the function throttles the batches beyond \(n.grouped(reserved)), and each throttled batch spends a receive of every message in it."
        if result.count(.lambdaThrottles) > 0 {
          text +=
            " This run: \(n.grouped(result.count(.lambdaThrottles))) throttles, \(n.grouped(result.dlqValid)) valid orders in the DLQ."
        }
        text +=
          " Set `event_source.maximum_concurrency` to \(n.grouped(max(2, reserved))) (at most the reserved concurrency)."
        hints.append(SizingHint(status: .attention, text: text))
      }
    }

    // The table.
    let peakSecond = advice.table.peakSecond
    let peakInterval = advice.table.peakInterval
    let tableFigures =
      "peak \(n.significant(peakSecond, digits: 3, grouped: true, trimmingZeros: true)) WCU/s in the busiest second"
      + " (\(n.significant(peakInterval, digits: 3, grouped: true, trimmingZeros: true)) WCU/s averaged over the busiest \(n.duration(seconds: c.interval.seconds)))"
    switch c.table.mode {
    case .onDemand:
      let ceiling = figures.maxTableCapacity
      var text =
        "**DynamoDB (on-demand)**: \(tableFigures) against an instant ceiling of \(n.grouped(Int(ceiling.rounded()))) WCU/s"
        + " (twice the previous peak of \(n.grouped(Int(c.table.previousPeak.rounded())))/s, at least 4,000, at most max_write_rate \(n.grouped(Int(c.table.maxWriteRate.rounded())))/s)."
      let status: Status
      if result.tableThrottledWrites > 0 {
        status = .attention
        text +=
          " \(n.grouped(result.tableThrottledWrites)) writes were throttled: pre-warm the table (raise its previous peak, e.g. with a warm throughput of \(n.grouped(advice.table.prewarm))/s) or raise max_write_rate."
      } else {
        status = peakSecond <= 0.8 * ceiling ? .ok : .attention
        text +=
          status == .ok
          ? " No write was throttled." : " No write was throttled, but the peak came within 20 % of the ceiling."
      }
      hints.append(SizingHint(status: status, text: text))
    case .provisioned:
      let low = Int(figures.minTableCapacity.rounded()), high = Int(figures.maxTableCapacity.rounded())
      var text =
        "**DynamoDB (provisioned)**: \(tableFigures) against "
        + (low == high ? "\(n.grouped(low)) WCU provisioned" : "\(n.grouped(low)) – \(n.grouped(high)) WCU provisioned")
      if let autoscaling = c.table.autoscaling, let needed = advice.table.neededAtTarget {
        text +=
          " (auto scaling \(n.grouped(Int(autoscaling.min))) – \(n.grouped(Int(autoscaling.max))) at \(n.percent(autoscaling.target, decimals: 0)))"
        text += ". At the target utilisation the peak needs ≈ \(n.grouped(Int(needed.rounded(.up)))) WCU"
        text +=
          needed <= autoscaling.max
          ? ", within the maximum" : ", above the maximum of \(n.grouped(Int(autoscaling.max)))"
      }
      text += "."
      let status: Status = result.tableThrottledWrites > 0 ? .attention : .ok
      if result.tableThrottledWrites > 0 {
        text +=
          " \(n.grouped(result.tableThrottledWrites)) writes were throttled: provision at least \(n.grouped(advice.table.provision)) WCU before the peak"
        text += c.table.autoscaling != nil ? " (auto scaling reacts in minutes, not seconds)." : "."
      }
      hints.append(SizingHint(status: status, text: text))
    }
    if let partition = result.tableThrottlesByReason.first(where: { $0.reason == .partition }), partition.count > 0 {
      hints.append(
        SizingHint(
          status: .attention,
          text:
            "**Hot partition**: \(n.grouped(partition.count)) writes were throttled by one key range's 1,000 WCU/s (hot_key_share \(n.percent(c.table.hotKeyShare))). Spread the partition key (write sharding)."
        ))
    }

    guard decoupled else {
      if result.count(.lost) > 0 {
        hints.append(
          SizingHint(
            status: .attention,
            text:
              "**Synchronous design**: \(n.grouped(result.count(.lost))) valid orders were lost after the customers' last tries. A queue in front (the decoupled design) turns these errors into a backlog that drains."
          ))
      }
      return hints
    }

    // Visibility timeout against the function timeout.
    let visibility = c.queue.visibilityTimeout.seconds
    let timeout = c.lambda.timeout.seconds
    hints.append(
      SizingHint(
        status: visibility >= 6 * timeout ? .ok : .attention,
        text: "**Visibility timeout** \(n.duration(seconds: visibility)) "
          + (visibility >= 6 * timeout
            ? "is at least 6 × the function timeout (\(n.duration(seconds: timeout))), as AWS advises."
            : "is below 6 × the function timeout (\(n.duration(seconds: 6 * timeout))), AWS's advice: a throttled or retried batch can reappear while still being handled. Set it to \(n.duration(seconds: 6 * timeout)) or more.")
      ))

    // The redrive policy.
    if let maxReceives = c.queue.maxReceiveCount {
      if maxReceives < 5 {
        hints.append(
          SizingHint(
            status: .attention,
            text:
              "**max_receive_count** \(maxReceives) is below AWS's advice of 5: a few throttled receives send a valid order to the DLQ."
          ))
      }
    } else {
      hints.append(
        SizingHint(
          status: .info,
          text:
            "**No redrive policy**: messages that keep failing are retried until their retention (\(n.duration(seconds: c.queue.retention.seconds))) expires, and invalid orders are never set aside."
        ))
    }

    // What the horizon left behind.
    let left = result.ledger.queued + result.ledger.inFlight
    if left > 0 {
      hints.append(
        SizingHint(
          status: .info,
          text:
            "**Backlog at the end**: \(n.grouped(left)) messages were still in the queue when the simulation stopped; they are neither persisted nor lost in these figures."
        ))
    }
    return hints
  }

  private static func rate(_ perSecond: Double) -> String {
    NumberFormat.significant(perSecond, digits: 3, grouped: true, trimmingZeros: true) + " orders/s"
  }
}
