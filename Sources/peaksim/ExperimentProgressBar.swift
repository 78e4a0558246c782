import Experiments
import Foundation
import Synchronization

/// The one progress line of an experiment (compare, sweep, size, replications) on a terminal's
/// standard error: a bar, runs done out of all, the percentage of the work (counting the
/// simulated time reached inside runs still going) and the time left, redrawn in place with
/// `\r` at most five times a second. Nothing is drawn when standard error is not a terminal.
final class ExperimentProgressBar: Sendable {
  private struct State {
    var lastDraw: ContinuousClock.Instant?
    var drawn = false
    var prefix = ""
  }

  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private let state = Mutex(State())

  /// A bar when standard error is a terminal, else `nil`.
  static func onTerminal() -> ExperimentProgressBar? { isatty(2) == 1 ? ExperimentProgressBar() : nil }

  private init() { started = clock.now }

  /// Text before the bar, e.g. the value a sizing round is running.
  func setPrefix(_ prefix: String) { state.withLock { $0.prefix = prefix } }

  func update(_ progress: ExperimentProgress) {
    let now = clock.now
    state.withLock { state in
      let finished = progress.completed == progress.total
      if let last = state.lastDraw, now - last < .milliseconds(200), !finished { return }
      state.lastDraw = now
      let elapsed = now - started
      let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      let fraction = min(1, max(0, progress.fraction))
      let width = 24
      let filled = Int((fraction * Double(width)).rounded(.down))
      var line = "\r" + state.prefix + "[" + String(repeating: "#", count: filled)
      line += String(repeating: ".", count: width - filled) + "] "
      line += "\(progress.completed)/\(progress.total) runs  " + pad(fixed(fraction * 100, 0) + "%", 4)
      if wall > 1, fraction > 0.01, !finished { line += "  ETA " + Self.clock(wall / fraction - wall) }
      line += "\u{1B}[K"
      FileHandle.standardError.write(Data(line.utf8))
      state.drawn = true
    }
  }

  /// Erases the line (before anything else is written to standard error).
  func clear() {
    state.withLock { state in
      guard state.drawn else { return }
      FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
      state.drawn = false
      state.lastDraw = nil
    }
  }

  /// `1h05m`, `4m10s`, `12s`.
  static func clock(_ seconds: Double) -> String {
    let s = Int(max(0, min(seconds, 8.64e8)).rounded())
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    if s >= 3_600 { return "\(s / 3600)h" + two(s / 60 % 60) + "m" }
    if s >= 60 { return "\(s / 60)m" + two(s % 60) + "s" }
    return "\(s)s"
  }
}
