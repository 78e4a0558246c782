import Testing

@testable import Scenario

/// Files that are missing, folders, binary, not UTF-8, and trace CSVs with bad rows.
@Suite struct ScenarioFileReadingTests {
  func loadErrors(_ path: String) -> [ScenarioDiagnostic] {
    do {
      _ = try ScenarioLoader.load(path: path)
      return []
    } catch {
      return error.errors
    }
  }

  @Test func aMissingFileIsAnErrorNamingIt() {
    let errors = loadErrors("/nonexistent/peaksim/scenario.yaml")
    #expect(
      errors.map(\.description) == ["/nonexistent/peaksim/scenario.yaml: error: cannot read the scenario: no such file"]
    )
  }

  @Test func aFolderIsNotAScenario() throws {
    let dir = try temporaryDirectory()
    #expect(loadErrors(dir).first?.message == "cannot read the scenario: it is a folder, not a file")
  }

  @Test func aBinaryFileIsRejectedWithThePositionOfItsFirstNulByte() throws {
    let dir = try temporaryDirectory()
    try write([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00], to: dir + "/binary.yaml")
    let errors = loadErrors(dir + "/binary.yaml")
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 1)
    #expect(errors.first?.location.column == 8)
    #expect(errors.first?.message == "not a scenario: the file is not UTF-8 text (a NUL byte)")
  }

  @Test func aNonUTF8FileIsRejectedAtItsBadByte() throws {
    let dir = try temporaryDirectory()
    try write(Array("name: café\nduration: 1h\n".utf8) + [0x64, 0xE9, 0x0A], to: dir + "/latin1.yaml")
    let errors = loadErrors(dir + "/latin1.yaml")
    #expect(errors.first?.location.line == 3)
    #expect(errors.first?.location.column == 2)
    #expect(errors.first?.message.contains("byte 0xE9 is not valid UTF-8") == true)
  }

  @Test func aByteOrderMarkIsIgnored() throws {
    let dir = try temporaryDirectory()
    try write([0xEF, 0xBB, 0xBF] + Array(minimalScenario.utf8), to: dir + "/bom.yaml")
    #expect(loadErrors(dir + "/bom.yaml").isEmpty)
  }

  @Test func badTraceRowsAreReportedAtTheirCSVLine() throws {
    let dir = try temporaryDirectory()
    try write("time_s,orders\n0,10\n60,abc\n60,5\n30,5\n90\n", to: dir + "/t.csv")
    try write("name: t\nduration: 1h\ntraffic:\n  trace: t.csv\n", to: dir + "/s.yaml")
    let errors = loadErrors(dir + "/s.yaml")
    #expect(errors.map(\.location.line) == [3, 5, 6])
    #expect(errors.allSatisfy { $0.location.source == .file(dir + "/t.csv") && $0.keyPath == "traffic.trace" })
    #expect(errors[0].message == "orders must be a number ≥ 0, found 'abc'")
    #expect(errors[1].message == "time_s must increase from row to row, found 30 after 60")
    #expect(errors[2].message.hasPrefix("a row must have 2 fields"))
  }

  @Test func aTraceNeedsItsHeaderAndARow() throws {
    let dir = try temporaryDirectory()
    try write("seconds,count\n", to: dir + "/t.csv")
    try write("name: t\nduration: 1h\ntraffic:\n  trace: t.csv\n", to: dir + "/s.yaml")
    let errors = loadErrors(dir + "/s.yaml")
    #expect(errors.map(\.message) == ["the header must be 'time_s,orders', found 'seconds,count'"])
    try write("time_s,orders\n", to: dir + "/t.csv")
    #expect(loadErrors(dir + "/s.yaml").map(\.message) == ["the trace has a header but no rows"])
  }

  @Test func aBinaryTraceIsNotACSV() throws {
    let dir = try temporaryDirectory()
    try write([0x00, 0x01], to: dir + "/t.csv")
    try write("name: t\nduration: 1h\ntraffic:\n  trace: t.csv\n", to: dir + "/s.yaml")
    #expect(loadErrors(dir + "/s.yaml").first?.message == "not a CSV trace: the file is not UTF-8 text (a NUL byte)")
  }

  @Test func traceNumbersMayHaveFractionsAndExponents() throws {
    let dir = try temporaryDirectory()
    try write("time_s,orders\n0,1.5\n0.25, 2e3\n1e2 ,3\n100.000000001,0\n", to: dir + "/t.csv")
    try write("name: t\nduration: 1h\ntraffic:\n  trace: t.csv\n", to: dir + "/s.yaml")
    let rows = try ScenarioLoader.load(path: dir + "/s.yaml").configuration.traffic.trace?.rows
    #expect(
      rows == [
        .init(time: .zero, orders: 1.5), .init(time: .milliseconds(250), orders: 2_000),
        .init(time: .seconds(100), orders: 3), .init(time: .nanoseconds(100_000_000_001), orders: 0),
      ])
  }

  @Test func aMissingTraceIsReportedOnceForTheScenarioAndItsVariants() throws {
    let dir = try temporaryDirectory()
    try write(
      "name: t\nduration: 1h\ntraffic:\n  trace: t.csv\nvariants:\n  - {name: a, set: {seed: 3}}\n", to: dir + "/s.yaml"
    )
    let errors = loadErrors(dir + "/s.yaml")
    #expect(errors.map(\.keyPath) == ["traffic.trace"])
    #expect(errors.first?.variant == nil)
  }
}
