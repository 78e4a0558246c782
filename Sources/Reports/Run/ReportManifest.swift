import Foundation

/// `.peaksim-files` in a report folder: the files peaksim wrote there, one relative path a
/// line, sorted. A later run replaces the folder only if everything in it is listed (or is an
/// experiment's output kept beside the report), so a chart or note of the user's own, even one
/// named `charts/mine.svg`, is never deleted.
enum ReportManifest {
  static let fileName = ".peaksim-files"

  /// The manifest listing `paths` (itself included).
  static func render(_ paths: [String]) -> String {
    (paths + [fileName]).sorted().map { $0 + "\n" }.joined()
  }

  /// The paths listed in `folder`'s manifest; `nil` when there is none (a report written
  /// before manifests, or not a report).
  static func read(_ folder: String) -> Set<String>? {
    guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
    return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
  }

  /// What a report written before manifests holds: the four outputs and the charts peaksim
  /// draws, by name (not any `*.svg`).
  static let legacy: Set<String> =
    Set(["summary.json", "timeseries.csv", "report.md"] + ReportCharts.fileNames.map { "charts/" + $0 })
}
