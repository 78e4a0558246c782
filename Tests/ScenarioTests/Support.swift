import Foundation
import PipelineModel
import TestSupport

@testable import Scenario

/// The smallest valid scenario: the three required keys.
let minimalScenario = """
  name: minimal
  duration: 1h
  traffic:
    baseline: 10/s

  """

enum Fixtures {
  /// `Tests/ScenarioTests/Fixtures`.
  static let directory: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures"
  }()

  static func path(_ name: String) -> String { directory + "/" + name }
}

/// Parses `yaml` as `test.yaml`, returning the scenario or the errors.
func parse(
  _ yaml: String, overrides: [String] = [], seed: UInt64? = nil, fileName: String = "test.yaml"
) -> Result<LoadedScenario, ScenarioErrors> {
  Result { () throws(ScenarioErrors) in
    try ScenarioLoader.parse(text: yaml, fileName: fileName, overrides: overrides, seedOverride: seed)
  }
}

/// The errors of a scenario that must fail to load (empty when it loaded), without warnings.
func diagnostics(_ yaml: String, overrides: [String] = [], fileName: String = "test.yaml") -> [ScenarioDiagnostic] {
  switch parse(yaml, overrides: overrides, fileName: fileName) {
  case .success: return []
  case .failure(let errors): return errors.errors
  }
}

/// The warnings of a scenario, loaded or not.
func warnings(_ yaml: String, overrides: [String] = []) -> [ScenarioDiagnostic] {
  switch parse(yaml, overrides: overrides) {
  case .success(let s): return s.warnings
  case .failure(let errors): return errors.warnings
  }
}

/// The minimal scenario plus `extra` YAML appended (top-level sections).
func scenario(_ extra: String) -> String { minimalScenario + extra }

/// A fresh empty folder, removed when the test process exits.
func temporaryDirectory() throws -> String { try ScratchDirectory.make("peaksim-scenario-tests") }

func write(_ bytes: [UInt8], to path: String) throws {
  try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func write(_ text: String, to path: String) throws {
  try write(Array(text.utf8), to: path)
}

extension Result {
  var value: Success? { if case .success(let v) = self { v } else { nil } }
  var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
}
