import Foundation
import PipelineModel
import Randomness
import SimulationKernel
import Testing

/// The pipeline reduced to M/M/c (instant scaling, batches of one, exponential service, no
/// cold start, no table latency) must reproduce Erlang C: the mean queue wait and its tail
/// P(Wq > t) = C · e^(−(cμ − λ) t). Each case runs independent replications; the closed form
/// must lie inside a 99.9 % Student-t interval of the replication means (plus 2 % for the
/// histogram's 3-digit resolution and the empty start), so a model that is wrong by more than
/// noise fails.
@Suite struct QueueingTheoryTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var lambda: Double, mu: Double, c: Int, hours: Int64
    var testDescription: String { "λ=\(lambda) μ=\(mu) c=\(c)" }
  }

  static let cases = [
    Case(lambda: 1.6, mu: 1, c: 2, hours: 12),  // ρ = 0.8
    Case(lambda: 9, mu: 1, c: 10, hours: 6),  // ρ = 0.9
    Case(lambda: 4.75, mu: 1, c: 5, hours: 12),  // ρ = 0.95
  ]

  @Test(arguments: cases)
  func meanQueueWaitAndTailMatchErlangC(_ k: Case) throws {
    let erlang = ErlangC(lambda: k.lambda, mu: k.mu, c: k.c)
    let t = 1.0 / (Double(k.c) * k.mu - k.lambda)  // one mean "excess" time
    var means: [Double] = []
    var tails: [Double] = []
    for replication in 0..<8 {
      let config = TestConfigurations.mmc(
        lambda: k.lambda, mu: k.mu, c: k.c, duration: .hours(k.hours), seed: StreamSeed.replication(replication, of: 77)
      )
      let result = try Simulation.run(config)
      // M/M/c facts (Simulation.run already throws on an unbalanced ledger): one send per
      // arrival, nothing fails, at most c messages in service, one invocation per message.
      #expect(result.ledger.sent == result.count(.arrivals) && result.ledger.dlq == 0)
      #expect(result.ledger.inFlight <= k.c)
      #expect(abs(result.count(.invocations) - result.ledger.persisted) <= k.c)
      means.append(result.queueWait.mean)
      tails.append(result.queueWaitTail(above: t))
    }
    let (m, hw) = Self.interval(means)
    #expect(
      abs(m - erlang.meanWait) <= hw + 0.02 * erlang.meanWait,
      "mean wait \(m) ± \(hw) vs Erlang C \(erlang.meanWait)")
    let (p, phw) = Self.interval(tails)
    #expect(
      abs(p - erlang.tail(t)) <= phw + 0.02 * erlang.tail(t),
      "P(Wq > \(t)) = \(p) ± \(phw) vs \(erlang.tail(t))")
  }

  static func interval(_ xs: [Double]) -> (Double, Double) {
    let n = Double(xs.count)
    let m = xs.reduce(0, +) / n
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
    return (m, StudentT.quantile(0.9995, degreesOfFreedom: n - 1) * (v / n).squareRoot())
  }
}

/// Erlang C for M/M/c, computed independently of the code under test.
struct ErlangC {
  let lambda: Double, mu: Double, c: Int
  var rho: Double { lambda / (Double(c) * mu) }
  /// Probability that an arrival waits.
  var probabilityOfWaiting: Double {
    let a = lambda / mu
    var term = 1.0
    var sum = 1.0
    for k in 1..<c {
      term *= a / Double(k)
      sum += term
    }
    let last = term * a / Double(c) / (1 - rho)
    return last / (sum + last)
  }
  var meanWait: Double { probabilityOfWaiting / (Double(c) * mu - lambda) }
  func tail(_ t: Double) -> Double { probabilityOfWaiting * exp(-(Double(c) * mu - lambda) * t) }
}
