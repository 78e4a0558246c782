import SimulationKernel

/// Reads typed values out of `ScenarioNode`s and collects every problem as a diagnostic,
/// instead of stopping at the first. Each method returns `nil` after reporting a problem.
///
/// Messages are lower-case fragments of the form "must be <allowed>, found <found>".
struct ValueDecoder {
  var diagnostics: [ScenarioDiagnostic] = []
  /// The variant being decoded, named in every diagnostic.
  var variant: String?
  /// Folder of the scenario file, as given (empty = current folder): trace paths in the file
  /// are relative to it; trace paths in `--set` arguments are relative to the current folder.
  var scenarioDirectory: String = ""
  /// Traces read so far, shared by the decoders of one load (the scenario and its variants).
  var traceCache = TraceCache()
  /// Unknown keys reported so far: only the first ``maximumSuggested`` get a did-you-mean.
  var unknownKeys = 0
  /// Whether the scenario has a `delivery` section: `deployments[].after_build` needs one.
  var deliveryPresent = false
  static let maximumSuggested = 1_000

  // MARK: - Reporting

  mutating func report(
    _ severity: ScenarioDiagnostic.Severity, at location: SourceLocation, path: String?, _ message: String,
    found: String? = nil, allowed: String? = nil
  ) {
    diagnostics.append(
      ScenarioDiagnostic(
        severity: severity, location: location, keyPath: path, message: message, found: found, allowed: allowed,
        variant: variant))
  }

  mutating func error(_ v: Value, _ message: String, found: String? = nil, allowed: String? = nil) {
    report(.error, at: v.node.location, path: v.path, message, found: found, allowed: allowed)
  }

  /// "must be <allowed>, found <what was written>".
  mutating func mustBe(_ v: Value, _ allowed: String, note: String = "") {
    let found = v.node.foundDescription
    error(v, "must be \(allowed), found \(found)\(note)", found: found, allowed: allowed)
  }

  // MARK: - Scalars

  /// The text of a scalar that isn't `null`; reports a mapping, list or null.
  mutating func scalarText(_ v: Value, _ allowed: String) -> String? {
    guard case .scalar(let s) = v.node, !v.node.isNull else {
      mustBe(v, allowed)
      return nil
    }
    return s.text
  }

  mutating func string(_ v: Value) -> String? { scalarText(v, "text") }

  /// A scenario or variant name (`ScenarioName`): it names a report folder.
  mutating func folderName(_ v: Value) -> String? {
    let allowed = "a name of letters, digits, '.', '_' and '-' (it names the report folder)"
    guard let text = scalarText(v, allowed) else { return nil }
    guard ScenarioName.isValid(text) else {
      mustBe(v, allowed)
      return nil
    }
    return text
  }

  mutating func integer(_ v: Value, _ range: ClosedRange<Int>) -> Int? {
    let allowed = "an integer " + Self.describe(range)
    guard let text = scalarText(v, allowed) else { return nil }
    guard let number = DecimalNumber.parse(text), number.isIntegerLiteral,
      let (value, _) = number.scaled(by: 1), let int = Int(exactly: value)
    else {
      mustBe(v, allowed)
      return nil
    }
    guard range.contains(int) else {
      mustBe(v, allowed)
      return nil
    }
    return int
  }

  mutating func unsigned64(_ v: Value) -> UInt64? {
    let allowed = "an integer from 0 to \(UInt64.max)"
    guard let text = scalarText(v, allowed) else { return nil }
    let digits = text.trimmingSpaces.filter { $0 != "_" }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = UInt64(digits) else {
      mustBe(v, allowed)
      return nil
    }
    return value
  }

  /// A plain number (no unit) in `range`.
  mutating func number(_ v: Value, _ range: ClosedRange<Double>, _ allowed: String? = nil) -> Double? {
    let allowed = allowed ?? "a number " + Self.describe(range)
    guard let text = scalarText(v, allowed) else { return nil }
    guard let number = DecimalNumber.parse(text) else {
      if case .success = Units.duration(text) {
        mustBe(v, allowed, note: " (a plain number here, without a unit)")
      } else {
        mustBe(v, allowed)
      }
      return nil
    }
    let value = number.double
    guard value.isFinite, range.contains(value) else {
      mustBe(v, allowed)
      return nil
    }
    return value
  }

