import PipelineModel

/// A warning before a run that will take long: how many orders it simulates and roughly how
/// long that takes, so a 366-day run at 10,000/s does not start silently (issue 13).
enum HugeRunWarning {
  /// Runs expected to simulate more orders than this get the warning (about 3 minutes).
  static let orderThreshold = 200_000_000.0
  /// Orders simulated per wall second on one core, as measured for the README (≈ 1 M/s).
  static let ordersPerSecond = 1_000_000.0

  static func text(for configuration: PipelineConfiguration) -> String? {
    let curve = RateCurve(configuration.traffic, horizon: configuration.duration, interval: configuration.interval)
    let orders = curve.expectedArrivals()
    guard orders > orderThreshold else { return nil }
    let minutes = Int((orders / ordersPerSecond / 60).rounded(.up))
    let millions = Int((orders / 1e6).rounded())
    return "this run simulates about \(millions) million orders; expect about \(minutes) min at 1 M orders/s "
      + "(Ctrl-C stops it; a shorter duration or --set traffic.baseline=… tries it smaller first)"
  }
}
