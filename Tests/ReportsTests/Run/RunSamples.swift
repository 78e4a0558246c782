import Foundation
import PipelineModel
import Reports
import Scenario
import SimulationKernel
import TestSupport
import Testing

/// Small runs for the report tests, each simulated once per process.
enum RunSamples {
  /// The samples by name, for parameterised tests (whose arguments are printed).
  enum Kind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case decoupled, synchronous
    var result: RunResult { self == .decoupled ? RunSamples.decoupled : RunSamples.synchronous }
    var testDescription: String { rawValue }
  }

  /// Two minutes of a small decoupled pipeline with a calendar start, defects and duplicates
  /// (so the DLQ, the duplicates and every chart have something in them).
  static let decoupled: RunResult = {
    var c = PipelineConfiguration(name: "sample", duration: .minutes(3), traffic: TrafficConfiguration(baseline: 30))
    c.description = "A \"sample\" run,\nfor the tests\t(with escapes)"
    c.seed = 3
    c.interval = .seconds(15)
    c.startEpochSeconds = 1_795_651_200  // 2026-11-26T00:00:00Z
    c.queue.visibilityTimeout = .seconds(6)
    c.queue.maxReceiveCount = 2
    c.lambda.timeout = .seconds(1)
    c.orders.defects.priceAsString = 0.02
    c.orders.defects.malformedJSON = 0.01
    c.orders.duplicates = 0.01
    return try! Simulation.run(c)
  }()

  /// The same pipeline without `start`, synchronous, with a table too small for it.
  static let synchronous: RunResult = {
    var c = PipelineConfiguration(name: "sync", duration: .minutes(2), traffic: TrafficConfiguration(baseline: 40))
    c.architecture = .synchronous
    c.interval = .seconds(10)
    c.table.mode = .provisioned
    c.table.writeCapacity = 10
    c.table.partitions = 1
    return try! Simulation.run(c)
  }()

  static func report(_ result: RunResult, wallSeconds: Double = 1.5) -> RunReport {
    let warning = ScenarioDiagnostic(
      severity: .warning, location: SourceLocation(source: .file("sample.yaml"), line: 12, column: 3),
      keyPath: "queue.max_receive_count", message: "2 is below the 5 AWS recommends with Lambda")
    let settings = [
      EffectiveSetting(keyPath: "name", value: "sample", origin: .file),
      EffectiveSetting(keyPath: "seed", value: "3", origin: .commandLine),
      EffectiveSetting(keyPath: "queue.retention", value: "4d", origin: .default),
    ]
    return RunReport(result: result, warnings: [warning], effectiveSettings: settings, wallSeconds: wallSeconds)
  }

  /// The repository's root (for `scenarios/`).
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func temporaryDirectory() throws -> String { try ScratchDirectory.make("peaksim-reports") }
}
