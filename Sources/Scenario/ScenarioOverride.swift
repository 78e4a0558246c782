/// One `--set PATH=VALUE` argument, or one entry of a variant's `set:` mapping: a dotted key
/// path and a YAML value (`5`, `null`, `{dist: constant, value: 0s}`) that replaces what the
/// scenario says there.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
  /// Dotted key path, e.g. `event_source.batch_size`.
  public var keyPath: String
  /// The value as YAML flow text.
  public var value: String

  public init(keyPath: String, value: String) {
    self.keyPath = keyPath
    self.value = value
  }

  /// Splits a command-line argument at its first `=`; `nil` when there is none.
  public init?(argument: String) {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    keyPath = String(argument[..<equals]).trimmingSpaces
    value = String(argument[argument.index(after: equals)...])
  }

  /// `PATH=VALUE`, as it would be given to `--set`.
  public var description: String { "\(keyPath)=\(value)" }
}
