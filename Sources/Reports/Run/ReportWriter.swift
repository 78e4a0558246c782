import Foundation

/// Writes a run's report folder: `summary.json`, `timeseries.csv`, `report.md` and
/// `charts/*.svg`, all or nothing.
///
/// Everything is written into a temporary sibling folder, `<folder>.tmp-<pid>-<n>`, which is
/// renamed into place only when every file is complete. A report folder already at the target
/// is moved aside first and deleted once the new one is in place (restored if the rename
/// fails). On any error the temporary folder is removed: no half-written report is ever left.
///
/// An existing folder is replaced only if it holds nothing but what peaksim wrote there (the
/// files listed in its `.peaksim-files` manifest, or for an older report the four outputs by
/// name, and the experiments' outputs kept beside them), so that `--out .` or a typo can never
/// delete someone's files. A `--out` that is a symbolic link to a folder is followed: the
/// folder it points to is replaced and the link stays. Temporary folders are removed when
/// peaksim is interrupted (``TemporaryFolders``), and those of dead processes are swept. The experiments' outputs of the earlier folder — `compare/`, `sweep/`,
/// `size/`, `replications.csv`, `replications.md` and partial results `*.part-I-of-N.json` — are
/// moved into the new folder unless it brings its own file of that name.
public enum ReportWriter {
  /// A file of the report: its path relative to the report folder, and its text.
  public typealias File = (path: String, contents: String)

  /// What went wrong, with the path involved.
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  /// The files of `report`, in the order they are written.
  public static func files(for report: RunReport) -> [File] {
    var files: [File] = [
      ("summary.json", SummaryJSON.render(report)),
      ("timeseries.csv", TimeSeriesCSV.render(report.result)),
      ("report.md", ReportMarkdown.render(report)),
    ]
    for chart in ReportCharts.render(report.result) { files.append(("charts/" + chart.name, chart.svg)) }
    if let csv = DeliveryCSV.render(report.result) { files.insert(("delivery.csv", csv), at: 2) }
    if let svg = DeliveryChart.render(report.result) { files.append(("charts/" + DeliveryChart.fileName, svg)) }
    return files
  }

  /// Writes `report` to `folder` (created with its parents; replaced if it is an earlier report).
  public static func write(_ report: RunReport, to folder: String) throws(WriteError) {
    try write(files(for: report), to: folder)
  }

