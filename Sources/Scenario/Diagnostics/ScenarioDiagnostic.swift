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
