import ArgumentParser
import Foundation
import OrderValidation
import PipelineModel
import Randomness

extension Peaksim {
  /// `peaksim bench validate`: the validation core against Foundation's `JSONSerialization`
  /// parsing the same bodies in the same run.
  struct BenchValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Order validations per second, against JSONSerialization on the same bodies.",
      discussion: """
        The bodies come from the simulator's OrderFactory: 1–6 items (Poisson, mean 2.5), 5 % \
        defective (1 % each of price_as_string, missing_field, negative_quantity, \
        total_mismatch and malformed_json; no oversized bodies, which the validator rejects by \
        length alone). The baseline only parses JSON (JSONSerialization.jsonObject); it does \
        not apply any order rule, so the ratio flatters it.
        """)

    /// About 280 KB of bodies: they stay in the L2 cache, as in the simulator, which validates
    /// each body right after writing it.
    @Option(help: "Distinct bodies in each workload.")
    var bodies: Int = 1_000

    @Option(help: "Minimum seconds of thread CPU time per measurement.")
    var seconds: Double = 1

    @Option(help: "Repetitions; the median is reported.")
    var repetitions: Int = 3

    func validate() throws {
      guard bodies > 0 else { throw ValidationError("--bodies must be at least 1, got \(bodies)") }
      guard seconds > 0 else { throw ValidationError("--seconds must be positive, got \(seconds)") }
      guard repetitions > 0 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
    }

    func run() throws {
      let mix = Self.realisticMix(count: bodies)
      let typical = Self.threeItemValidOrders(count: bodies)
      try Self.checkVerdicts(mix)

      let mixBytes = mix.reduce(0) { $0 + $1.body.count } / mix.count
      let typicalBytes = typical.reduce(0) { $0 + $1.count } / typical.count
      print(
        "validate: \(bodies) distinct bodies per workload in time order (as the simulator checks them), median of \(repetitions) runs of at least \(fixed(seconds, 1)) s of thread CPU time each"
      )
      print(pad("workload", 36), pad("validator/s", 14), pad("JSONSerialization/s", 21), pad("ratio", 8))
      for (name, set) in [
        ("realistic mix (\(mixBytes) B avg)", mix.map(\.body)),
        ("3-item valid orders (\(typicalBytes) B avg)", typical),
      ] {
        var validatorRates: [Double] = []
        var foundationRates: [Double] = []
        let data = set.map { Data($0) }
        for _ in 0..<repetitions {
          validatorRates.append(Self.measure(seconds: seconds, count: set.count) { Self.validateAll(set) })
          foundationRates.append(Self.measure(seconds: seconds, count: set.count) { Self.parseAll(data) })
        }
        let validator = median(validatorRates), foundation = median(foundationRates)
        print(
          pad(name, 36), pad(rate(validator), 14), pad(rate(foundation), 21),
          pad(fixed(validator / foundation, 1) + "x", 8))
      }
    }

    /// A body and the reason it must fail with (`nil`: valid).
    struct Sample {
      var body: [UInt8]
      var expected: ValidationReason?
    }

    static let factory = OrderFactory(seed: 2026, epochSeconds: 1_795_651_200)  // 2026-11-26T00:00:00Z

    static func realisticMix(count: Int) -> [Sample] {
      var stream = RandomStream(seed: 1, name: "bench.validate")
      var draws = SplitMix64(seed: 1)
      let defects: [OrderDefect] = [.priceAsString, .missingField, .negativeQuantity, .totalMismatch, .malformedJSON]
      return (0..<count).map { index in
        let items = min(6, max(1, Int(stream.poisson(mean: 2.5))))
        let draw = draws.next() % 100
        let defect = draw < UInt64(defects.count) ? defects[Int(draw)] : nil
        let body = factory.body(
          orderNumber: UInt64(index), itemCount: items, defect: defect, createdAtNanos: Int64(index) * 7_000_000)
        return Sample(body: body, expected: defect?.validationReason)
      }
    }

    static func threeItemValidOrders(count: Int) -> [[UInt8]] {
      (0..<count).map { index in
        factory.body(orderNumber: UInt64(index), itemCount: 3, defect: nil, createdAtNanos: Int64(index) * 7_000_000)
      }
    }

    /// The benchmark means nothing if the validator is wrong, so check every verdict first.
    static func checkVerdicts(_ samples: [Sample]) throws {
      let validator = OrderValidator()
      for (index, sample) in samples.enumerated()
      where validator.firstFailure(in: sample.body)?.reason != sample.expected {
        throw ValidationError(
          "body \(index) should be \(sample.expected?.rawValue ?? "valid"): \(String(decoding: sample.body, as: UTF8.self))"
        )
      }
    }

    /// Validates every body once; returns a checksum so the work cannot be optimised away.
    /// Bodies are in time order, as the simulator's producer checks them, and so is their
    /// `created_at` minute memo (``RFC3339/MinuteMemo``).
    static func validateAll(_ set: [[UInt8]]) -> Int64 {
      let validator = OrderValidator()
      var memo = RFC3339.MinuteMemo()
      var checksum: Int64 = 0
      for body in set {
        switch body.withUnsafeBytes({ validator.check($0, memo: &memo) }) {
        case .success(let summary): checksum &+= summary.totalCents
        case .failure(let failure): checksum &+= Int64(failure.reason.hashValue & 1)
        }
      }
      return checksum
    }

    static func parseAll(_ set: [Data]) -> Int64 {
      var checksum: Int64 = 0
      for data in set {
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
          checksum &+= Int64(object.count)
        } else {
          checksum &+= 1
        }
      }
      return checksum
    }

    /// Repeats `pass` (one pass = `count` bodies) until `seconds` of this thread's CPU time
    /// have elapsed; returns bodies per CPU-second.
    ///
    /// CPU time rather than wall time: on a shared machine the thread is descheduled at
    /// random, and "per second on one core" is what the figure claims.
    static func measure(seconds: Double, count: Int, _ pass: () -> Int64) -> Double {
      let start = threadCPUSeconds()
      var passes = 0
      var checksum: Int64 = 0
      var elapsed = 0.0
      // Reading the thread's CPU clock is a system call; read it every thousand bodies or so.
      let passesPerReading = max(1, 1_000 / count)
      repeat {
        for _ in 0..<passesPerReading { checksum &+= pass() }
        passes += passesPerReading
        elapsed = threadCPUSeconds() - start
      } while elapsed < seconds
      precondition(checksum != Int64.min, "unreachable; keeps the checksum alive")
      return Double(passes * count) / elapsed
    }

    static func threadCPUSeconds() -> Double {
      var time = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
      return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
  }
}
