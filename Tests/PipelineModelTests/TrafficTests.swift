import PipelineModel
import Randomness
import SimulationKernel
import Testing

@Suite struct TrafficTests {
  static func count(_ traffic: TrafficConfiguration, hours: Int64, seed: UInt64, buckets: Int64) -> [Int] {
    let curve = RateCurve(traffic, horizon: .hours(hours))
    var process = ArrivalProcess(curve: curve, pattern: traffic.arrivals)
    var stream = RandomStream(seed: seed, name: "traffic.arrivals")
    var counts = [Int](repeating: 0, count: Int(buckets))
    let width = SimDuration.hours(hours).nanoseconds / buckets
    var last = SimTime.zero
    while let t = process.next(&stream) {
      #expect(t >= last)
      last = t
      counts[Int(t.nanoseconds / width)] += 1
    }
    return counts
  }

  /// A piecewise-linear profile with a diurnal cycle and a burst: arrivals per 10-minute bucket
  /// must match ∫ rate over the bucket within Poisson noise (a chi-square test at 0.1 %).
  @Test func poissonArrivalsFollowTheRateCurveExactly() {
    var traffic = TrafficConfiguration(baseline: 20)
    traffic.profile = [.init(at: .zero, x: 1), .init(at: .hours(6), x: 5), .init(at: .hours(9), x: 2)]
    traffic.diurnal = .init(amplitude: 0.4, peak: .hours(20))
    traffic.bursts = [.init(at: .hours(7), length: .minutes(20), x: 2)]
    let hours: Int64 = 12, buckets: Int64 = 72
    let counts = Self.count(traffic, hours: hours, seed: 11, buckets: buckets)
    let curve = RateCurve(traffic, horizon: .hours(hours))
    var chi2 = 0.0
    let width = 3_600.0 * Double(hours) / Double(buckets)
    for (i, observed) in counts.enumerated() {
      // Simpson's rule over the bucket.
      var expected = 0.0
      let n = 200
      for k in 0...n {
        let t = (Double(i) + Double(k) / Double(n)) * width
        let w: Double = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2)
        expected += w * curve.rate(at: SimTime(nanoseconds: Int64(min(t, width * Double(buckets) - 1e-3) * 1e9)))
      }
      expected *= width / Double(n) / 3
      chi2 += (Double(observed) - expected) * (Double(observed) - expected) / expected
    }
    // P(χ²₇₂ > 116.1) = 0.001
    #expect(chi2 < 116.1, "chi-square \(chi2) over \(buckets) buckets")
  }

  @Test func uniformArrivalsAreEvenlySpacedAtTheRate() {
    var traffic = TrafficConfiguration(baseline: 10)
    traffic.arrivals = .uniform
    let counts = Self.count(traffic, hours: 1, seed: 1, buckets: 60)
    #expect(counts.allSatisfy { $0 >= 599 && $0 <= 601 })
    #expect(abs(counts.reduce(0, +) - 36_000) <= 1)
  }

  @Test func traceReplaysItsCountsAsPoissonWithinEachInterval() {
    var traffic = TrafficConfiguration(baseline: 0)
    traffic.trace = TrafficTrace(
      rows: (0..<60).map { .init(time: .minutes(Int64($0)), orders: $0 % 2 == 0 ? 6_000 : 600) }, source: "test")
    let counts = Self.count(traffic, hours: 1, seed: 5, buckets: 60)
    for (i, c) in counts.enumerated() {
      let expected = i % 2 == 0 ? 6_000.0 : 600.0
      #expect(abs(Double(c) - expected) < 5 * expected.squareRoot(), "minute \(i): \(c) vs \(expected)")
    }
  }

  @Test func burstMultipliesOnlyInsideItsWindow() {
    var traffic = TrafficConfiguration(baseline: 100)
    traffic.bursts = [.init(at: .minutes(10), length: .minutes(5), x: 3)]
    let curve = RateCurve(traffic, horizon: .hours(1))
    #expect(curve.rate(at: SimTime(nanoseconds: SimDuration.minutes(9).nanoseconds)) == 100)
    #expect(curve.rate(at: SimTime(nanoseconds: SimDuration.minutes(12).nanoseconds)) == 300)
    #expect(curve.rate(at: SimTime(nanoseconds: SimDuration.minutes(15).nanoseconds)) == 100)
  }
}

