/// Where a scenario value was written: a file, or a `--set` argument on the command line.
public enum ScenarioSource: Sendable, Hashable, CustomStringConvertible {
  /// A file, by the path it was opened with (a scenario, or a trace CSV it names).
  case file(String)
  /// A `--set PATH=VALUE` argument, as given.
  case commandLine(String)

  public var description: String {
    switch self {
    case .file(let path): path
    case .commandLine(let argument): "--set \(argument)"
    }
  }
}

/// A position in a source: 1-based line and column (Yams' `Mark`), when there is one.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var source: ScenarioSource
  public var line: Int?
  public var column: Int?

  public init(source: ScenarioSource, line: Int? = nil, column: Int? = nil) {
    self.source = source
    self.line = line
    self.column = column
  }

  /// `file.yaml:14:7`, `file.yaml:14`, `file.yaml`, or `--set a.b=c` (command-line arguments
  /// have no useful line or column).
  public var description: String {
    guard case .file = source, let line else { return source.description }
    guard let column else { return "\(source):\(line)" }
    return "\(source):\(line):\(column)"
  }
}

/// One problem found in a scenario: where, which key, what was found and what is allowed.
///
/// Rendered like a compiler diagnostic, so editors and CI annotate the line:
///
///     scenarios/x.yaml:14:7: error: event_source.batch_size: must be an integer from 1 to 10000, found 0
public struct ScenarioDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable {
    /// The scenario cannot run (AWS would reject it, or it cannot be read).
    case error
    /// The scenario runs, but against AWS's advice; shown in the report.
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  /// Dotted key path such as `event_source.batch_size`; `nil` for problems of the whole file
  /// (YAML syntax, an empty or binary file).
  public var keyPath: String?
  /// The problem as a lower-case fragment, including what was found and what is allowed.
  public var message: String
  /// The offending value as written (or a description such as `a mapping`), when there is one.
  public var found: String?
  /// What would have been accepted, when that can be said briefly.
  public var allowed: String?
  /// The variant (SCENARIO.md `variants`) whose settings produced the problem.
  public var variant: String?

  public init(
    severity: Severity, location: SourceLocation, keyPath: String?, message: String,
    found: String? = nil, allowed: String? = nil, variant: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.keyPath = keyPath
    self.message = message
    self.found = found
    self.allowed = allowed
    self.variant = variant
  }

  public var isError: Bool { severity == .error }

  public var description: String {
    var text = "\(location): \(severity.rawValue): "
    if let variant { text += "variant '\(variant)': " }
    if let keyPath { text += "\(keyPath): " }
    return text + message
  }
}
