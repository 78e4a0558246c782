/// Reads the `variants:` list: `[{name, description?, set: {key.path: value, …}}]`, names
/// folder-safe and unique, every `set` path a key of the format (as `--set` paths are).
enum VariantReader {
  struct Entry {
    var keyPath: String
    var node: ScenarioNode
    var keyLocation: SourceLocation
  }

  struct Spec {
    var name: String
    var description: String
    var entries: [Entry]
  }

  static func read(_ v: Value, _ d: inout ValueDecoder) -> [Spec] {
    guard let items = d.list(v, of: "variants {name: …, set: {key.path: value}}") else { return [] }
    var specs: [Spec] = []
    var firstLine: [String: Int?] = [:]
    for item in items {
      guard let fields = d.mapping(item, allowed: ["name", "description", "set"], required: ["name", "set"]) else {
        continue
      }
      guard let name = d.folderName(fields["name"]!) else { continue }
      if let line = firstLine[name] {
        let whereText = line.map { " (first on line \($0))" } ?? ""
        d.error(fields["name"]!, "variant name '\(name)' is used twice\(whereText); names must be unique", found: name)
        continue
      }
      firstLine[name] = fields["name"]!.node.location.line
      var description = ""
      if let text = fields["description"], !text.node.isNull {
        description = d.string(text) ?? ""
      }
      let set = fields["set"]!
      guard case .mapping(let mapping) = set.node else {
        if !set.node.isNull { d.mustBe(set, "a mapping of key paths to values, e.g. {table.mode: provisioned}") }
        specs.append(Spec(name: name, description: description, entries: []))
        continue
      }
      var entries: [Entry] = []
      for entry in mapping.entries {
        let path = entry.key
        if path == "name" || path == ScenarioSchema.variantsKey {
          d.report(
            .error, at: entry.keyLocation, path: "\(set.path).\(path)",
            "a variant cannot set '\(path)'; the variant's own name names its results")
          continue
        }
        if let problem = ScenarioSchema.checkPath(path) {
          d.report(.error, at: entry.keyLocation, path: "\(set.path).\(path)", problem, found: path)
          continue
        }
        if path == "seed" {
          d.report(
            .warning, at: entry.keyLocation, path: "\(set.path).seed",
            "variant '\(name)' sets its own seed, so it no longer shares random numbers with the other variants; differences then mix the change with chance"
          )
        }
        entries.append(Entry(keyPath: path, node: entry.value, keyLocation: entry.keyLocation))
      }
      // Keys with bad paths are already reported; the rest are still checked.
      specs.append(Spec(name: name, description: description, entries: entries))
    }
    return specs
  }
}
