import Foundation

@testable import Experiments

enum Fixtures {
  /// `Tests/ExperimentsTests/Fixtures`.
  static let directory: String = {
    let file = #filePath
    guard let slash = file.lastIndex(of: "/") else { return "Fixtures" }
    return String(file[..<slash]) + "/Fixtures"
  }()

  static func path(_ name: String) -> String { directory + "/" + name }

  /// The package's root, for the scenarios it ships.
  static let repositoryRoot: String = {
    var parts = directory.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/ExperimentsTests/Fixtures
    return parts.joined(separator: "/")
  }()

  /// `tiny.yaml`: two simulated minutes, ~3,600 orders, two variants.
  static func tiny(overrides: [String] = [], seed: UInt64? = nil) throws -> ExperimentScenario {
    try ExperimentScenario(path: path("tiny.yaml"), overrides: overrides, seed: seed)
  }
}

/// Report files as name → bytes, for byte-for-byte comparisons.
func bytes(_ files: [ReportFolder.File]) -> [String: [UInt8]] {
  var map: [String: [UInt8]] = [:]
  for file in files { map[file.name] = Array(file.contents.utf8) }
  return map
}
