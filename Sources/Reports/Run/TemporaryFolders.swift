import Foundation
import Synchronization

/// The temporary folders (`<report>.tmp-<pid>-<n>`) a report is being written to, so that an
/// interrupted peaksim (SIGINT, SIGTERM) removes them on its way out, and the ones a killed
/// peaksim left behind are swept by the next run that writes beside them.
public enum TemporaryFolders {
  private static let open = Mutex<[String]>([])

  /// Remembers `path` as being written.
  static func register(_ path: String) { open.withLock { $0.append(path) } }

  /// Forgets `path` (moved into place or removed).
  static func unregister(_ path: String) { open.withLock { $0.removeAll { $0 == path } } }

  /// Removes every folder still being written; for a signal handler on its way to exit.
  public static func removeAll() {
    let paths = open.withLock { paths in
      defer { paths.removeAll() }
      return paths
    }
    for path in paths { try? FileManager.default.removeItem(atPath: path) }
  }

  /// Removes `<name>.tmp-<pid>-<n>` siblings of `target` whose process no longer runs: a
  /// report folder interrupted by SIGKILL or a crash. A folder of a live process is left alone.
  static func sweepStale(beside target: String, parent: String, name: String) {
    let directory = parent.isEmpty ? "." : parent
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    let prefix = name + ".tmp-"
    for entry in entries.sorted() where entry.hasPrefix(prefix) {
      let parts = entry.dropFirst(prefix.count).split(separator: "-")
      guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, Int(parts[1]) != nil else { continue }
      guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
      try? FileManager.default.removeItem(atPath: (parent.isEmpty ? "" : parent + "/") + entry)
    }
  }
}
