import Synchronization
import Testing

@testable import Experiments

/// The search with a fake evaluator: no simulations.
@Suite struct SizingSearchTests {
  /// Runs the search over `range` with `passes` as the evaluator; records every value asked.
  func search(
    _ range: SizingRange, objective: SizingSearch.Objective = .smallest,
    cost: @escaping (Int) -> Double = { Double($0) },
    failures: @escaping (Int) -> [String] = { _ in ["slo"] }, _ passes: @escaping (Int) -> Bool
  ) async throws -> (SizingSearch.Outcome, asked: [Int]) {
    var asked: [Int] = []
    let outcome = try await SizingSearch(range: range, objective: objective).run { values in
      #expect(values.allSatisfy { !asked.contains($0) }, "a value is never evaluated twice")
      asked += values
      return values.map {
        SizingSearch.Verdict(passes: passes($0), cost: cost($0), failures: passes($0) ? [] : failures($0))
      }
    }
    return (outcome, asked)
  }

  @Test func findsTheThresholdOfAMonotoneCase() async throws {
    let (outcome, asked) = try await search(SizingRange(lower: 1, upper: 1000)) { $0 >= 137 }
    #expect(outcome.answer == 137)
    #expect(outcome.monotone)
    #expect(outcome.verdict(of: 136)?.passes == false, "one step below was run and fails")
    #expect(outcome.verdict(of: 135)?.passes == false)
    #expect(outcome.verdict(of: 138)?.passes == true)
    #expect(outcome.largestPassing == 1000)
    #expect(asked.count < 20, "bisection, not a scan: \(asked.count) evaluations")
    #expect(outcome.batches.first == [1, 1000], "the ends first")
  }

  @Test func worksOnAStep() async throws {
    let (outcome, _) = try await search(SizingRange(lower: 0, upper: 100, step: 10)) { $0 >= 35 }
    #expect(outcome.answer == 40)
    #expect(outcome.verdict(of: 30)?.passes == false)
  }

  @Test func theStartOfTheRangeCanPass() async throws {
    let (outcome, asked) = try await search(SizingRange(lower: 5, upper: 50)) { _ in true }
    #expect(outcome.answer == 5)
    #expect(outcome.monotone)
    #expect(asked.sorted() == [5, 6, 50])
  }

  @Test func noValuePassesAndEveryValueWasRunToSaySo() async throws {
    let (outcome, asked) = try await search(SizingRange(lower: 1, upper: 100)) { _ in false }
    #expect(outcome.answer == nil)
    #expect(Set(asked) == Set(1...100))
    #expect(outcome.notes == ["Every value of the range was run and none passes."])
  }

  @Test func findsBothEndsOfAPassingWindow() async throws {
    // Too little concurrency is too slow, too much over-pulls: passes on 23...40.
    let (outcome, asked) = try await search(SizingRange(lower: 2, upper: 200)) { (23...40).contains($0) }
    #expect(outcome.answer == 23)
    #expect(outcome.smallestPassing == 23 && outcome.largestPassing == 40)
    #expect(outcome.monotone)
    #expect(outcome.verdict(of: 22)?.passes == false && outcome.verdict(of: 41)?.passes == false)
    #expect(asked.count < 40)
  }

  @Test func aNarrowWindowBetweenDifferentFailuresIsFound() async throws {
    // Passes on 13...15 only: too slow below, valid orders in the DLQ above; the 7 probes of
    // 2...60 (every ~7) all miss it, the failure reasons change between 9 and 17.
    let window = 13...15
    let (outcome, asked) = try await search(
      SizingRange(lower: 2, upper: 60),
      failures: { $0 < window.lowerBound ? ["p99_end_to_end"] : ["valid_orders_in_dlq"] }
    ) { window.contains($0) }
    #expect(outcome.answer == 13)
    #expect(outcome.largestPassing == 15)
    #expect(outcome.monotone)
    #expect(asked.count < 30)
  }

