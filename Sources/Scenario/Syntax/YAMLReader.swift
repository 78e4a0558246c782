import Yams

/// Turns text into a `ScenarioNode`, or into diagnostics that say why it can't: an empty file,
/// or a YAML syntax error at its line and column.
enum YAMLReader {
  /// Parses `text` as one YAML document. Returns `nil` (with diagnostics) when the text is
  /// empty, only comments, or not valid YAML.
  static func parse(_ text: String, source: ScenarioSource, diagnostics: inout [ScenarioDiagnostic]) -> ScenarioNode? {
    func at(_ line: Int, _ column: Int) -> SourceLocation {
      guard case .file = source else { return SourceLocation(source: source) }
      return SourceLocation(source: source, line: line, column: column)
    }
    // Refused before Yams reads it: its composer descends recursively and would overflow the stack.
    if let deep = YAMLNesting.firstTooDeep(in: text) {
      diagnostics.append(
        ScenarioDiagnostic(
          severity: .error, location: at(deep.line, deep.column), keyPath: nil,
          message:
            "YAML nested more than \(YAMLNesting.maximumDepth) levels deep (a scenario needs about 6); not read any further",
          found: "\(deep.depth) levels", allowed: "at most \(YAMLNesting.maximumDepth) levels"))
      return nil
    }
    let root: Yams.Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      diagnostics.append(syntaxDiagnostic(error, source: source, text: text))
      return nil
    } catch {
      diagnostics.append(
        ScenarioDiagnostic(
          severity: .error, location: SourceLocation(source: source), keyPath: nil,
          message: "YAML could not be read: \(error)"))
      return nil
    }
    guard let root else {
      diagnostics.append(
        ScenarioDiagnostic(
          severity: .error, location: SourceLocation(source: source), keyPath: nil,
          message:
            "the scenario is empty; it needs at least name, duration and traffic.baseline (run `peaksim init` for a starter file)"
        ))
      return nil
    }
    if let excess = AliasExpansion.excess(in: root) {
      diagnostics.append(
        ScenarioDiagnostic(
          severity: .error, location: at(excess.line, excess.column), keyPath: excess.path.isEmpty ? nil : excess.path,
          message:
            "YAML aliases (*name) here repeat more than \(AliasExpansion.maximumRepeats) values; write the values out or use fewer aliases",
          found: "more than \(AliasExpansion.maximumRepeats) repeated values",
          allowed: "at most \(AliasExpansion.maximumRepeats)"))
      return nil
    }
    return ScenarioNode.from(root, source: source, path: "", diagnostics: &diagnostics)
  }

  /// A Yams error as `file:line:col: error: YAML syntax: <problem> (<context>)`.
  static func syntaxDiagnostic(_ error: YamlError, source: ScenarioSource, text: String) -> ScenarioDiagnostic {
    func at(_ mark: Mark?) -> SourceLocation {
      guard case .file = source, let mark else { return SourceLocation(source: source) }
      return SourceLocation(source: source, line: mark.line, column: mark.column)
    }
    let yamlText = text
    let message: String
    let location: SourceLocation
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      location = at(mark)
      if problem == "but found another document" {
        message = "YAML syntax: a scenario is a single YAML document; found a second one"
        break
      }
      var text = "YAML syntax: \(problem)"
      if let context {
        let location =
          context.mark.line == mark.line && context.mark.column == mark.column
          ? "" : " that started at line \(context.mark.line), column \(context.mark.column)"
        text += " (\(context.text)\(location))"
      }
      if character(in: yamlText, line: mark.line, column: mark.column) == "\t" {
        text += "; indent with spaces, not tabs"
      }
      message = text
    case .reader(let problem, _, _, _):
      location = at(nil)
      message = "YAML syntax: \(problem)"
    default:
      location = at(nil)
      message = "YAML could not be read: \(error)"
    }
    return ScenarioDiagnostic(severity: .error, location: location, keyPath: nil, message: message)
  }

  /// The character at a 1-based line and column (columns count Unicode scalars, as libyaml does).
  static func character(in text: String, line: Int, column: Int) -> Unicode.Scalar? {
    var currentLine = 1, currentColumn = 1
    for scalar in text.unicodeScalars {
      if currentLine == line && currentColumn == column { return scalar }
      if scalar == "\n" { currentLine += 1; currentColumn = 1 } else { currentColumn += 1 }
      if currentLine > line { return nil }
    }
    return nil
  }
}
