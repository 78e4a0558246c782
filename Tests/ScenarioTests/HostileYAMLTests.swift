import Testing

@testable import Scenario

/// Issue 13 in the Scenario module: nesting and aliases are bounded before they can crash or
/// exhaust memory, the bound does not trip on ordinary text, and merge keys merge.
@Suite struct HostileYAMLTests {
  @Test func aBlockMappingNested200LevelsIsRefusedAtTheFirstLevelTooDeep() {
    var yaml = minimalScenario + "junk:\n"
    for level in 1...200 { yaml += String(repeating: " ", count: level) + "k\(level):\n" }
    let errors = diagnostics(yaml)
    #expect(errors.count == 1)
    // Line 5 is `junk:` (level 1), so level 64 is `k63` on line 68 and line 69 is the 65th.
    #expect(errors.first?.location.line == 69)
    #expect(errors.first?.message.hasPrefix("YAML nested more than 64 levels deep") == true)
  }

  @Test func bracketsInQuotesCommentsAndBlockTextAreNotNesting() {
    let brackets = String(repeating: "[", count: 200)
    #expect(YAMLNesting.firstTooDeep(in: "description: \"\(brackets)\"\n") == nil)
    #expect(YAMLNesting.firstTooDeep(in: "description: '\(brackets)'\n") == nil)
    #expect(YAMLNesting.firstTooDeep(in: "name: x # \(brackets)\n") == nil)
    #expect(YAMLNesting.firstTooDeep(in: "description: |\n  \(brackets)\n  {{{{\nname: x\n") == nil)
    #expect(YAMLNesting.firstTooDeep(in: "description: it's [not] {nested\n") == nil)
    #expect(YAMLNesting.firstTooDeep(in: "description: \(brackets)\n")?.depth == 65)
  }

  @Test func aliasesMayRepeatAFewValuesButNotAHundredThousand() {
    let few = minimalScenario + "lambda:\n  cold_start: &d {dist: constant, value: 1s}\ntable:\n  latency: *d\n"
    #expect(diagnostics(few).isEmpty)
    var bomb = minimalScenario + "x:\n  a: &a [1,2,3,4,5,6,7,8,9,10]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g"] {
      bomb += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
      previous = name
    }
    let errors = diagnostics(bomb)
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("repeat more than 100000 values") == true)
    #expect(errors.first?.location.line != nil)
  }

  @Test func aMergeKeyMergesWithTheMappingsOwnKeysWinning() throws {
    let yaml =
      minimalScenario
      + "lambda:\n  cold_start: &d {dist: lognormal, median: 300ms, sigma: 0.5}\ntable:\n  latency:\n    <<: *d\n    median: 6ms\n"
    let scenario = try parse(yaml).get()
    let latency = scenario.effectiveSettings.first { $0.keyPath == "table.latency" }
    #expect(latency?.value == "{dist: lognormal, median: 6ms, sigma: 0.5}")
  }

  @Test func aMergeKeyOnAScalarSaysWhatItTakes() {
    let errors = diagnostics(minimalScenario + "lambda:\n  <<: 5\n")
    #expect(errors.first?.message.hasPrefix("a merge key (<<) takes a mapping or a list of mappings") == true)
  }

  @Test func errorsPastTwentyAreCounted() {
    var yaml = minimalScenario
    for i in 0..<30 { yaml += "unknown_\(i): 1\n" }
    guard case .failure(let errors) = parse(yaml) else {
      Issue.record("30 unknown keys were accepted")
      return
    }
    let lines = errors.lines()
    #expect(lines.count == 21)
    #expect(lines.last == "… and 10 more errors not shown; fix the ones above first")
  }
}