  /// Writes `files` to `folder` all or nothing (see the type's documentation).
  public static func write(_ files: [File], to folder: String) throws(WriteError) {
    let fm = FileManager.default
    var target = folder
    while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
    target = try followingLink(target)
    let (parent, name) = split(target)
    guard !name.isEmpty, name != ".", name != ".." else {
      throw WriteError(path: folder, reason: "not a folder name peaksim can write a report to")
    }
    try checkReplaceable(target)
    if !parent.isEmpty {
      do {
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
      } catch {
        throw WriteError(path: parent, reason: "cannot create the folder (\(Self.reason(error)))")
      }
    }

    TemporaryFolders.sweepStale(beside: target, parent: parent, name: name)
    let temporary = uniqueSibling(of: target, tag: "tmp")
    guard mkdir(temporary, 0o777) == 0 else {
      throw WriteError(
        path: target, reason: "cannot create the report folder there (\(String(cString: strerror(errno))))")
    }
    TemporaryFolders.register(temporary)
    defer { TemporaryFolders.unregister(temporary) }
    let manifest: File = (ReportManifest.fileName, ReportManifest.render(files.map(\.path)))
    do {
      for file in files + [manifest] {
        let path = temporary + "/" + file.path
        let directory = split(path).parent
        if !fm.fileExists(atPath: directory) {
          try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        guard fm.createFile(atPath: path, contents: Data(file.contents.utf8)) else {
          throw WriteError(path: target + "/" + file.path, reason: "cannot write the file")
        }
      }
      try moveIntoPlace(temporary, target)
    } catch {
      try? fm.removeItem(atPath: temporary)
      if let error = error as? WriteError { throw error }
      throw WriteError(path: target, reason: Self.reason(error))
    }
  }

  /// Renames `temporary` to `target`, moving an earlier report out of the way first.
  private static func moveIntoPlace(_ temporary: String, _ target: String) throws {
    let fm = FileManager.default
    var old: String?
    if exists(target) {
      let aside = uniqueSibling(of: target, tag: "old")
      try rename(target, aside)
      old = aside
    }
    do {
      try rename(temporary, target)
    } catch {
      if let old { try? rename(old, target) }
      throw error
    }
    guard let old else { return }
    // The experiments' outputs stay with the scenario's report folder.
    for entry in ((try? fm.contentsOfDirectory(atPath: old)) ?? []).sorted() where isExperimentOutput(entry) {
      if !exists(target + "/" + entry) { try? rename(old + "/" + entry, target + "/" + entry) }
    }
    try? fm.removeItem(atPath: old)
  }

  /// Whether `entry` of a report folder is written by an experiment (compare, sweep, size,
  /// replications, a shard's partial result) rather than by the run itself.
  static func isExperimentOutput(_ entry: String) -> Bool {
    if ["compare", "sweep", "size", "replications.csv", "replications.md"].contains(entry) { return true }
    // `<kind>.part-<I>-of-<N>.json`
    guard entry.hasSuffix(".json"), let part = entry.firstRange(of: ".part-") else { return false }
    let numbers = entry[part.upperBound...].dropLast(5).split(separator: "-", omittingEmptySubsequences: false)
    return numbers.count == 3 && numbers[1] == "of" && Int(numbers[0]) != nil && Int(numbers[2]) != nil
  }

  /// Throws unless `target` is absent, or a folder holding only what a report holds.
  private static func checkReplaceable(_ target: String) throws(WriteError) {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: target, isDirectory: &isDirectory) else {
      if exists(target) { throw WriteError(path: target, reason: "exists and is not a folder") }
      return
    }
    guard isDirectory.boolValue else { throw WriteError(path: target, reason: "exists and is not a folder") }
    let entries = (try? fm.contentsOfDirectory(atPath: target)) ?? []
    let written = ReportManifest.read(target) ?? ReportManifest.legacy
    var foreign: [String] = []
    for entry in entries where !written.contains(entry) && !isExperimentOutput(entry) {
      var isFolder: ObjCBool = false
      let charts = entry == "charts" && fm.fileExists(atPath: target + "/charts", isDirectory: &isFolder)
      guard charts && isFolder.boolValue else {
        foreign.append(entry)
        continue
      }
      let inside = (try? fm.contentsOfDirectory(atPath: target + "/charts")) ?? []
      foreign += inside.map { "charts/" + $0 }.filter { !written.contains($0) }
    }
    guard foreign.isEmpty else {
      let listed = foreign.sorted().prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
      throw WriteError(
        path: target,
        reason:
          "exists and holds files peaksim did not write (\(listed)); not replacing it — remove it or choose another --out"
      )
    }
  }

  /// `target` itself, or where it points when it is a symbolic link to a folder; a link to
  /// nothing or to a file is refused.
  private static func followingLink(_ target: String) throws(WriteError) -> String {
    var status = stat()
    guard lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return target }
    guard let resolved = realpath(target, nil) else {
      throw WriteError(
        path: target, reason: "is a symbolic link to nothing (\(String(cString: strerror(errno)))); not following it")
    }
    defer { free(resolved) }
    let path = String(cString: resolved)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
      throw WriteError(path: target, reason: "is a symbolic link to \(path), which is not a folder")
    }
    return path
  }

  /// `a/b/c` → (`a/b`, `c`); `c` → (``, `c`); `/c` → (`/`, `c`). (Plain string work: Foundation's
  /// `NSString` path methods trap on some inputs on Linux.)
  private static func split(_ path: String) -> (parent: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    let name = String(path[path.index(after: slash)...])
    let parent = slash == path.startIndex ? "/" : String(path[..<slash])
    return (parent, name)
  }

  /// Whether anything (a file, a folder, a dangling link) is at `path`.
  private static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  private static func rename(_ from: String, _ to: String) throws {
    guard Foundation.rename(from, to) == 0 else {
      throw WriteError(path: to, reason: "cannot move \(from) into place (\(String(cString: strerror(errno))))")
    }
  }

  /// `<target>.<tag>-<pid>-<n>`, the first that does not exist.
  private static func uniqueSibling(of target: String, tag: String) -> String {
    let pid = ProcessInfo.processInfo.processIdentifier
    var counter = 0
    while true {
      let candidate = "\(target).\(tag)-\(pid)-\(counter)"
      if !exists(candidate) { return candidate }
      counter += 1
    }
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? WriteError { return error.reason }
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      let posix = POSIXErrorCode(rawValue: Int32(underlying.code)), underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(posix.rawValue))
    }
    return nsError.localizedDescription
  }
}
