import PipelineModel
import SimulationKernel

/// `traffic.trace`: a CSV of per-interval order counts (`time_s,orders` header, then one row per
/// interval, times strictly increasing from ≥ 0), such as a CloudWatch export.
enum TraceFile {
  /// At most this many problems are listed per trace file; the rest are counted.
  static let maximumReported = 10

  /// Joins a relative `path` onto `directory` (empty = current folder); absolute paths stay.
  static func resolve(_ path: String, relativeTo directory: String) -> String {
    if path.hasPrefix("/") || directory.isEmpty { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
  }

  /// The folder part of a path as given (`scenarios/x.yaml` → `scenarios`, `x.yaml` → empty).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    let dir = String(path[..<slash])
    return dir.isEmpty ? "/" : dir
  }

  /// Parses CSV text; `source` names the file in diagnostics.
  static func parse(_ text: String, source: ScenarioSource, keyPath: String, displayName: String) -> Result<TrafficTrace, ScenarioErrors> {
    var problems: [ScenarioDiagnostic] = []
    var extra = 0
    func problem(_ line: Int?, _ message: String) {
      if problems.count < maximumReported {
        problems.append(
          ScenarioDiagnostic(
            severity: .error, location: SourceLocation(source: source, line: line), keyPath: keyPath, message: message))
      } else {
        extra += 1
      }
    }
    // "\r\n" is one Character in Swift, so split on every kind of line end.
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
    guard let header = lines.first else {
      return .failure(ScenarioErrors([
        ScenarioDiagnostic(
          severity: .error, location: SourceLocation(source: source), keyPath: keyPath,
          message: "the trace is empty; it needs a 'time_s,orders' header and one row per interval")
      ]))
    }
    let columns = header.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    if columns != ["time_s", "orders"] {
      problem(1, "the header must be 'time_s,orders', found '\(header)'")
    }
    var rows: [TrafficTrace.Row] = []
    var previous: SimDuration?
    for (index, line) in lines.enumerated().dropFirst() {
      let lineNumber = index + 1
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
      guard fields.count == 2 else {
        problem(lineNumber, "a row must have 2 fields (time_s,orders), found \(fields.count): '\(line)'")
        continue
      }
      guard let t = DecimalNumber.parse(fields[0]), let ns = t.scaled(by: 1_000_000_000)?.value, ns >= 0 else {
        problem(lineNumber, "time_s must be a number of seconds ≥ 0, found '\(fields[0])'")
        continue
      }
      let time = SimDuration(nanoseconds: ns)
      guard let orders = DecimalNumber.parse(fields[1])?.double, orders.isFinite, orders >= 0 else {
        problem(lineNumber, "orders must be a number ≥ 0, found '\(fields[1])'")
        continue
      }
      if let previous, time <= previous {
        problem(lineNumber, "time_s must increase from row to row, found \(fields[0]) after \(Units.renderNumber(previous.seconds))")
        continue
      }
      previous = time
      rows.append(TrafficTrace.Row(time: time, orders: orders))
    }
    if rows.isEmpty && problems.isEmpty {
      problem(nil, "the trace has a header but no rows")
    }
    if extra > 0 {
      problems.append(
        ScenarioDiagnostic(
          severity: .error, location: SourceLocation(source: source), keyPath: keyPath,
          message: "\(extra) more problem\(extra == 1 ? "" : "s") in this trace not shown"))
    }
    return problems.isEmpty ? .success(TrafficTrace(rows: rows, source: displayName)) : .failure(ScenarioErrors(problems))
  }
}

extension ValueDecoder {
  /// Reads the trace file named by `v` (relative to the scenario's folder, or to the current
  /// folder for a `--set` argument).
  mutating func trace(_ v: Value) -> TrafficTrace? {
    guard let path = scalarText(v, "the path of a CSV file with a 'time_s,orders' header") else { return nil }
    let directory: String
    if case .commandLine = v.node.location.source { directory = "" } else { directory = scenarioDirectory }
    let resolved = TraceFile.resolve(path, relativeTo: directory)
    switch FileContents.read(resolved) {
    case .failure(let problem):
      let relative = directory.isEmpty || path.hasPrefix("/") ? "" : " (relative to the scenario's folder)"
      error(v, "cannot read the trace file \(resolved)\(relative): \(problem)", found: path)
      return nil
    case .success(let bytes):
      let source = ScenarioSource.file(resolved)
      switch FileContents.text(from: bytes, source: source, kind: "CSV trace") {
      case .failure(var d):
        d.keyPath = v.path
        d.variant = variant
        diagnostics.append(d)
        return nil
      case .success(let text):
        switch TraceFile.parse(text, source: source, keyPath: v.path, displayName: path) {
        case .success(let trace): return trace
        case .failure(let problems):
          diagnostics += problems.diagnostics.map { var p = $0; p.variant = variant; return p }
          return nil
        }
      }
    }
  }
}
