import Foundation
import Reports
import Testing

/// The report folder is written all or nothing, and the same run gives the same bytes.
@Suite struct ReportWriterTests {
  let fm = FileManager.default

  func contents(_ folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try fm.subpathsOfDirectory(atPath: folder).sorted() {
      var isDirectory: ObjCBool = false
      _ = fm.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
      if !isDirectory.boolValue { files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
    }
    return files
  }

  func siblings(of folder: String) throws -> [String] {
    let parent = (folder as NSString).deletingLastPathComponent
    let name = (folder as NSString).lastPathComponent
    return try fm.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(name + ".") }
  }

  @Test func writesTheFourOutputs() throws {
    let folder = try RunSamples.temporaryDirectory() + "/reports/sample"
    try ReportWriter.write(RunSamples.report(RunSamples.decoupled), to: folder)
    let files = try contents(folder)
    #expect(
      Set(files.keys)
        == Set(
          ["summary.json", "timeseries.csv", "report.md", ".peaksim-files"]
            + ReportCharts.fileNames.map { "charts/" + $0 }))
    #expect(try siblings(of: folder).isEmpty)
  }

  @Test func writingTwiceGivesIdenticalBytesExceptWallSeconds() throws {
    let base = try RunSamples.temporaryDirectory()
    try ReportWriter.write(RunSamples.report(RunSamples.decoupled, wallSeconds: 1.25), to: base + "/a")
    try ReportWriter.write(RunSamples.report(RunSamples.decoupled, wallSeconds: 7.5), to: base + "/b")
    let a = try contents(base + "/a"), b = try contents(base + "/b")
    #expect(a.keys.sorted() == b.keys.sorted())
    for (name, text) in a where name != "summary.json" { #expect(text == b[name], "\(name) differs") }
    let linesA = a["summary.json"]!.split(separator: "\n", omittingEmptySubsequences: false)
    let linesB = b["summary.json"]!.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(linesA.count == linesB.count)
    let different = zip(linesA, linesB).filter { $0 != $1 }
    #expect(different.count == 1)
    #expect(different.first?.0 == "  \"wall_s\": 1.250,")
  }

  @Test func anEarlierReportIsReplaced() throws {
    let folder = try RunSamples.temporaryDirectory() + "/sample"
    try ReportWriter.write(RunSamples.report(RunSamples.synchronous), to: folder)
    try ReportWriter.write(RunSamples.report(RunSamples.decoupled), to: folder)
    #expect(try contents(folder)["report.md"]!.hasPrefix("# sample\n"))
    #expect(try siblings(of: folder).isEmpty)
  }

  @Test func aFailureHalfwayLeavesNoFolder() throws {
    let folder = try RunSamples.temporaryDirectory() + "/broken"
    // The second file cannot be created: its folder would be the first file.
    let files: [ReportWriter.File] = [("summary.json", "{}\n"), ("summary.json/x.svg", "<svg/>")]
    #expect(throws: ReportWriter.WriteError.self) { try ReportWriter.write(files, to: folder) }
    #expect(!fm.fileExists(atPath: folder))
    #expect(try siblings(of: folder).isEmpty)
  }

  @Test func aFailureHalfwayKeepsTheEarlierReport() throws {
    let folder = try RunSamples.temporaryDirectory() + "/kept"
    try ReportWriter.write(RunSamples.report(RunSamples.decoupled), to: folder)
    let before = try contents(folder)
    let files: [ReportWriter.File] = [("summary.json", "{}\n"), ("summary.json/x.svg", "<svg/>")]
    #expect(throws: ReportWriter.WriteError.self) { try ReportWriter.write(files, to: folder) }
    #expect(try contents(folder) == before)
    #expect(try siblings(of: folder).isEmpty)
  }

  @Test func aFileInTheWayIsNotReplaced() throws {
    let base = try RunSamples.temporaryDirectory()
    try "mine\n".write(toFile: base + "/notes", atomically: true, encoding: .utf8)
    #expect(throws: ReportWriter.WriteError.self) {
      try ReportWriter.write(RunSamples.report(RunSamples.decoupled), to: base + "/notes")
    }
    #expect(try String(contentsOfFile: base + "/notes", encoding: .utf8) == "mine\n")
    #expect(try siblings(of: base + "/notes").isEmpty)
  }

  @Test func aFolderWithOtherFilesIsNotReplaced() throws {
    let base = try RunSamples.temporaryDirectory()
    try fm.createDirectory(atPath: base + "/project", withIntermediateDirectories: true)
    try "keep\n".write(toFile: base + "/project/main.tf", atomically: true, encoding: .utf8)
    do {
      try ReportWriter.write(RunSamples.report(RunSamples.decoupled), to: base + "/project")
      Issue.record("replaced a folder holding main.tf")
    } catch {
      #expect(error.description.contains("holds files peaksim did not write (main.tf)"))
    }
    #expect(try contents(base + "/project") == ["main.tf": "keep\n"])
    #expect(try siblings(of: base + "/project").isEmpty)
  }

  @Test func dotIsNotAReportFolder() {
    #expect(throws: ReportWriter.WriteError.self) {
      try ReportWriter.write(RunSamples.report(RunSamples.decoupled), to: ".")
    }
  }
}
