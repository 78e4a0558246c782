import Randomness

/// Mean, spread and 95 % confidence interval of one figure over independent replications.
///
/// The interval is Student's t: `mean ± t(0.975, n − 1) · s / √n`, with `s` the sample
/// standard deviation (divisor `n − 1`). Sums run in replication order, so the result is the
/// same bits on every machine and for every `--jobs`. A sample holding an infinity (a p99 with
/// no order persisted) has that mean and no interval (NaN).
public struct SampleStatistics: Sendable, Equatable {
  public var count: Int
  public var mean: Double
  /// Sample standard deviation; 0 for fewer than two values.
  public var standardDeviation: Double
  /// Half-width of the 95 % confidence interval of the mean; 0 for fewer than two values.
  public var halfWidth: Double
  public var minimum: Double
  public var maximum: Double

  public init(_ values: [Double], level: Double = 0.95) {
    count = values.count
    guard !values.isEmpty else {
      mean = .nan
      standardDeviation = .nan
      halfWidth = .nan
      minimum = .nan
      maximum = .nan
      return
    }
    minimum = values.min() ?? .nan
    maximum = values.max() ?? .nan
    var sum = 0.0
    for value in values { sum += value }
    mean = sum / Double(values.count)
    guard values.allSatisfy(\.isFinite) else {
      standardDeviation = .nan
      halfWidth = .nan
      return
    }
    guard values.count >= 2 else {
      standardDeviation = 0
      halfWidth = 0
      return
    }
    var squares = 0.0
    for value in values { squares += (value - mean) * (value - mean) }
    standardDeviation = (squares / Double(values.count - 1)).squareRoot()
    halfWidth = StudentT.confidenceHalfWidth(sd: standardDeviation, count: values.count, level: level)
  }
}
