import PipelineModel
import SimulationKernel

/// The rows of `delivery.csv` and the samples behind the summary's distributions.
struct DeliveryRecorder: Sendable {
  let interval: SimDuration
  private(set) var rows: [DeliveryRow]
  private var queued = 0
  private var running = 0
  /// Queue waits, in seconds, one per build start.
  private(set) var queueWaits: [Double] = []
  /// Failed build → e-mail, in seconds.
  private(set) var notices: [Double] = []

  init(interval: SimDuration, duration: SimDuration) {
    self.interval = interval
    let count = Int((duration.nanoseconds + interval.nanoseconds - 1) / max(interval.nanoseconds, 1))
    rows = Array(repeating: DeliveryRow(), count: max(count, 1))
    // A row's peaks start at the level the interval opens with; levels change only by events.
  }

  private func row(_ t: SimTime) -> Int {
    min(Int(t.nanoseconds / max(interval.nanoseconds, 1)), rows.count - 1)
  }

  /// Sets the gauges at `t` (and carries the previous levels into the rows in between).
  mutating func levels(queued: Int, running: Int, at t: SimTime) {
    let index = row(t)
    self.queued = queued
    self.running = running
    rows[index].queued = max(rows[index].queued, queued)
    rows[index].running = max(rows[index].running, running)
  }

  /// Fills every row's peaks with the level carried into it (called once at the end).
  mutating func carryLevels(changes: [(time: SimTime, queued: Int, running: Int)]) {
    var queued = 0
    var running = 0
    var next = 0
    for index in rows.indices {
      rows[index].queued = max(rows[index].queued, queued)
      rows[index].running = max(rows[index].running, running)
      let end = SimTime(nanoseconds: Int64(index + 1) * interval.nanoseconds)
      while next < changes.count && changes[next].time < end {
        queued = changes[next].queued
        running = changes[next].running
        next += 1
      }
    }
  }

  mutating func count(_ keyPath: WritableKeyPath<DeliveryRow, Int>, at t: SimTime) {
    rows[row(t)][keyPath: keyPath] += 1
  }

  mutating func queueWait(_ seconds: Double) { queueWaits.append(seconds) }
  mutating func notice(_ seconds: Double) { notices.append(seconds) }
}
