import Randomness
import Testing

@testable import Experiments

@Suite struct ReplicationsTests {
  @Test func replicationZeroIsTheScenarioSeedAndSeedsAreDistinct() throws {
    let experiment = try Replications(scenario: Fixtures.tiny(), count: 20)
    let seeds = experiment.jobs.map(\.configuration.seed)
    #expect(seeds[0] == 7)
    #expect(Set(seeds).count == 20)
    #expect(seeds == (0..<20).map { StreamSeed.replication($0, of: 7) })
  }

  @Test func seedOverrideMovesEveryReplication() throws {
    let experiment = try Replications(scenario: Fixtures.tiny(seed: 99), count: 3)
    #expect(
      experiment.jobs.map(\.configuration.seed) == [
        99, StreamSeed.replication(1, of: 99), StreamSeed.replication(2, of: 99),
      ])
  }

  @Test func halfWidthMatchesAHandComputation() {
    // 1, 2, 3, 4: mean 2.5, s² = (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3, t(0.975, 3) = 3.182446305.
    let stats = SampleStatistics([1, 2, 3, 4])
    #expect(stats.mean == 2.5)
    #expect(abs(stats.standardDeviation - (5.0 / 3).squareRoot()) < 1e-12)
    let hand = 3.182446305284263 * (5.0 / 3).squareRoot() / 2
    #expect(abs(stats.halfWidth - hand) < 1e-9)
    #expect(abs(stats.halfWidth - 2.0542) < 1e-4)
  }

  @Test func oneReplicationOrAnInfinityHasNoInterval() {
    #expect(SampleStatistics([3]).halfWidth == 0)
    let withInfinity = SampleStatistics([1, .infinity])
    #expect(withInfinity.mean == .infinity)
    #expect(withInfinity.halfWidth.isNaN)
  }

  @Test func reportCountsSLOsMetAndWritesOneRowPerReplication() async throws {
    let experiment = try Replications(scenario: Fixtures.tiny(), count: 3)
    let records = try await experiment.run(on: ParallelRunner(jobs: 2))
    #expect(records.map(\.index) == [0, 1, 2])
    #expect(Set(records.map { $0.value("orders.arrived") }).count > 1, "replications see different arrivals")
    let report = ReplicationsReport(header: experiment.header, records: records)
    let lines = report.csv.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("replication,seed,orders_arrived,"))
    #expect(lines[1].hasPrefix("0,7,"))
    #expect(report.markdown.contains("| `p99_end_to_end`"))
    #expect(report.markdown.contains("3/3"))
  }
}
