import Testing

@testable import PipelineModel

/// The metric catalogue is the one list every output derives from; these pin its shape.
@Suite struct MetricCatalogueTests {
  @Test func eachCatalogueLineSitsAtItsCase() {
    #expect(MetricDescriptor.catalogue.count == Metric.allCases.count)
    for (index, descriptor) in MetricDescriptor.catalogue.enumerated() {
      #expect(descriptor.metric.rawValue == index, "line \(index) describes \(descriptor.metric)")
    }
  }

  @Test func theCatalogueFitsTheInlineStorage() {
    #expect(Metric.allCases.count <= MetricValues.capacity)
  }

  @Test func keysAndColumnsAreUnique() {
    let keys = MetricDescriptor.catalogue.compactMap(\.key)
    let columns = MetricDescriptor.catalogue.compactMap(\.column)
    #expect(Set(keys).count == keys.count)
    #expect(Set(columns).count == columns.count)
  }

  /// SCENARIO.md "Outputs": the contract's timeseries.csv columns, in order, after `time_s`.
  @Test func theContractsColumnsComeFirstInTheirOrder() {
    let contract = [
      "arrivals", "sent", "queue_visible", "queue_in_flight", "oldest_age_s", "lambda_concurrency",
      "lambda_throttles", "cold_starts", "table_write_capacity", "table_consumed_wcu", "table_throttles",
      "persisted", "dlq",
    ]
    #expect(Array(MetricDescriptor.columns.compactMap(\.column).prefix(contract.count)) == contract)
  }

  @Test func everyColumnsMetricComesBeforeTheRunOnlyOnes() {
    let firstRunOnly = MetricDescriptor.catalogue.firstIndex { $0.column == nil } ?? Metric.allCases.count
    #expect(MetricDescriptor.catalogue[firstRunOnly...].allSatisfy { $0.column == nil })
  }
}
