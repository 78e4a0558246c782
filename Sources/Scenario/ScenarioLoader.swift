import PipelineModel

/// Reads scenario files (SCENARIO.md): YAML, units, AWS's defaults, `--set` overrides,
/// variants, and every check, with all problems of a file reported at once.
///
///     let scenario = try ScenarioLoader.load(path: "scenarios/thanksgiving.yaml",
///                                            overrides: ["event_source.batch_size=5"])
///     for warning in scenario.warnings { print(warning) }   // AWS's advice, for the report too
///     run(scenario.configuration)
///
/// Order of application: the Terraform plan named in `terraform:` (where the file does not
/// set a key), the file, then the `--set` arguments in order, then `--seed`; each
/// variant applies its `set:` keys on top of that (so `--set` changes every variant alike,
/// and a variant's own keys win).
public enum ScenarioLoader {
  /// Reads and checks the scenario at `path`.
  ///
  /// - Parameters:
  ///   - path: the scenario file; traces it names are relative to its folder.
  ///   - overrides: `PATH=VALUE` arguments of `--set`, applied in order; VALUE is YAML
  ///     (`5`, `null`, `{dist: constant, value: 0s}`).
  ///   - seedOverride: `--seed`, replacing `seed` for the scenario and every variant.
  /// - Throws: `ScenarioErrors` with every error (and the warnings found on the way).
  public static func load(
    path: String, overrides: [String] = [], seedOverride: UInt64? = nil
  ) throws(ScenarioErrors) -> LoadedScenario {
    let source = ScenarioSource.file(path)
    switch FileContents.read(path) {
    case .failure(let problem):
      throw ScenarioErrors([
        ScenarioDiagnostic(
          severity: .error, location: SourceLocation(source: source), keyPath: nil,
          message: "cannot read the scenario: \(problem)")
      ])
    case .success(let bytes):
      switch FileContents.text(from: bytes, source: source, kind: "scenario") {
      case .failure(let diagnostic): throw ScenarioErrors([diagnostic])
      case .success(let text):
        return try parse(text: text, fileName: path, overrides: overrides, seedOverride: seedOverride)
      }
    }
  }

  /// Checks scenario `text` as if read from `fileName` (which names it in diagnostics and
  /// whose folder relative trace paths start from).
  public static func parse(
    text: String, fileName: String, overrides: [String] = [], seedOverride: UInt64? = nil
  ) throws(ScenarioErrors) -> LoadedScenario {
    let source = ScenarioSource.file(fileName)
    var d = ValueDecoder()
    d.scenarioDirectory = TraceFile.directory(of: fileName)

    // The file.
    var conversionProblems: [ScenarioDiagnostic] = []
    let parsed = YAMLReader.parse(text, source: source, diagnostics: &conversionProblems)
    d.diagnostics += conversionProblems

    // The `--set` arguments (read even when the file is broken, to report their problems too).
    let arguments = readOverrides(overrides, &d)

    guard var root = parsed else { throw ScenarioErrors(d.diagnostics.inReadingOrder()) }
    guard case .mapping = root else {
      d.report(
        .error, at: root.location, path: nil,
        "the top level must be a mapping of keys such as name, duration and traffic, found \(root.foundDescription)")
      throw ScenarioErrors(d.diagnostics.inReadingOrder())
    }
    // The Terraform plan: under the file's own keys and the `--set` arguments.
    var fromTerraform: [String: TerraformSetting] = [:]
    if case .mapping(let mapping) = root, let section = mapping[ScenarioSchema.terraformKey] {
      fromTerraform = TerraformSection.merge(
        section, into: &root, suppliedPaths: arguments.map(\.override.keyPath), &d)
    }
    for argument in arguments {
      let done = root.set(
        argument.node, at: components(argument.override.keyPath), keyLocation: argument.node.location,
        isSection: ScenarioSchema.isSection)
      if !done {
        d.report(
          .error, at: SourceLocation(source: .commandLine(argument.override.description)),
          path: argument.override.keyPath, noSuchEntry(argument.override.keyPath), found: argument.override.keyPath)
      }
    }

    // The scenario.
    var decoder = ConfigurationDecoder(file: source)
    var configuration = decoder.decode(root, &d)
    if let seedOverride { configuration.seed = seedOverride }
    let overridePaths = arguments.map(\.override.keyPath) + (seedOverride == nil ? [] : ["seed"])
    let baseOrigin: (String) -> EffectiveSetting.Origin = { [decoder, fromTerraform] path in
      if overridePaths.contains(where: { overlaps($0, path) }) { return .commandLine }
      if let setting = fromTerraform[path] { return .terraform(address: setting.address, attribute: setting.attribute) }
      return decoder.isPresent(path) ? .file : .default
    }
    let baseDiagnostics = Set(d.diagnostics)

    // The variants.
    var variants: [Variant] = []
    var variantDiagnostics: [ScenarioDiagnostic] = []
    if case .mapping(let mapping) = root, let list = mapping[ScenarioSchema.variantsKey] {
      let specs = VariantReader.read(Value(node: list, path: ScenarioSchema.variantsKey), &d)
      for spec in specs {
        var vd = ValueDecoder()
        vd.scenarioDirectory = d.scenarioDirectory
        vd.traceCache = d.traceCache
        vd.variant = spec.name
        var tree = root
        for entry in spec.entries {
          let done = tree.set(
            entry.node, at: components(entry.keyPath), keyLocation: entry.keyLocation,
            isSection: ScenarioSchema.isSection)
          if !done {
            vd.report(
              .error, at: entry.keyLocation, path: entry.keyPath, noSuchEntry(entry.keyPath), found: entry.keyPath)
          }
        }
        var variantDecoder = ConfigurationDecoder(file: source)
        var variantConfiguration = variantDecoder.decode(tree, &vd)
        if let seedOverride { variantConfiguration.seed = seedOverride }
        // Only what the variant adds: the scenario's own problems are reported once.
        let own = vd.diagnostics.filter { diagnostic in
          var unattributed = diagnostic
          unattributed.variant = nil
          return !baseDiagnostics.contains(unattributed)
        }
        variantDiagnostics += own
        let variantPaths = spec.entries.map(\.keyPath)
        let variantOrigin: (String) -> EffectiveSetting.Origin = { path in
          if variantPaths.contains(where: { overlaps($0, path) }) { return .variant }
          return baseOrigin(path)
        }
        let settings = TerraformSettingDetails.adding(
          to: EffectiveSetting.list(variantConfiguration, origin: variantOrigin), from: fromTerraform,
          origin: variantOrigin)
        variants.append(
          Variant(
            name: spec.name, description: spec.description,
            overrides: spec.entries.map { ScenarioOverride(keyPath: $0.keyPath, value: $0.node.flowText) },
            configuration: variantConfiguration, warnings: own.filter { !$0.isError }.inReadingOrder(),
            effectiveSettings: settings))
      }
    }

    let all = (d.diagnostics + variantDiagnostics).uniqued().inReadingOrder()
    if all.contains(where: \.isError) { throw ScenarioErrors(all) }
    return LoadedScenario(
      sourcePath: fileName, configuration: configuration,
      warnings: d.diagnostics.filter { !$0.isError }.inReadingOrder(), variants: variants,
      overrides: arguments.map(\.override),
      effectiveSettings: TerraformSettingDetails.adding(
        to: EffectiveSetting.list(configuration, origin: baseOrigin), from: fromTerraform, origin: baseOrigin))
  }

