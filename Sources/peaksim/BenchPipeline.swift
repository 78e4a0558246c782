import ArgumentParser
import PipelineModel

extension Peaksim {
  /// Runs the model of `peers/sqs_lambda_simpy.py` with its default parameters.
  struct BenchPipeline: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pipeline",
      abstract: "Simulate the SimPy peer's pipeline (6 h, 100 → 500 orders/s) and report orders and events per wall second.",
      discussion: """
        Run the SimPy model beside it on the same machine for the ratio:
          python3 ../shared/peers/sqs_lambda_simpy.py
        """)

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Repetitions; the median is reported.")
    var repetitions: Int = 3

    func run() throws {
      let configuration = PeerBaseline.configuration(seed: seed)
      var rates: [Double] = []
      var eventRates: [Double] = []
      var last: RunResult?
      for _ in 0..<max(1, repetitions) {
        let clock = ContinuousClock()
        var result: RunResult?
        let elapsed = try clock.measure { result = try Simulation.run(configuration) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        rates.append(Double(result!.ordersArrived) / seconds)
        eventRates.append(Double(result!.events) / seconds)
        last = result
      }
      guard let r = last else { return }
      print("peaksim pipeline (SimPy peer's model, defaults): \(r.ordersArrived) orders, \(r.events) events, every order validated (\(r.validations) validations)")
      print("  orders per wall second:  \(rate(median(rates)))")
      print("  events per wall second:  \(rate(median(eventRates)))")
      print("  persisted \(r.ledger.persisted), dlq \(r.ledger.dlq), table throttles \(r.tableThrottledWrites), peak concurrency \(r.peakConcurrency), p99 end-to-end \(fixed(r.endToEnd.p99, 3)) s")
    }
  }
}
