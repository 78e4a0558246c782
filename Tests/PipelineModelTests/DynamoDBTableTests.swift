import PipelineModel
import SimulationKernel
import Testing

/// aws-behaviour.md §5, driven directly with evenly spaced 1-WCU writes.
@Suite struct DynamoDBTableTests {
  /// Writes `rate` items per second for `seconds`, starting at `from`; returns the throttles.
  static func drive(_ table: inout DynamoDBTable, rate: Int, seconds: Int, from: Int64 = 0, units: Int = 1) -> Int {
    var throttles = 0
    for s in 0..<Int64(seconds) {
      for k in 0..<Int64(rate) {
        let t = (from + s) * 1_000_000_000 + k * 1_000_000_000 / Int64(rate)
        if case .throttled = table.write(units: units, now: SimTime(nanoseconds: t)) { throttles += 1 }
      }
    }
    return throttles
  }

  /// §5 "On-demand scaling rule": instantly up to 2 × previous peak (here 5,000/s).
  @Test func onDemandWithPreviousPeak2500Serves4500AndThrottles8000() {
    var config = TableConfiguration()
    config.previousPeak = 2_500
    var a = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    #expect(Self.drive(&a, rate: 4_500, seconds: 60) == 0)
    var b = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    let throttles = Self.drive(&b, rate: 8_000, seconds: 60)
    #expect(throttles == 60 * 3_000, "8,000/s against a 5,000/s ceiling")
    #expect(b.throttlesByReason[Int(ThrottleReason.tableCapacity.rawValue)] == throttles)
  }

  /// A peak sustained for 30 minutes becomes the previous peak: the ceiling grows behind traffic.
  @Test func sustainedTrafficRaisesTheOnDemandCeilingAfterThirtyMinutes() {
    var config = TableConfiguration()
    config.previousPeak = 2_500
    var table = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    #expect(Self.drive(&table, rate: 4_500, seconds: 35 * 60) == 0)
    #expect(table.writeCapacity == 9_000)
    #expect(Self.drive(&table, rate: 8_000, seconds: 60, from: 35 * 60) == 0)
  }

  /// §5 "On-demand hard caps": the configured maximum is a hard cap.
  @Test func onDemandMaxWriteRateIsAHardCap() {
    var config = TableConfiguration()
    config.previousPeak = 50_000
    config.maxWriteRate = 6_000
    config.partitions = 100
    var table = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    #expect(Self.drive(&table, rate: 7_000, seconds: 10) == 10_000)
    #expect(table.throttlesByReason[Int(ThrottleReason.quota.rawValue)] == 10_000)
  }

  static func provisioned4000() -> TableConfiguration {
    var config = TableConfiguration()
    config.mode = .provisioned
    config.writeCapacity = 4_000
    config.partitions = 10
    return config
  }

  /// §5 "Burst capacity": 300 s idle banks 1.2 M units; a 6,000/s burst needs 2,000 extra a
  /// second, so 200 s (400 k) passes and 800 s (1.6 M) runs dry after 600 s.
  @Test func provisionedBurstCreditCarriesShortBurstsOnly() {
    var short = DynamoDBTable(configuration: Self.provisioned4000(), startEpochSeconds: nil)
    #expect(Self.drive(&short, rate: 6_000, seconds: 200, from: 300) == 0)
    var long = DynamoDBTable(configuration: Self.provisioned4000(), startEpochSeconds: nil)
    let throttles = Self.drive(&long, rate: 6_000, seconds: 800, from: 300)
    #expect(throttles > 0)
    // Credit for 600 s of the excess, then 2,000 a second throttled for about 200 s.
    #expect(abs(throttles - 200 * 2_000) < 10_000)
  }

  /// §5 "Auto scaling – reaction time": no change before 2 minutes above the target.
  @Test func autoScalingReactsNoSoonerThanTwoMinutes() {
    var config = TableConfiguration()
    config.mode = .provisioned
    config.writeCapacity = 1_000
    config.partitions = 20
    config.autoscaling = .init(min: 1_000, max: 20_000, target: 0.7)
    var table = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    var firstChange: Int?
    for minute in 0..<10 {
      _ = Self.drive(&table, rate: 950, seconds: 60, from: Int64(minute * 60))
      if firstChange == nil && table.writeCapacity > 1_000 { firstChange = minute + 1 }
    }
    #expect(firstChange != nil)
    #expect(firstChange! >= 3, "capacity changed after \(firstChange!) minutes")
    #expect(table.writeCapacity >= 950 / 0.7)
  }

  /// §5 "Decrease limit": at most 4 decreases in the first hour of a UTC day, then one an hour.
  @Test func autoScalingDecreasesRespectTheDailyQuota() {
    var config = TableConfiguration()
    config.mode = .provisioned
    config.writeCapacity = 20_000
    config.partitions = 20
    config.autoscaling = .init(min: 1, max: 20_000, target: 0.5)
    var table = DynamoDBTable(configuration: config, startEpochSeconds: 1_795_651_200)  // a UTC midnight
    var capacity = table.writeCapacity
    var decreasesPerHour = [Int](repeating: 0, count: 24)
    // A falling load keeps asking for less.
    for minute in 0..<(24 * 60) {
      let rate = max(1, 9_000 - minute * 6)
      _ = Self.drive(&table, rate: rate, seconds: 1, from: Int64(minute * 60))
      table.advance(to: SimTime(nanoseconds: Int64(minute + 1) * 60_000_000_000))
      if table.writeCapacity < capacity { decreasesPerHour[minute / 60] += 1 }
      capacity = table.writeCapacity
    }
    #expect(decreasesPerHour[0] <= 4)
    #expect(decreasesPerHour.dropFirst().allSatisfy { $0 <= 1 })
    #expect(decreasesPerHour.reduce(0, +) <= 27)
    #expect(decreasesPerHour.reduce(0, +) >= 10)
  }

  /// §5 "Per-partition limit": 4 partitions, half the writes on one key range: the hot one
  /// carries 0.5·R + 0.5·R/4, which reaches 1,000 at R = 1,600.
  @Test func hotKeyThrottlesAboveSixteenHundredWritesPerSecondAndNotBelow() {
    var config = TableConfiguration()
    config.mode = .provisioned
    config.writeCapacity = 40_000
    config.partitions = 4
    config.hotKeyShare = 0.5
    var below = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    #expect(Self.drive(&below, rate: 1_590, seconds: 30) == 0)
    var above = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    let throttles = Self.drive(&above, rate: 1_700, seconds: 30)
    #expect(throttles > 0)
    #expect(above.throttlesByReason[Int(ThrottleReason.partition.rawValue)] == throttles)
  }

  @Test func writeUnitsRoundItemSizesUpToOneKilobyte() {
    var config = TableConfiguration()
    config.unlimited = true
    var table = DynamoDBTable(configuration: config, startEpochSeconds: nil)
    _ = table.write(units: 2, now: .zero)
    #expect(table.consumedUnits == 2)
  }
}
