import SimulationKernel

/// Reports the simulated clock to a progress callback every 100,000 events, so the event loop
/// pays one branch per event and calls no closure on the others.
struct ProgressTicker {
  let report: ((SimTime) -> Void)?
  var countdown = 0

  @inline(__always)
  mutating func eventHandled(now: SimTime) {
    guard let report else { return }
    countdown -= 1
    if countdown <= 0 {
      countdown = 100_000
      report(now)
    }
  }
}