  @Test func aNarrowWindowBetweenAlikeFailuresIsFoundByScanningUp() async throws {
    // The throttle trap sized on maximum_concurrency: valid orders reach the DLQ both below the
    // window (full batches time out) and above it (over-pull), so the failures read alike.
    let (outcome, asked) = try await search(
      SizingRange(lower: 2, upper: 60), failures: { _ in ["valid_orders_in_dlq"] }
    ) { (6...8).contains($0) }
    #expect(outcome.answer == 6)
    #expect(outcome.largestPassing == 8)
    #expect(outcome.monotone)
    #expect(outcome.verdict(of: 5)?.passes == false, "one step below was run and fails")
    #expect(asked.count < 30, "a scan up to the window, not of all 59: \(asked.count) evaluations")
  }

  @Test func theSmallestOfTwoWindowsAmongAlikeFailuresIsFound() async throws {
    // A chance pass at 13 above the real window 6...7, every other value failing alike: the
    // halving of gaps could land on 13 first; the scan up from 2 cannot.
    let (outcome, _) = try await search(SizingRange(lower: 2, upper: 60)) { (6...7).contains($0) || $0 == 13 }
    #expect(outcome.answer == 6)
    #expect(outcome.verdict(of: 5)?.passes == false)
  }

  @Test func aWindowOpenAtTheBottom() async throws {
    // valid_orders_in_dlq alone: every value up to the reserved concurrency passes.
    let (outcome, _) = try await search(SizingRange(lower: 2, upper: 100)) { $0 <= 10 }
    #expect(outcome.answer == 2)
    #expect(outcome.largestPassing == 10)
    #expect(outcome.verdict(of: 11)?.passes == false)
    #expect(outcome.monotone)
  }

  @Test func detectsANonMonotoneCaseAndScansTheRange() async throws {
    // Passes from 10 on, except 11: bisection lands on 10, the check of 11 breaks the window.
    let (outcome, asked) = try await search(SizingRange(lower: 1, upper: 20)) { $0 >= 10 && $0 != 11 }
    #expect(!outcome.monotone)
    #expect(outcome.scannedAll)
    #expect(Set(asked) == Set(1...20))
    #expect(outcome.answer == 10)
    #expect(outcome.passingRuns == [10...10, 12...20])
    #expect(outcome.notes.contains { $0.hasPrefix("Not monotone") })
  }

  @Test func aNonMonotoneScanFindsTheTrueSmallest() async throws {
    // A lone pass two steps below the boundary: the local check catches it, the scan finds it.
    let (outcome, _) = try await search(SizingRange(lower: 1, upper: 16)) { $0 >= 9 || $0 == 7 }
    #expect(!outcome.monotone)
    #expect(outcome.answer == 7)
    #expect(outcome.passingRuns == [7...7, 9...16])
  }

  @Test func aLonePassFartherBelowIsNotSeen() async throws {
    // The limit of a local check, stated: bisection never looks at 4.
    let (outcome, _) = try await search(SizingRange(lower: 1, upper: 16)) { $0 >= 9 || $0 == 4 }
    #expect(outcome.answer == 9)
    #expect(outcome.monotone)
  }

  @Test func costObjectiveScansTheWindowForTheCheapest() async throws {
    let (outcome, _) = try await search(
      SizingRange(lower: 1, upper: 30), objective: .cost, cost: { Double(($0 - 20) * ($0 - 20)) }
    ) { $0 >= 12 }
    #expect(outcome.smallestPassing == 12)
    #expect(outcome.answer == 20)
    #expect((12...30).allSatisfy { outcome.verdict(of: $0) != nil })
  }

  @Test func rangesAreChecked() throws {
    #expect(try SizingRange(argument: "2..200").values.count == 199)
    #expect(try SizingRange(argument: "0..25", step: 10).values == [0, 10, 20, 25])
    #expect(throws: ExperimentError.self) { try SizingRange(argument: "5..2") }
    #expect(throws: ExperimentError.self) { try SizingRange(argument: "a..b") }
    #expect(throws: ExperimentError.self) { try SizingRange(argument: "1..5", step: 0) }
  }
}
