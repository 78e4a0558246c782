import Foundation
import Randomness
import Testing

@testable import Experiments

/// Issue 13, items 7 and 10: a partial result edited by hand — its name, its numbers, its
/// seeds or its SLO verdicts — is refused by name, and one as peaksim writes it is accepted.
@Suite struct PartialResultAuditTests {
  static let header = ExperimentHeader(
    kind: .replications, scenarioName: "x", scenarioDescription: "", scenarioPath: "x.yaml", scenarioDigest: "1",
    seed: 7, overrides: [], dimensions: [], jobCount: 2)

  /// Replication `index` as peaksim records it: its seed, its label, SLO entries that agree
  /// with its figures (1 order lost against a target of 0: missed).
  static func replication(_ index: Int) -> JobRecord {
    var figures = Figure.all.map { _ in 0.0 }
    func set(_ key: String, _ value: Double) {
      if let position = Figure.all.firstIndex(where: { $0.key == key }) { figures[position] = value }
    }
    set("orders.arrived", 100)
    set("orders.valid", 99)
    set("orders.lost", 1)
    set("latency.end_to_end_s.p99", 0.25)
    set("queue.max_oldest_age_s", 12.5)
    return JobRecord(
      index: index, label: "replication \(index)", seed: StreamSeed.replication(index, of: 7), figures: figures,
      slo: [
        SLOOutcome(name: "p99_end_to_end", target: 30, actual: 0.25, met: true, unit: "s"),
        SLOOutcome(name: "max_oldest_age", target: 180, actual: 12.5, met: true, unit: "s"),
        SLOOutcome(name: "valid_orders_in_dlq", target: 0, actual: 0, met: true, unit: "orders"),
        SLOOutcome(name: "lost_orders", target: 0, actual: 1, met: false, unit: "orders"),
      ])
  }

  func audit(_ record: JobRecord, header: ExperimentHeader = Self.header) -> String? {
    let partial = PartialResult(header: header, shard: .whole, records: [record])
    do {
      try PartialResultAudit.check(partial)
      return nil
    } catch { return error.description }
  }

  @Test func aRecordAsPeaksimWritesItIsAccepted() {
    #expect(audit(Self.replication(0)) == nil)
    #expect(audit(Self.replication(1)) == nil)
  }