@Suite struct LedgerAndMemoryTests {
  @Test func ledgerBalancesWithDefectsDuplicatesAndExtraDeliveries() throws {
    var c = TestConfigurations.base(rate: 300, duration: .minutes(20))
    c.orders.defects = DefectMix()
    c.orders.defects.oversized = 0.001
    c.orders.duplicates = 0.01
    c.queue.duplicateDelivery = 0.01
    c.lambda.coldStart = .lognormal(median: 0.3, sigma: 0.5)
    let result = try Simulation.run(c)
    let l = result.ledger
    // Simulation.run throws when sent ≠ the sum of the ledger's terms; what it cannot see is a
    // term counted wrongly on both sides. So each term is checked against the per-interval
    // counts, and what is left in the queue against the queue's own gauges at the end.
    let rows = result.rows
    #expect(rows.reduce(0) { $0 + $1.count(.sent) } == l.sent)
    #expect(rows.reduce(0) { $0 + $1.count(.persisted) } == l.persisted)
    #expect(rows.reduce(0) { $0 + $1.count(.duplicatesSuppressed) } == l.duplicatesSuppressed)
    #expect(rows.reduce(0) { $0 + $1.count(.dlq) } == l.dlq)
    #expect(rows.reduce(0) { $0 + $1.count(.rejectedAtSend) } == l.rejectedAtSend)
    #expect(rows.reduce(0) { $0 + $1.count(.expired) } == l.expired)
    #expect((rows.last?.count(.queueVisible) ?? -1) + (rows.last?.count(.queueInFlight) ?? -1) == l.queued + l.inFlight)
    #expect(l.duplicatesSuppressed > 0 && l.rejectedAtSend > 0 && l.dlq > 0)
    #expect(result.dlqValid == 0)
  }

  /// Memory follows the backlog: a run four times longer with the same small backlog keeps the
  /// same message storage.
  @Test func messageStorageGrowsWithTheBacklogNotWithOrdersSimulated() throws {
    let short = try Simulation.run(TestConfigurations.base(rate: 200, duration: .minutes(10)))
    let long = try Simulation.run(TestConfigurations.base(rate: 200, duration: .minutes(40)))
    #expect(long.count(.arrivals) > 3 * short.count(.arrivals))
    #expect(Double(long.memoryBytes) < 1.5 * Double(short.memoryBytes) + 65_536)
  }
}

@Suite struct DeterminismTests {
  /// The same configuration gives the same run whether bodies are prepared on the event loop's
  /// thread or on a second one, and on every repetition.
  @Test(arguments: [Architecture.decoupled, .synchronous])
  func prefetchingOnASecondThreadChangesNothing(architecture: Architecture) throws {
    var c = TestConfigurations.base(rate: 400, duration: .minutes(3))
    c.architecture = architecture
    c.orders.defects = DefectMix()
    c.orders.duplicates = 0.01
    c.lambda.reservedConcurrency = 15
    c.lambda.coldStart = .lognormal(median: 0.3, sigma: 0.5)
    let a = try Simulation.run(c, prefetch: false)
    let b = try Simulation.run(c, prefetch: true)
    let again = try Simulation.run(c, prefetch: true)
    #expect(a.rows == b.rows && b.rows == again.rows)
    #expect(a.ledger == b.ledger && a.validations == b.validations && a.events == b.events)
    #expect(a.endToEnd == b.endToEnd && a.queueWait == b.queueWait)
  }
}

/// Issue 13, item 11: a trace's last row is replayed, lasting as long as the row before it, or
/// one report interval when it is the only row (docs/model.md, Traffic).
@Suite struct TraceLastRowTests {
  static func arrivals(_ rows: [(Int64, Double)], interval: SimDuration, horizon: SimDuration) -> Int {
    var traffic = TrafficConfiguration(baseline: 0)
    traffic.trace = TrafficTrace(rows: rows.map { .init(time: .seconds($0.0), orders: $0.1) }, source: "test")
    traffic.arrivals = .uniform
    var process = ArrivalProcess(curve: RateCurve(traffic, horizon: horizon, interval: interval), pattern: .uniform)
    var stream = RandomStream(seed: 1, name: "traffic.arrivals")
    var count = 0
    while process.next(&stream) != nil { count += 1 }
    return count
  }

  @Test func theLastOfThreeRowsLastsAsLongAsTheOneBefore() {
    #expect(Self.arrivals([(0, 100), (60, 100), (120, 100)], interval: .seconds(60), horizon: .minutes(10)) == 300)
  }

  @Test func aLoneRowLastsOneReportInterval() {
    #expect(Self.arrivals([(0, 100)], interval: .seconds(30), horizon: .minutes(10)) == 100)
  }
}
