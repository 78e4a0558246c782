import PipelineModel
import SimulationKernel
import Testing

/// aws-behaviour.md §2 "Provisioned mode for SQS ESM": each event poller handles up to about
/// 1 MB/s (AWS doc, SQS event source mapping parameters: "Each poller can handle up to
/// 1 MB/sec of throughput and 10 concurrent invokes").
@Suite struct ProvisionedPollerThroughputTests {
  /// Two event pollers (2 MB/s, 20 concurrent batches of 10) against a standing backlog of
  /// orders with `items` items each; 10 ms invocations, so concurrency alone would allow
  /// 20,000 messages a second; the backlog outlasts the 30 s even for small messages.
  static func run(items: Int) throws -> (bytesPerSecond: Double, messagesPerSecond: Double) {
    var c = ProvisionedPollerScalingTests.standingBacklog(
      orders: 250_000, minutes: 1, mode: .init(minimumPollers: 2, maximumPollers: 2))
    c.orders.items = .constant(Double(items))
    c.lambda.perInvocation = .constant(0.010)
    c.eventSource.batchSize = 10
    c.duration = .seconds(30)
    let result = try Simulation.run(c)
    let factory = OrderFactory(seed: c.seed, epochSeconds: c.startEpochSeconds ?? 1_795_651_200)
    let sizes = (0..<200).map {
      factory.body(orderNumber: UInt64($0), itemCount: items, defect: nil, createdAtNanos: 500_000_000).count
    }
    let meanSize = Double(sizes.reduce(0, +)) / Double(sizes.count)
    let messagesPerSecond = Double(result.count(.deliveries)) / result.simulatedSeconds
    return (messagesPerSecond * meanSize, messagesPerSecond)
  }

  @Test func largeMessagesAreHeldToAboutOneMegabyteAPerPollerSecond() throws {
    let large = try Self.run(items: 100)
    // 2 pollers × 1 MB/s, plus the first second's allowance and the batches in flight.
    #expect(
      large.bytesPerSecond > 1.9e6 && large.bytesPerSecond < 2.2e6,
      "§2 Provisioned mode, 1 MB/s per poller: \(large.bytesPerSecond) B/s")
    #expect(large.messagesPerSecond < 1_000, "far below the 20,000/s the 20 concurrent batches could run")
  }

  @Test func smallerMessagesGoFasterAtTheSameByteRate() throws {
    let large = try Self.run(items: 100)
    let small = try Self.run(items: 5)
    #expect(small.messagesPerSecond > 5 * large.messagesPerSecond)
    #expect(abs(small.bytesPerSecond - large.bytesPerSecond) / large.bytesPerSecond < 0.1, "\(small) \(large)")
  }
}
