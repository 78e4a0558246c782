import PipelineModel
import Reports
import Testing

/// `timeseries.csv`: the contract's columns, one row per interval, readable by an RFC 4180
/// reader, with a calendar column only when the scenario has a `start`.
@Suite struct TimeSeriesCSVTests {
  @Test func headerHasEveryRequiredColumnAndOneRowPerInterval() throws {
    let result = RunSamples.decoupled
    let records = try CSVReader.records(TimeSeriesCSV.render(result))
    let header = try #require(records.first)
    for column in TimeSeriesCSV.requiredColumns { #expect(header.contains(column), "missing \(column)") }
    for column in [
      "esm_pollers", "invocations", "function_errors", "duplicates_suppressed", "dlq_valid", "expired", "lost",
      "rejected_at_send", "client_errors", "lambda_concurrency_limit", "time_utc",
    ] {
      #expect(header.contains(column), "missing \(column)")
    }
    #expect(Set(header).count == header.count, "duplicate column")
    #expect(records.count - 1 == result.rows.count)
    #expect(result.rows.count == 12)  // 3 minutes at 15 s
    for record in records { #expect(record.count == header.count) }
  }

  @Test func rowsCarryTheIntervalFigures() throws {
    let result = RunSamples.decoupled
    let records = try CSVReader.records(TimeSeriesCSV.render(result))
    let header = records[0]
    func column(_ name: String) -> [String] {
      let index = header.firstIndex(of: name)!
      return records.dropFirst().map { $0[index] }
    }
    #expect(column("time_s").first == "15")
    #expect(column("time_utc").first == "2026-11-26T00:00:15Z")
    #expect(column("time_utc").last == "2026-11-26T00:03:00Z")
    #expect(column("arrivals").compactMap { Int($0) }.reduce(0, +) == result.count(.arrivals))
    #expect(column("persisted").compactMap { Int($0) }.reduce(0, +) == result.ledger.persisted)
    #expect(column("dlq").compactMap { Int($0) }.reduce(0, +) == result.ledger.dlq + result.ledger.expired)
  }

  @Test func noCalendarColumnWithoutStart() throws {
    let records = try CSVReader.records(TimeSeriesCSV.render(RunSamples.synchronous))
    #expect(!records[0].contains("time_utc"))
    #expect(records[0] == TimeSeriesCSV.columns(calendar: false))
    #expect(records.count - 1 == RunSamples.synchronous.rows.count)
  }
}
