extension Double {
  /// The value rounded to an integer and clamped to ±`limit` (NaN gives 0), so that a
  /// conversion from an absurd `Double` can never trap.
  func clampedInteger(limit: Double = 1e15) -> Int {
    guard !isNaN else { return 0 }
    return Int(Swift.min(Swift.max(self, -limit), limit).rounded())
  }
}
