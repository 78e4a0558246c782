import ArgumentParser
import HeapModule
import Randomness
import SimulationKernel

/// A swift-collections `Heap` element: the baseline of the engine benchmark, ordered exactly
/// like the kernel's entries (time, then insertion sequence).
private struct BaselineEntry: Comparable {
  var time: Int64
  var sequence: UInt64
  var payload: UInt32
  static func < (a: Self, b: Self) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
  static func == (a: Self, b: Self) -> Bool { a.time == b.time && a.sequence == b.sequence }
}

extension Peaksim {
  /// The classic hold model: N pending events; pop the earliest, push one at now + Exp(1 ms).
  struct BenchEngine: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "engine",
      abstract: "Hold-model benchmark of the event queue against swift-collections' Heap.")

    @Option(help: "Pending-event counts to measure (comma-separated).")
    var sizes: String = "1000,1000000"

    @Option(help: "Hold operations per measurement.")
    var operations: Int = 5_000_000

    @Option(help: "Repetitions; the median is reported.")
    var repetitions: Int = 3

    func validate() throws {
      guard parsedSizes != nil else {
        throw ValidationError("--sizes must be positive integers separated by commas, got '\(sizes)'")
      }
      guard operations > 0 else { throw ValidationError("--operations must be at least 1, got \(operations)") }
      guard repetitions > 0 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
    }

    var parsedSizes: [Int]? {
      let values = sizes.split(separator: ",").map { Int($0.filter { $0 != " " }) }
      guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
      return values.map { $0! }
    }

    func run() throws {
      let increments = Self.increments()
      print(
        "hold model: \(operations) hold operations (pop earliest, push at now + Exp(1 ms)), median of \(repetitions)")
      print(pad("pending", 10), pad("kernel events/s", 18), pad("Heap events/s", 18), pad("ratio", 8))
      for n in parsedSizes ?? [] {
        var kernelRates: [Double] = []
        var heapRates: [Double] = []
        for _ in 0..<repetitions {
          heapRates.append(
            Self.measure(operations) { Self.holdOnHeap(pending: n, operations: operations, increments: increments) })
          kernelRates.append(
            Self.measure(operations) { Self.holdOnKernel(pending: n, operations: operations, increments: increments) })
        }
        let kernel = median(kernelRates), heap = median(heapRates)
        print(pad(String(n), 10), pad(rate(kernel), 18), pad(rate(heap), 18), pad(fixed(kernel / heap, 2) + "x", 8))
      }
    }

    /// 2^20 exponential increments in nanoseconds (mean 1 ms), drawn once so both loops see
    /// exactly the same schedule and the benchmark times the queues, not the generator.
    static func increments() -> [Int64] {
      var stream = RandomStream(seed: 1, name: "bench.engine")
      return (0..<(1 << 20)).map { _ in Int64(stream.exponential(mean: 1_000_000)) }
    }

    static func measure(_ operations: Int, _ body: () -> UInt64) -> Double {
      let clock = ContinuousClock()
      var checksum: UInt64 = 0
      let elapsed = clock.measure { checksum = body() }
      precondition(checksum != 0, "benchmark loop was optimised away")
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      return Double(operations) / seconds
    }

    static func holdOnKernel(pending: Int, operations: Int, increments: [Int64]) -> UInt64 {
      var queue = EventQueue<UInt32>()
      queue.reserveCapacity(pending + 1)
      let mask = increments.count - 1
      for i in 0..<pending {
        queue.insert(UInt32(truncatingIfNeeded: i), at: SimTime(nanoseconds: increments[i & mask]))
      }
      var checksum: UInt64 = 0
      for i in 0..<operations {
        let entry = queue.popMin()!
        checksum &+= UInt64(entry.event)
        queue.insert(entry.event, at: entry.time + SimDuration(nanoseconds: increments[(i &+ pending) & mask]))
      }
      return checksum | 1
    }

    static func holdOnHeap(pending: Int, operations: Int, increments: [Int64]) -> UInt64 {
      var heap = Heap<BaselineEntry>()
      let mask = increments.count - 1
      var sequence: UInt64 = 0
      for i in 0..<pending {
        heap.insert(
          BaselineEntry(time: increments[i & mask], sequence: sequence, payload: UInt32(truncatingIfNeeded: i)))
        sequence += 1
      }
      var checksum: UInt64 = 0
      for i in 0..<operations {
        let entry = heap.popMin()!
        checksum &+= UInt64(entry.payload)
        heap.insert(
          BaselineEntry(
            time: entry.time + increments[(i &+ pending) & mask], sequence: sequence, payload: entry.payload))
        sequence += 1
      }
      return checksum | 1
    }
  }
}