  @Test func anSLOVerdictThatContradictsItsFigureIsRefused() throws {
    // The figure says 12,345 orders lost, the SLO entry still says 0 and met.
    var edited = Self.replication(1)
    edited.figures[try #require(Figure.all.firstIndex { $0.key == "orders.lost" })] = 12_345
    edited.slo[3] = SLOOutcome(name: "lost_orders", target: 0, actual: 0, met: true, unit: "orders")
    #expect(audit(edited)?.contains("lost_orders says actual 0 but orders.lost is 12345") == true)
    // The actual value edited too: the verdict still contradicts it.
    edited.slo[3].actual = 12_345
    #expect(audit(edited)?.contains("lost_orders says met but actual 12345 is above target 0") == true)
  }

  @Test func sloEntriesMustBeKnownInOrderAndInTheirUnit() {
    var renamed = Self.replication(0)
    renamed.slo[0].name = "p99"
    #expect(audit(renamed)?.contains("unknown SLO \"p99\"") == true)
    var repeated = Self.replication(0)
    repeated.slo.append(repeated.slo[3])
    #expect(audit(repeated)?.contains("repeated or out of order") == true)
    var unit = Self.replication(0)
    unit.slo[1].unit = "orders"
    #expect(audit(unit)?.contains("max_oldest_age is in \"orders\"") == true)
  }

  @Test func anUnboundedP99IsAcceptedOnlyWhenNoValidOrderWasPersisted() throws {
    // SLOResult.evaluate: valid orders arrived, none persisted → the p99 SLO reads infinity
    // while the latency figures stay 0.
    var none = Self.replication(0)
    none.figures[try #require(Figure.all.firstIndex { $0.key == "latency.end_to_end_s.p99" })] = 0
    none.slo[0].actual = .infinity
    none.slo[0].met = false
    #expect(audit(none) == nil)
    var persisted = Self.replication(0)
    persisted.slo[0].actual = .infinity
    persisted.slo[0].met = false
    #expect(audit(persisted)?.contains("p99_end_to_end says actual inf") == true)
  }

  @Test func replicationSeedsFollowTheSeedRule() {
    var edited = Self.replication(1)
    edited.seed = 7
    let message = audit(edited)
    #expect(message?.contains("seed 7 breaks the seed rule") == true)
    #expect(message?.contains("StreamSeed.replication(1, of: 7)") == true)
  }

  @Test func sweepPointsRunWithTheScenarioSeedAndTheirLabel() {
    let sweep = ExperimentHeader(
      kind: .sweep, scenarioName: "x", scenarioDescription: "", scenarioPath: "x.yaml", scenarioDigest: "1", seed: 7,
      overrides: [], dimensions: [SweepDimension(path: "event_source.batch_size", values: ["5", "10"])], jobCount: 2)
    var point = Self.replication(1)
    point.label = "event_source.batch_size=10"
    point.seed = 7
    #expect(audit(point, header: sweep) == nil)
    point.seed = 8
    #expect(audit(point, header: sweep)?.contains("seed 8 breaks the seed rule") == true)
    point.seed = 7
    point.label = "event_source.batch_size=5"
    #expect(audit(point, header: sweep)?.contains("that job is \"event_source.batch_size=10\"") == true)
    var wrongCount = sweep
    wrongCount.jobCount = 3
    #expect(audit(point, header: wrongCount)?.contains("make 2 sweep points") == true)
  }

  @Test func aSweepOfSeedsRunsEachPointWithItsSeed() {
    let sweep = ExperimentHeader(
      kind: .sweep, scenarioName: "x", scenarioDescription: "", scenarioPath: "x.yaml", scenarioDigest: "1", seed: 7,
      overrides: [], dimensions: [SweepDimension(path: "seed", values: ["1", "2"])], jobCount: 2)
    var point = Self.replication(1)
    point.label = "seed=2"
    point.seed = 2
    #expect(audit(point, header: sweep) == nil)
    point.seed = 7
    #expect(audit(point, header: sweep)?.contains("breaks the seed rule") == true)
  }

  @Test func figuresMustBeFiniteAndCountsWhole() throws {
    var infinite = Self.replication(0)
    infinite.figures[try #require(Figure.all.firstIndex { $0.key == "cost_usd.total" })] = .infinity
    #expect(audit(infinite)?.contains("cost_usd.total is inf, not a finite number") == true)
    var fraction = Self.replication(0)
    fraction.figures[try #require(Figure.all.firstIndex { $0.key == "orders.arrived" })] = 100.5
    #expect(audit(fraction)?.contains("orders.arrived is 100.5, not a whole number") == true)
  }

  @Test func aNumberBeyondADoubleIsRefusedNotReadAsInfinity() throws {
    let text = PartialResult(header: Self.header, shard: .whole, records: [Self.replication(0)]).render()
    #expect(try PartialResult(parsing: text).records[0] == Self.replication(0))
    let overflow = text.replacingOccurrences(of: "\"orders.arrived\": 100,", with: "\"orders.arrived\": 1e999,")
    #expect(overflow != text)
    #expect(
      throws: PartialResultError("job 0: orders.arrived is 1e999, beyond the range of a 64-bit floating-point number")
    ) {
      try PartialResult(parsing: overflow)
    }
  }

  @Test func aScenarioNameThatIsNotAFolderNameIsRefused() throws {
    let text = PartialResult(header: Self.header, shard: .whole, records: [Self.replication(0)]).render()
    for name in ["../../../../tmp/x", "/tmp/x", "..", "a/b", ""] {
      let hostile = text.replacingOccurrences(of: "\"scenario\": \"x\"", with: "\"scenario\": \(JSONTree.quoted(name))")
      #expect(hostile != text)
      #expect(throws: PartialResultError.self, "\(name)") { try PartialResult(parsing: hostile) }
    }
    let traversal = text.replacingOccurrences(of: "\"scenario\": \"x\"", with: "\"scenario\": \"../../../../tmp/x\"")
    do {
      _ = try PartialResult(parsing: traversal)
      Issue.record("a traversal name was accepted")
    } catch {
      #expect(error.description.contains("\"../../../../tmp/x\": a scenario name is letters, digits"))
    }
  }

  @Test func anAbsurdJobCountIsRefusedBeforeAnyWork() throws {
    let text = PartialResult(header: Self.header, shard: .whole, records: [Self.replication(0)]).render()
    let huge = text.replacingOccurrences(of: "\"job_count\": 2", with: "\"job_count\": 1000000000000")
    #expect(huge != text)
    #expect(throws: PartialResultError.self) { try PartialResult(parsing: huge) }
  }

  @Test func mergeRefusesReplicationsJudgedAgainstOtherSLOs() throws {
    var other = Self.replication(1)
    other.slo[3].target = 5
    other.slo[3].met = true
    let one = PartialResult(header: Self.header, shard: try Shard(index: 1, count: 2), records: [Self.replication(0)])
    let two = PartialResult(header: Self.header, shard: try Shard(index: 2, count: 2), records: [other])
    #expect(throws: PartialResultError.self) { try PartialResultMerger.merge([("a", one), ("b", two)]) }
    let fine = PartialResult(header: Self.header, shard: try Shard(index: 2, count: 2), records: [Self.replication(1)])
    #expect(try PartialResultMerger.merge([("a", one), ("b", fine)]).records.count == 2)
  }
}
