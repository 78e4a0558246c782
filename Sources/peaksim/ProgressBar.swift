import Foundation
import PipelineModel
import SimulationKernel

/// The progress line of `peaksim run` on a terminal's standard error: a bar, % done, the
/// simulated time reached, orders simulated per wall second and the time left, redrawn in place
/// with `\r` at most five times a second. Progress is measured in expected orders (the traffic
/// curve's integral), not simulated time, so a quiet night does not make the ETA lie.
final class ProgressBar: @unchecked Sendable {
  private let horizon: Double
  private let startEpochSeconds: Int64?
  /// Expected arrivals at the end of each step of `step` seconds.
  private let cumulative: [Double]
  private let step: Double
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private var lastDraw: ContinuousClock.Instant?
  private var drawn = false

  init(_ configuration: PipelineConfiguration) {
    horizon = configuration.duration.seconds
    startEpochSeconds = configuration.startEpochSeconds
    let curve = RateCurve(configuration.traffic, horizon: configuration.duration, interval: configuration.interval)
    let steps = max(1, min(2_000, Int(horizon / 60)))
    step = horizon / Double(steps)
    var total = 0.0
    var sums: [Double] = []
    sums.reserveCapacity(steps)
    for i in 0..<steps {
      let mid = SimTime(nanoseconds: Int64((Double(i) + 0.5) * step * 1e9))
      total += curve.rate(at: mid) * step
      sums.append(total)
    }
    cumulative = sums
    started = clock.now
  }

  /// Expected orders arrived by `seconds`.
  private func expected(at seconds: Double) -> Double {
    guard !cumulative.isEmpty else { return 0 }
    let position = seconds / step
    let index = Int(position)
    if index >= cumulative.count { return cumulative[cumulative.count - 1] }
    let before = index == 0 ? 0 : cumulative[index - 1]
    return before + (cumulative[index] - before) * (position - Double(index))
  }

  func update(_ now: SimTime) {
    let wallNow = clock.now
    if let lastDraw, wallNow - lastDraw < .milliseconds(200) { return }
    lastDraw = wallNow
    let elapsed = wallNow - started
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let t = min(now.seconds, horizon)
    let total = cumulative.last ?? 0
    let done = total > 0 ? expected(at: t) : 0
    let fraction = total > 0 ? min(1, done / total) : (horizon > 0 ? t / horizon : 1)
    let width = 24
    let filled = Int((fraction * Double(width)).rounded(.down))
    var line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
    line += pad(fixed(fraction * 100, 0) + "%", 4) + "  " + simulated(t)
    if wall > 0.5 {
      line += "  " + pad(Self.short(done / wall) + " orders/s", 16)
      if fraction > 0.01 { line += "  ETA " + Self.clock(wall / fraction - wall) }
    }
    line += "\u{1B}[K"
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  /// Erases the line.
  func clear() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    drawn = false
  }

  private func simulated(_ t: Double) -> String {
    if let start = startEpochSeconds {
      let seconds = start + Int64(t)
      let days = seconds / 86_400
      let dayOfWeek = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
      let secondOfDay = Int(seconds - days * 86_400)
      return dayOfWeek + " " + Self.twoDigits(secondOfDay / 3600) + ":" + Self.twoDigits(secondOfDay / 60 % 60) + " UTC"
    }
    return "t=" + Self.clock(t)
  }

  private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// `1d02h`, `3h05m`, `4m10s`, `12s`.
  static func clock(_ seconds: Double) -> String {
    let s = Int(max(0, seconds).rounded())
    if s >= 86_400 { return "\(s / 86_400)d" + twoDigits(s / 3600 % 24) + "h" }
    if s >= 3_600 { return "\(s / 3600)h" + twoDigits(s / 60 % 60) + "m" }
    if s >= 60 { return "\(s / 60)m" + twoDigits(s % 60) + "s" }
    return "\(s)s"
  }

  /// `850`, `12.3k`, `1.25M`.
  static func short(_ x: Double) -> String {
    if x >= 1e6 { return fixed(x / 1e6, 2) + "M" }
    if x >= 1e3 { return fixed(x / 1e3, 1) + "k" }
    return fixed(x, 0)
  }
}
