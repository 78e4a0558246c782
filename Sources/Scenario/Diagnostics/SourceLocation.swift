/// Where a scenario value was written: a file, or a `--set` argument on the command line.
public enum ScenarioSource: Sendable, Hashable, CustomStringConvertible {
  /// A file, by the path it was opened with (a scenario, or a trace CSV it names).
  case file(String)
  /// A `--set PATH=VALUE` argument, as given.
  case commandLine(String)
  /// A place in a Terraform plan or state read through the scenario's `terraform:` section:
  /// the file, and a JSON path such as `planned_values.root_module.resources[2].values.timeout`
  /// (empty for the whole file).
  case terraform(file: String, jsonPath: String)

  public var description: String {
    switch self {
    case .file(let path): path
    case .commandLine(let argument): "--set \(argument)"
    case .terraform(let file, let jsonPath): jsonPath.isEmpty ? file : "\(file): \(jsonPath)"
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
