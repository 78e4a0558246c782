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
  static func parse(_ text: String, source: ScenarioSource, keyPath: String, displayName: String) -> Result<
    TrafficTrace, ScenarioErrors
  > {
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
    // Work on UTF-8 bytes: traces can have hundreds of thousands of rows.
    let bytes = Array(text.utf8)
    var lines: [Range<Int>] = []
    var lineStart = 0
    for i in bytes.indices where bytes[i] == 0x0A {
      lines.append(lineStart..<(i > lineStart && bytes[i - 1] == 0x0D ? i - 1 : i))
      lineStart = i + 1
    }
    if lineStart < bytes.count {
      lines.append(lineStart..<(bytes.last == 0x0D ? bytes.count - 1 : bytes.count))
    }
    while let last = lines.last, bytes[last].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { lines.removeLast() }
    func slice(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    guard let header = lines.first else {
      return .failure(
        ScenarioErrors([
          ScenarioDiagnostic(
            severity: .error, location: SourceLocation(source: source), keyPath: keyPath,
            message: "the trace is empty; it needs a 'time_s,orders' header and one row per interval")
        ]))
    }
    let columns = slice(header).split(separator: ",", omittingEmptySubsequences: false).map {
      String($0).trimmingSpaces
    }
    if columns != ["time_s", "orders"] {
      problem(1, "the header must be 'time_s,orders', found '\(quoted(slice(header)))'")
    }
    var rows: [TrafficTrace.Row] = []
    rows.reserveCapacity(lines.count - 1)
    var previous: SimDuration?
    for (index, line) in lines.enumerated().dropFirst() {
      let lineNumber = index + 1
      var commas = 0, comma = line.lowerBound
      var i = line.lowerBound
      while i < line.upperBound {
        if bytes[i] == 0x2C {
          commas += 1
          comma = i
        }
        i += 1
      }
      guard commas == 1 else {
        problem(lineNumber, "a row must have 2 fields (time_s,orders), found \(commas + 1)")
        continue
      }
      let timeField = trimmed(line.lowerBound..<comma, in: bytes)
      let ordersField = trimmed((comma + 1)..<line.upperBound, in: bytes)
      guard let ns = seconds(bytes[timeField]), ns >= 0 else {
        problem(lineNumber, "time_s must be a number of seconds ≥ 0, found '\(quoted(slice(timeField)))'")
        continue
      }
      let time = SimDuration(nanoseconds: ns)
      guard let orders = number(bytes[ordersField]), orders.isFinite, orders >= 0 else {
        problem(lineNumber, "orders must be a number ≥ 0, found '\(quoted(slice(ordersField)))'")
        continue
      }
      if let previous, time <= previous {
        problem(
          lineNumber,
          "time_s must increase from row to row, found \(quoted(slice(timeField))) after \(Units.renderNumber(previous.seconds))"
        )
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
    return problems.isEmpty
      ? .success(TrafficTrace(rows: rows, source: displayName)) : .failure(ScenarioErrors(problems))
  }

  /// At most ``quotedLength`` characters of a field, control characters shown as `?`: an
  /// error about an unrelated file (a key, a log) never copies its lines to the terminal.
  static func quoted(_ field: String) -> String {
    var out = ""
    for (count, character) in field.enumerated() {
      if count == quotedLength {
        out += "…"
        break
      }
      let control = character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
      out.append(control ? "?" : character)
    }
    return out
  }

  static let quotedLength = 24

  private static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
    var lower = range.lowerBound, upper = range.upperBound
    while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
    while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
    return lower..<upper
  }

  /// Plain `digits[.digits]` with at most 18 characters: (mantissa, digits after the point).
  private static func plainDecimal(_ field: ArraySlice<UInt8>) -> (mantissa: Int64, fractionDigits: Int)? {
    guard !field.isEmpty, field.count <= 18 else { return nil }  // 18 digits cannot overflow
    var mantissa: Int64 = 0, fractionDigits = 0, sawPoint = false, digits = 0
    var i = field.startIndex
    while i < field.endIndex {
      let byte = field[i]
      i += 1
      if byte == 0x2E, !sawPoint {
        sawPoint = true
      } else if byte >= 0x30 && byte <= 0x39 {
        mantissa = mantissa * 10 + Int64(byte - 0x30)
        digits += 1
        if sawPoint { fractionDigits += 1 }
      } else {
        return nil
      }
    }
    return digits > 0 ? (mantissa, fractionDigits) : nil
  }

  /// Seconds as exact nanoseconds: a fast path for plain decimals, `DecimalNumber` otherwise.
  private static func seconds(_ field: ArraySlice<UInt8>) -> Int64? {
    if let (mantissa, fractionDigits) = plainDecimal(field), fractionDigits <= 9 {
      var scale: Int64 = 1
      for _ in 0..<(9 - fractionDigits) { scale *= 10 }
      let (ns, overflow) = mantissa.multipliedReportingOverflow(by: scale)
      return overflow ? nil : ns
    }
    return DecimalNumber.parse(String(decoding: field, as: UTF8.self))?.scaled(by: 1_000_000_000)?.value
  }

  /// A count: a fast path for plain integers, `DecimalNumber` otherwise.
  private static func number(_ field: ArraySlice<UInt8>) -> Double? {
    if let (mantissa, fractionDigits) = plainDecimal(field), fractionDigits == 0 { return Double(mantissa) }
    return DecimalNumber.parse(String(decoding: field, as: UTF8.self))?.double
  }
}

/// Traces already read during one load, by resolved path, so that variants don't read and
/// parse the same file again.
final class TraceCache {
  var traces: [String: Result<TrafficTrace, ScenarioErrors>] = [:]
}

extension ValueDecoder {
  /// Reads the trace file named by `v` (relative to the scenario's folder, or to the current
  /// folder for a `--set` argument).
  mutating func trace(_ v: Value) -> TrafficTrace? {
    guard let path = scalarText(v, "the path of a CSV file with a 'time_s,orders' header") else { return nil }
    let directory: String
    if case .commandLine = v.node.location.source { directory = "" } else { directory = scenarioDirectory }
    let resolved = TraceFile.resolve(path, relativeTo: directory)
    if let cached = traceCache.traces[resolved] {
      switch cached {
      case .success(let trace): return trace
      case .failure(let problems):
        diagnostics += problems.diagnostics.map {
          var p = $0; p.variant = variant; return p
        }
        return nil
      }
    }
    let result = readTrace(v, path: path, resolved: resolved, directory: directory)
    traceCache.traces[resolved] = result
    switch result {
    case .success(let trace): return trace
    case .failure(let problems):
      diagnostics += problems.diagnostics.map {
        var p = $0; p.variant = variant; return p
      }
      return nil
    }
  }

  /// Reads and parses one trace file; problems come back without a variant.
  private func readTrace(_ v: Value, path: String, resolved: String, directory: String) -> Result<
    TrafficTrace, ScenarioErrors
  > {
    func fail(_ message: String) -> Result<TrafficTrace, ScenarioErrors> {
      .failure(
        ScenarioErrors([
          ScenarioDiagnostic(
            severity: .error, location: v.node.location, keyPath: v.path, message: message, found: path)
        ]))
    }
    switch FileContents.read(resolved) {
    case .failure(let problem):
      let relative = directory.isEmpty || path.hasPrefix("/") ? "" : " (relative to the scenario's folder)"
      return fail("cannot read the trace file \(resolved)\(relative): \(problem)")
    case .success(let bytes):
      let source = ScenarioSource.file(resolved)
      switch FileContents.text(from: bytes, source: source, kind: "CSV trace") {
      case .failure(var d):
        d.keyPath = v.path
        return .failure(ScenarioErrors([d]))
      case .success(let text):
        return TraceFile.parse(text, source: source, keyPath: v.path, displayName: path)
      }
    }
  }
}
