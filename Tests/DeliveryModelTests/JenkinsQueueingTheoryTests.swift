import DeliveryModel
import Foundation
import PipelineModel
import Randomness
import SimulationKernel
import Testing

/// Jenkins with Poisson commits, exponential builds, no crashes and no slowdown is M/M/c: its
/// mean queue wait must match Erlang C inside a 99.9 % Student-t interval over 8 replications
/// (plus 2 % for the empty start), so a model wrong by more than noise fails.
@Suite struct JenkinsQueueingTheoryTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var lambda: Double, mu: Double, c: Int, days: Int64
    var testDescription: String { "λ=\(lambda) μ=\(mu) c=\(c)" }
  }

  // Builds of 10 minutes on average.
  static let cases = [
    Case(lambda: 0.8 / 600, mu: 1.0 / 600, c: 1, days: 400),  // M/M/1, ρ = 0.8
    Case(lambda: 2.4 / 600, mu: 1.0 / 600, c: 3, days: 200),  // M/M/3, ρ = 0.8
  ]

  @Test(arguments: cases)
  func jenkinsMeanQueueWaitMatchesErlangC(_ k: Case) throws {
    let erlang = ErlangC(lambda: k.lambda, mu: k.mu, c: k.c)
    var means: [Double] = []
    for replication in 0..<8 {
      let config = DeliveryTestConfigurations.mmc(
        lambda: k.lambda, mu: k.mu, c: k.c, duration: .days(k.days), seed: StreamSeed.replication(replication, of: 15))
      let outcome = try #require(DeliveryRun.simulate(config))
      let summary = outcome.summary()
      // M/M/c facts: nothing fails or is lost, every build submitted ends or is in progress.
      #expect(summary.builds.failed == 0 && summary.builds.lost == 0)
      #expect(summary.builds.succeeded + summary.builds.inProgressAtEnd == summary.builds.submitted)
      means.append(summary.queueWait.mean)
    }
    let n = Double(means.count)
    let m = means.reduce(0, +) / n
    let v = means.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
    let hw = StudentT.quantile(0.9995, degreesOfFreedom: n - 1) * (v / n).squareRoot()
    #expect(
      abs(m - erlang.meanWait) <= hw + 0.02 * erlang.meanWait,
      "mean wait \(m) ± \(hw) s vs Erlang C \(erlang.meanWait) s")
  }
}

/// Erlang C for M/M/c, computed independently of the code under test.
struct ErlangC {
  let lambda: Double, mu: Double, c: Int
  var rho: Double { lambda / (Double(c) * mu) }
  var probabilityOfWaiting: Double {
    let a = lambda / mu
    var term = 1.0
    var sum = 1.0
    for k in 1..<max(c, 1) {
      term *= a / Double(k)
      sum += term
    }
    if c == 1 { return rho }
    let last = term * a / Double(c) / (1 - rho)
    return last / (sum + last)
  }
  var meanWait: Double { probabilityOfWaiting / (Double(c) * mu - lambda) }
}
