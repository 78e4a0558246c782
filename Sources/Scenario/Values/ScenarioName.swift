/// Names of scenarios and variants: they name report folders, so they must be safe as a folder
/// name on every system.
public enum ScenarioName {
  /// What a name may contain, for messages.
  public static let rule = "letters, digits, '.', '_' and '-', not starting with '.' or '-', at most 100 characters"

  /// Whether `name` is a usable scenario or variant name.
  public static func isValid(_ name: String) -> Bool {
    guard !name.isEmpty, name.count <= 100, name.first != ".", name.first != "-" else { return false }
    return name.unicodeScalars.allSatisfy { s in
      (s.value >= 48 && s.value <= 57) || (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
        || s == "." || s == "_" || s == "-"
    }
  }
}
