import Yams

/// A YAML value with the place it was written: the scenario's own tree, into which `--set`
/// arguments and variants are merged before any value is interpreted.
///
/// Scalars stay text until the schema says what they are (`10` may be a count, `10s` a
/// duration), so YAML's own type guesses (`yes` as a boolean, `2026-11-26` as a date) never
/// leak into a scenario. Mappings keep document order.
indirect enum ScenarioNode: Sendable {
  case scalar(Scalar)
  case mapping(Mapping)
  case sequence([ScenarioNode], SourceLocation)

  struct Scalar: Sendable {
    var text: String
    /// Written without quotes (only plain scalars can be `null`).
    var isPlain: Bool
    var location: SourceLocation
  }

  struct Entry: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: ScenarioNode
  }

  struct Mapping: Sendable {
    var entries: [Entry]
    var location: SourceLocation

    subscript(key: String) -> ScenarioNode? {
      entries.last { $0.key == key }?.value
    }
  }

  var location: SourceLocation {
    switch self {
    case .scalar(let s): s.location
    case .mapping(let m): m.location
    case .sequence(_, let location): location
    }
  }

  /// `null`, `~`, or nothing at all, written without quotes.
  var isNull: Bool {
    guard case .scalar(let s) = self, s.isPlain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(s.text)
  }

  /// What a reader would call this value in an error message: `0`, `'abc'`, `a mapping`.
  var foundDescription: String {
    switch self {
    case .scalar(let s):
      if isNull { return "null" }
      let needsQuotes = !s.isPlain || s.text.contains(" ") || s.text.isEmpty
      return needsQuotes ? "'\(s.text)'" : s.text
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }

  // MARK: - From Yams

  /// Converts a composed Yams tree, reporting keys that aren't plain text and keys given twice
  /// in one mapping (YAML forbids both; Yams would silently keep one).
  static func from(
    _ node: Yams.Node, source: ScenarioSource, path: String, diagnostics: inout [ScenarioDiagnostic]
  ) -> ScenarioNode {
    func location(_ mark: Mark?) -> SourceLocation {
      guard case .file = source, let mark else { return SourceLocation(source: source) }
      return SourceLocation(source: source, line: mark.line, column: mark.column)
    }
    switch node {
    case .scalar(let scalar):
      let plain = scalar.style == .plain || scalar.style == .any
      return .scalar(Scalar(text: scalar.string, isPlain: plain, location: location(scalar.mark)))
    case .sequence(let sequence):
      let items = sequence.enumerated().map { index, item in
        from(item, source: source, path: "\(path)[\(index)]", diagnostics: &diagnostics)
      }
      return .sequence(items, location(sequence.mark))
    case .mapping(let mapping):
      var entries: [Entry] = []
      var index: [String: Int] = [:]  // by key: a million keys are checked in linear time
      var merged: [Entry] = []
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          diagnostics.append(
            ScenarioDiagnostic(
              severity: .error, location: location(key.mark), keyPath: path.isEmpty ? nil : path,
              message: "keys must be plain names, found \(key.mapping != nil ? "a mapping" : "a list") used as a key"))
          continue
        }
        let name = keyScalar.string
        let childPath = path.isEmpty ? name : "\(path).\(name)"
        let child = from(value, source: source, path: childPath, diagnostics: &diagnostics)
        if name == "<<" && (keyScalar.style == .plain || keyScalar.style == .any) {
          merged += mergeKeyEntries(child, path: childPath, diagnostics: &diagnostics)
          continue
        }
        if let first = index[name] {
          let firstLine = entries[first].keyLocation.line.map { " (first given on line \($0))" } ?? ""
          diagnostics.append(
            ScenarioDiagnostic(
              severity: .error, location: location(keyScalar.mark), keyPath: childPath,
              message: "key given twice in one mapping\(firstLine); keep one", found: name))
          entries[first] = Entry(key: name, keyLocation: location(keyScalar.mark), value: child)
          continue
        }
        index[name] = entries.count
        entries.append(Entry(key: name, keyLocation: location(keyScalar.mark), value: child))
      }
      // YAML's merge key: keys written in the mapping win, then the earlier merged mapping.
      for entry in merged where index[entry.key] == nil {
        index[entry.key] = entries.count
        entries.append(entry)
      }
      return .mapping(Mapping(entries: entries, location: location(mapping.mark)))
    }
  }

  /// The entries a merge key (`<<: *base` or `<<: [*a, *b]`) brings into its mapping.
  private static func mergeKeyEntries(
    _ value: ScenarioNode, path: String, diagnostics: inout [ScenarioDiagnostic]
  ) -> [Entry] {
    switch value {
    case .mapping(let mapping): return mapping.entries
    case .sequence(let items, _):
      var entries: [Entry] = []
      for item in items {
        if case .mapping(let mapping) = item {
          entries += mapping.entries
        } else {
          diagnostics.append(mergeProblem(item, path: path))
        }
      }
      return entries
    case .scalar:
      diagnostics.append(mergeProblem(value, path: path))
      return []
    }
  }

  private static func mergeProblem(_ value: ScenarioNode, path: String) -> ScenarioDiagnostic {
    ScenarioDiagnostic(
      severity: .error, location: value.location, keyPath: path,
      message:
        "a merge key (<<) takes a mapping or a list of mappings, such as <<: *base, found \(value.foundDescription)",
      found: value.foundDescription, allowed: "a mapping or a list of mappings")
  }

  // MARK: - Overrides

  /// Sets `value` at `path` (creating mappings on the way), as a `--set` argument or a
  /// variant does. Where both the old and the new value are mappings and `isSection(path)`
  /// says the path is a section of the format (not a value such as a distribution), the new
  /// mapping's keys are merged one by one, so `--set 'table={mode: provisioned}'` keeps the
  /// table's other keys. A key with an index (`deployments[0]`, `alarms[1]`) reaches into an
  /// entry of a list the tree already has; false when there is no such entry.
  @discardableResult
  mutating func set(
    _ value: ScenarioNode, at path: ArraySlice<String>, keyLocation: SourceLocation,
    prefix: String = "", isSection: (String) -> Bool
  ) -> Bool {
    if let key = path.first, let (name, index) = DeploymentKeyPaths.split(key), let index {
      return setItem(value, list: name, index: index, at: path.dropFirst(), keyLocation: keyLocation, prefix: prefix)
    }
    guard let key = path.first else {
      if case .mapping(let new) = value, case .mapping = self, isSection(prefix) {
        for entry in new.entries {
          self.set(entry.value, at: [entry.key], keyLocation: entry.keyLocation, prefix: prefix, isSection: isSection)
        }
      } else {
        self = value
      }
      return true
    }
    let childPath = prefix.isEmpty ? key : "\(prefix).\(key)"
    guard case .mapping(var mapping) = self else {
      // A scalar or list where a mapping is needed: the override replaces it.
      var fresh = ScenarioNode.mapping(Mapping(entries: [], location: keyLocation))
      let done = fresh.set(value, at: path, keyLocation: keyLocation, prefix: prefix, isSection: isSection)
      self = fresh
      return done
    }
    var done = true
    if let index = mapping.entries.lastIndex(where: { $0.key == key }) {
      done = mapping.entries[index].value.set(
        value, at: path.dropFirst(), keyLocation: keyLocation, prefix: childPath, isSection: isSection)
      mapping.entries[index].keyLocation = keyLocation
    } else {
      var child: ScenarioNode =
        path.count == 1 ? value : .mapping(Mapping(entries: [], location: keyLocation))
      if path.count > 1 {
        child.set(value, at: path.dropFirst(), keyLocation: keyLocation, prefix: childPath, isSection: isSection)
      }
      mapping.entries.append(Entry(key: key, keyLocation: keyLocation, value: child))
    }
    self = .mapping(mapping)
    return done
  }

  /// Sets `value` at `path` inside entry `index` of the list under `list` (no merging: an
  /// entry's mapping is not a section of the format).
  private mutating func setItem(
    _ value: ScenarioNode, list: String, index: Int, at path: ArraySlice<String>, keyLocation: SourceLocation,
    prefix: String
  ) -> Bool {
    guard case .mapping(var mapping) = self, let e = mapping.entries.lastIndex(where: { $0.key == list }),
      case .sequence(var items, let location) = mapping.entries[e].value, index < items.count
    else { return false }
    let itemPath = (prefix.isEmpty ? list : "\(prefix).\(list)") + "[\(index)]"
    let done = items[index].set(value, at: path, keyLocation: keyLocation, prefix: itemPath) { _ in false }
    mapping.entries[e].value = .sequence(items, location)
    self = .mapping(mapping)
    return done
  }
}