  // MARK: - Helpers

  private struct ParsedOverride {
    var override: ScenarioOverride
    var node: ScenarioNode
  }

  /// Parses `PATH=VALUE` arguments; bad ones become diagnostics naming `--set`.
  private static func readOverrides(_ arguments: [String], _ d: inout ValueDecoder) -> [ParsedOverride] {
    var result: [ParsedOverride] = []
    for argument in arguments {
      let source = ScenarioSource.commandLine(argument)
      let location = SourceLocation(source: source)
      guard let override = ScenarioOverride(argument: argument) else {
        d.report(
          .error, at: location, path: nil, "expected PATH=VALUE, e.g. --set event_source.batch_size=5", found: argument)
        continue
      }
      if let problem = ScenarioSchema.checkPath(override.keyPath) {
        let path = override.keyPath.isEmpty ? nil : override.keyPath
        d.report(.error, at: location, path: path, problem, found: override.keyPath)
        continue
      }
      var problems: [ScenarioDiagnostic] = []
      let node: ScenarioNode
      if override.value.trimmingSpaces.isEmpty {
        node = .scalar(.init(text: "", isPlain: true, location: location))
      } else if let parsed = YAMLReader.parse(override.value, source: source, diagnostics: &problems) {
        node = parsed
      } else {
        d.diagnostics += problems.map {
          var p = $0; p.keyPath = override.keyPath; return p
        }
        continue
      }
      d.diagnostics += problems.map {
        var p = $0; p.keyPath = p.keyPath.map { "\(override.keyPath).\($0)" } ?? override.keyPath; return p
      }
      result.append(ParsedOverride(override: override, node: node))
    }
    return result
  }

  private static func components(_ path: String) -> ArraySlice<String> {
    path.split(separator: ".").map(String.init)[...]
  }

  /// Whether setting `a` changes the value at `b` (equal, or one inside the other).
  private static func overlaps(_ a: String, _ b: String) -> Bool {
    a == b || b.hasPrefix(a + ".") || a.hasPrefix(b + ".") || b.hasPrefix(a + "[") || a.hasPrefix(b + "[")
  }

  /// `deployments[3].config` when the list has no entry 3.
  private static func noSuchEntry(_ path: String) -> String {
    "'\(path)' names an entry of a list the scenario does not have (indexes count from 0); set the whole list instead, e.g. deployments='[{...}]'"
  }
}