  mutating func fraction(_ v: Value) -> Double? { number(v, 0...1, "a fraction from 0 to 1") }

  /// `true` or `false` (YAML 1.2; `yes`, `on` and friends are not booleans here).
  mutating func bool(_ v: Value) -> Bool? {
    guard let text = scalarText(v, "true or false") else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      mustBe(v, "true or false")
      return nil
    }
  }

  /// One of an enumeration's raw values, with a did-you-mean.
  mutating func choice<E: RawRepresentable & CaseIterable>(_ v: Value, _ type: E.Type) -> E?
  where E.RawValue == String {
    let names = E.allCases.map(\.rawValue)
    let allowed = Suggestions.list(names)
    guard let text = scalarText(v, allowed) else { return nil }
    if let value = E(rawValue: text) { return value }
    let hint = Suggestions.nearest(to: text, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    mustBe(v, allowed, note: hint)
    return nil
  }

  /// `nil` for `null`, otherwise what `decode` reads; `.none` after a problem.
  mutating func optional<T>(_ v: Value, _ decode: (inout ValueDecoder, Value) -> T?) -> T?? {
    if v.node.isNull { return .some(nil) }
    guard let value = decode(&self, v) else { return .none }
    return .some(value)
  }

  // MARK: - Values with units

  mutating func duration(_ v: Value, _ range: ClosedRange<SimDuration>) -> SimDuration? {
    let allowed = "a duration " + Self.describe(range)
    guard let text = scalarText(v, "a duration such as 30s or 250ms") else { return nil }
    switch Units.duration(text) {
    case .success(let d):
      guard range.contains(d) else {
        mustBe(v, allowed)
        return nil
      }
      return d
    case .failure(let problem):
      unitProblem(
        v, problem, kind: "duration", example: "30s", units: Units.durationUnitList, exampleUnit: "s", range: allowed)
      return nil
    }
  }

  /// A rate, per second.
  mutating func rate(_ v: Value, _ range: ClosedRange<Double>, _ allowed: String? = nil) -> Double? {
    guard let text = scalarText(v, "a rate such as 120/s") else { return nil }
    switch Units.rate(text) {
    case .success(let r):
      guard range.contains(r) else {
        mustBe(v, allowed ?? "a rate " + Self.describeRate(range))
        return nil
      }
      return r
    case .failure(let problem):
      unitProblem(
        v, problem, kind: "rate", example: "120/s", units: Units.rateUnitList, exampleUnit: "/s",
        range: allowed ?? "a rate " + Self.describeRate(range))
      return nil
    }
  }

  /// A size, in bytes.
  mutating func size(_ v: Value, _ range: ClosedRange<Int>) -> Int? {
    guard let text = scalarText(v, "a size such as 1KB or 256KiB") else { return nil }
    switch Units.size(text) {
    case .success(let bytes):
      guard range.contains(bytes) else {
        mustBe(v, "a size from \(Units.renderSize(range.lowerBound)) to \(Units.renderSize(range.upperBound))")
        return nil
      }
      return bytes
    case .failure(let problem):
      unitProblem(
        v, problem, kind: "size", example: "1KB", units: Units.sizeUnitList, exampleUnit: "KB",
        range: "a size from \(Units.renderSize(range.lowerBound)) to \(Units.renderSize(range.upperBound))")
      return nil
    }
  }

  private mutating func unitProblem(
    _ v: Value, _ problem: Units.Problem, kind: String, example: String, units: String, exampleUnit: String,
    range: String
  ) {
    let found = v.node.foundDescription
    let allowed = "a \(kind) with a unit (\(units))"
    switch problem {
    case .missingUnit:
      let number = found.trimmingSpaces
      error(
        v, "must be a \(kind) with a unit, found \(found): add a unit, e.g. \(number)\(exampleUnit) (units: \(units))",
        found: found, allowed: allowed)
    case .notANumber:
      error(v, "must be a \(kind) such as \(example), found \(found)", found: found, allowed: allowed)
    case .unknownUnit(let unit, let suggestion):
      let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
      error(
        v, "must be a \(kind) with a unit, found \(found): unknown unit '\(unit)' (\(hint)units: \(units))",
        found: found, allowed: allowed)
    case .tooLarge:
      mustBe(v, range)
    case .fractionalBytes:
      error(v, "must be a whole number of bytes, found \(found)", found: found, allowed: allowed)
    }
  }

  // MARK: - Collections

  /// A mapping whose keys are all in `allowed` and include every one of `required`. Unknown
  /// keys get a did-you-mean; missing keys are reported at the mapping.
  mutating func mapping(_ v: Value, allowed: [String], required: [String] = [], what: String? = nil) -> Fields? {
    guard case .mapping(let mapping) = v.node else {
      mustBe(v, what ?? "a mapping with keys " + Suggestions.list(allowed, conjunction: "and"))
      return nil
    }
    var fields = Fields(value: v, entries: [:])
    var ok = true
    for entry in mapping.entries {
      let child = v.child(entry.key, entry.value)
      guard allowed.contains(entry.key) else {
        unknownKey(entry.key, at: entry.keyLocation, path: child.path, allowed: allowed)
        ok = false
        continue
      }
      fields.entries[entry.key] = child
    }
    let missing = required.filter { fields.entries[$0] == nil }
    if !missing.isEmpty {
      let names = Suggestions.list(missing.map { "'\($0)'" }, conjunction: "and")
      error(
        v, "missing \(names) (needs \(Suggestions.list(required, conjunction: "and")))",
        allowed: Suggestions.list(allowed, conjunction: "and"))
      ok = false
    }
    return ok ? fields : nil
  }

  mutating func unknownKey(
    _ key: String, at location: SourceLocation, path: String, allowed: [String], elsewhere: String? = nil
  ) {
    var message = "unknown key '\(key)'"
    unknownKeys += 1
    if unknownKeys > Self.maximumSuggested {
      // Past the first thousand nobody reads them (only 20 errors are printed): no edit
      // distances and no list of the allowed keys keep a million unknown keys quick and small.
      report(.error, at: location, path: path, message, found: key)
      return
    }
    if let suggestion = Suggestions.nearest(to: key, among: allowed) {
      message += "; did you mean '\(suggestion)'?"
    } else if let elsewhere {
      message += "; did you mean '\(elsewhere)'?"
    }
    message += " (allowed here: \(allowed.joined(separator: ", ")))"
    report(.error, at: location, path: path, message, found: key, allowed: allowed.joined(separator: ", "))
  }

  mutating func list(_ v: Value, of what: String) -> [Value]? {
    if v.node.isNull { return [] }
    guard case .sequence(let items, _) = v.node else {
      mustBe(v, "a list of \(what)")
      return nil
    }
    return items.enumerated().map { v.item($0.offset, $0.element) }
  }

  // MARK: - Range texts

  static func describe(_ range: ClosedRange<Int>) -> String {
    if range.upperBound == .max { return "≥ \(range.lowerBound)" }
    return "from \(range.lowerBound) to \(range.upperBound)"
  }

  static func describe(_ range: ClosedRange<Double>) -> String {
    let lo = Units.renderNumber(range.lowerBound), hi = Units.renderNumber(range.upperBound)
    if range.upperBound == .greatestFiniteMagnitude { return "≥ \(lo)" }
    return "from \(lo) to \(hi)"
  }

  static func describeRate(_ range: ClosedRange<Double>) -> String {
    if range.upperBound == .greatestFiniteMagnitude { return "≥ \(Units.renderRate(range.lowerBound))" }
    return "from \(Units.renderRate(range.lowerBound)) to \(Units.renderRate(range.upperBound))"
  }

  static func describe(_ range: ClosedRange<SimDuration>) -> String {
    "from \(Units.render(range.lowerBound)) to \(Units.render(range.upperBound))"
  }
}

extension ClosedRange where Bound == Double {
  /// `lower…` with no upper limit other than finiteness.
  static func atLeast(_ lower: Double) -> ClosedRange<Double> { lower ... .greatestFiniteMagnitude }
}
