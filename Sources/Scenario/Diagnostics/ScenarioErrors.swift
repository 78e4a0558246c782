/// Every problem of a scenario that cannot run: all its errors (at least one), and the warnings
/// found along the way, in the order a reader meets them (file positions first, then the
/// command line, then problems of the whole file).
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
  public let diagnostics: [ScenarioDiagnostic]

  public init(_ diagnostics: [ScenarioDiagnostic]) {
    self.diagnostics = diagnostics
  }

  public var errors: [ScenarioDiagnostic] { diagnostics.filter(\.isError) }
  public var warnings: [ScenarioDiagnostic] { diagnostics.filter { !$0.isError } }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

  /// How many diagnostics a command prints before it only counts the rest (a trace file
  /// lists 10 problems of its own).
  public static let maximumShown = 20

  /// The first `maximumShown` diagnostics, one per line, then one line counting the rest
  /// (`… and 999,980 more errors not shown`), so a file of a million mistakes prints a page.
  public func lines(maximumShown: Int = ScenarioErrors.maximumShown) -> [String] {
    var lines = diagnostics.prefix(maximumShown).map(\.description)
    let rest = diagnostics.dropFirst(maximumShown)
    guard !rest.isEmpty else { return lines }
    let errors = rest.filter(\.isError).count, warnings = rest.count - errors
    var parts: [String] = []
    if errors > 0 { parts.append("\(Self.grouped(errors)) more error\(errors == 1 ? "" : "s")") }
    if warnings > 0 { parts.append("\(Self.grouped(warnings)) more warning\(warnings == 1 ? "" : "s")") }
    lines.append("… and \(parts.joined(separator: " and ")) not shown; fix the ones above first")
    return lines
  }

  /// `1234567` → `1,234,567`.
  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return out
  }
}

extension [ScenarioDiagnostic] {
  /// Stable reading order: by source (files in order of first appearance, then `--set`
  /// arguments), then line and column; diagnostics without a line come after those of their
  /// source with one; ties keep the order in which they were found.
  func inReadingOrder() -> [ScenarioDiagnostic] {
    var sourceRank: [ScenarioSource: Int] = [:]
    for d in self where sourceRank[d.location.source] == nil {
      let isFile = if case .file = d.location.source { true } else { false }
      sourceRank[d.location.source] = (isFile ? 0 : 1_000_000) + sourceRank.count
    }
    return enumerated().sorted { a, b in
      let ka = (
        sourceRank[a.element.location.source]!, a.element.location.line ?? .max, a.element.location.column ?? 0,
        a.offset
      )
      let kb = (
        sourceRank[b.element.location.source]!, b.element.location.line ?? .max, b.element.location.column ?? 0,
        b.offset
      )
      return ka < kb
    }.map(\.element)
  }

  /// The same list without repeats, keeping first occurrences.
  func uniqued() -> [ScenarioDiagnostic] {
    var seen = Set<ScenarioDiagnostic>()
    return filter { seen.insert($0).inserted }
  }
}
