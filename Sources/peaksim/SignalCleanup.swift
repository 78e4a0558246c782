import Dispatch
import Foundation
import Reports

/// SIGINT (Ctrl-C) and SIGTERM: remove the report folder being written, end the progress line
/// on a terminal, and exit with 128 + the signal's number, as a shell reports it.
enum SignalCleanup {
  /// Kept alive for the life of the process.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Routes both signals to the cleanup; call once, first thing.
  static func install() {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        TemporaryFolders.removeAll()
        // Erase the progress line and leave the cursor at the start of a fresh one.
        if isatty(2) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let name = number == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)"
        FileHandle.standardError.write(Data("peaksim: \(name); no report folder was left half-written\n".utf8))
        exit(128 + number)
      }
      source.resume()
      sources.append(source)
    }
  }
}
