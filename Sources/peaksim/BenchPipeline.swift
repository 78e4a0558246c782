import ArgumentParser
import Foundation
import PipelineModel

extension Peaksim {
  /// Runs the model of `peers/sqs_lambda_simpy.py` with its default parameters, and the SimPy
  /// model itself in the same command when asked, for a ratio measured on the same machine.
  struct BenchPipeline: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pipeline",
      abstract:
        "Simulate the SimPy peer's pipeline (6 h, 100 → 500 orders/s); report orders and events per wall second.",
      discussion: """
        With --peer, the SimPy model runs right after peaksim in the same command and the ratio
        of orders per wall second is printed:
          peaksim bench pipeline --peer ../shared/peers/sqs_lambda_simpy.py
        (needs python3 with simpy 4.1.2: pip install simpy==4.1.2)
        """)

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Repetitions of the peaksim run; the median is reported.")
    var repetitions: Int = 3

    @Option(help: "Path of sqs_lambda_simpy.py, to run it in the same command.")
    var peer: String?

    @Flag(inversion: .prefixedNo, help: "Write and validate order bodies on a second thread.")
    var prefetch = true

    func validate() throws {
      guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
      if let peer, !FileManager.default.fileExists(atPath: peer) {
        throw ValidationError("--peer: no such file '\(peer)'")
      }
    }

    func run() throws {
      let configuration = PeerBaseline.configuration(seed: seed)
      var rates: [Double] = []
      var eventRates: [Double] = []
      var last: RunResult?
      for _ in 0..<repetitions {
        let clock = ContinuousClock()
        var result: RunResult?
        let elapsed = try clock.measure { result = try Simulation.run(configuration, prefetch: prefetch) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        rates.append(Double(result!.count(.arrivals)) / seconds)
        eventRates.append(Double(result!.events) / seconds)
        last = result
      }
      guard let r = last else { return }
      let orderRate = median(rates)
      print(
        "peaksim: \(r.count(.arrivals)) orders, \(r.events) events, \(r.validations) bodies validated by the real core")
      print("  orders per wall second:  \(rate(orderRate))   (median of \(repetitions))")
      print("  events per wall second:  \(rate(median(eventRates)))")
      print(
        "  persisted \(r.ledger.persisted), DLQ \(r.ledger.dlq), peak concurrency \(r.count(.lambdaConcurrency)), p99 end-to-end \(fixed(r.endToEnd.p99, 3)) s"
      )
      guard let peer else { return }
      print("SimPy peer (\(peer)), same machine, same command:")
      let peerRate = try Self.runPeer(peer)
      print("  orders per wall second:  \(rate(peerRate.orders))")
      print("  events per wall second:  \(rate(peerRate.events))   (SimPy events)")
      print("  persisted \(peerRate.processed), DLQ \(peerRate.dlq)")
      print("ratio (peaksim / SimPy, orders per wall second): \(fixed(orderRate / peerRate.orders, 1))x")
    }

    static func runPeer(_ path: String) throws -> (orders: Double, events: Double, processed: Int, dlq: Int) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", path, "--seed", "1"]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard process.terminationStatus == 0,
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let orders = json["orders_per_wall_s"] as? Double, let events = json["events_per_wall_s"] as? Double
      else {
        throw ValidationError(
          "the SimPy peer failed (exit \(process.terminationStatus)); is simpy installed? pip install simpy==4.1.2")
      }
      return (orders, events, json["orders_processed"] as? Int ?? 0, json["orders_in_dlq"] as? Int ?? 0)
    }
  }
}
