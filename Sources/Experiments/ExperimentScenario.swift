import Foundation
import PipelineModel
import Scenario

/// The scenario of an experiment as the command line gave it: the file, the `--set` arguments
/// and `--seed`, loaded and checked, with the digest of the file's bytes.
///
/// Experiments that change a setting per run (sweep points, sizing values) load the file again
/// with one more `--set PATH=VALUE`, so every value goes through the scenario's own checks.
public struct ExperimentScenario: Sendable {
  public let path: String
  public let overrides: [String]
  public let seedOverride: UInt64?
  public let loaded: LoadedScenario
  /// FNV-1a 64 of the file's bytes (``ExperimentHeader/scenarioDigest``).
  public let digest: String

  public var configuration: PipelineConfiguration { loaded.configuration }

  /// Loads `path` with `overrides` and `seed`.
  /// - Throws: ``ExperimentError/invalidScenario(context:errors:)``.
  public init(path: String, overrides: [String] = [], seed: UInt64? = nil) throws(ExperimentError) {
    do {
      loaded = try ScenarioLoader.load(path: path, overrides: overrides, seedOverride: seed)
    } catch {
      throw .invalidScenario(context: path, errors: error)
    }
    self.path = path
    self.overrides = overrides
    self.seedOverride = seed
    let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    digest = ExperimentHeader.digest(of: bytes)
  }

  /// The configuration with `extra` `--set` arguments applied after the experiment's own.
  /// - Throws: ``ExperimentError/invalidScenario(context:errors:)`` naming `context`.
  public func configuration(adding extra: [String], context: String) throws(ExperimentError) -> PipelineConfiguration {
    do {
      return try ScenarioLoader.load(path: path, overrides: overrides + extra, seedOverride: seedOverride).configuration
    } catch {
      throw .invalidScenario(context: "\(path): \(context)", errors: error)
    }
  }
}
