import Randomness
import SimulationKernel

/// The configuration of `peers/sqs_lambda_simpy.py` with its default flags, so that
/// `peaksim bench pipeline` simulates the same system as the SimPy model it is compared with:
/// 100 orders/s, ramping to 5× between 1 h and 2 h, held 2 h, back down by 5 h, 6 h in all;
/// visibility timeout 30 s, max receive count 5, batches of 10, 5 → +300/min → 1,000
/// concurrent batches, lognormal(120 ms, 0.3) + 10 ms per message, 1 % invalid orders, a table
/// of 1,500 writes/s whose throttled writes fail at once.
public enum PeerBaseline {
  public static func configuration(seed: UInt64 = 1) -> PipelineConfiguration {
    var traffic = TrafficConfiguration(baseline: 100)
    traffic.profile = [
      .init(at: .hours(0), x: 1), .init(at: .hours(1), x: 1), .init(at: .hours(2), x: 5),
      .init(at: .hours(4), x: 5), .init(at: .hours(5), x: 1),
    ]
    var c = PipelineConfiguration(name: "simpy-peer", duration: .hours(6), traffic: traffic)
    c.seed = seed
    c.queue.visibilityTimeout = .seconds(30)
    c.queue.maxReceiveCount = 5
    c.eventSource.batchSize = 10
    c.eventSource.scaling = .aws2023
    c.lambda.accountConcurrency = 1_000
    c.lambda.coldStart = .constant(0)
    c.lambda.perInvocation = .lognormal(median: 0.120, sigma: 0.3)
    c.lambda.perMessage = .constant(0.010)
    var defects = DefectMix.none
    defects.priceAsString = 0.0025
    defects.missingField = 0.0025
    defects.negativeQuantity = 0.0025
    defects.totalMismatch = 0.0025
    c.orders.defects = defects
    c.orders.duplicates = 0
    c.table.mode = .provisioned
    c.table.writeCapacity = 1_500
    c.table.latency = .constant(0)
    c.retries.maxAttempts = 1
    c.slo = SLOConfiguration()
    return c
  }
}
