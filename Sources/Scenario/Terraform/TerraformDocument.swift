import Foundation

/// A `terraform show -json` document: a plan (`planned_values`) or a state (`values`).
///
/// Format followed: Terraform's "JSON Output Format" (internals/json-format), `format_version`
/// "1.x" as written by Terraform 1.1 and later (and OpenTofu). HashiCorp raises the minor
/// version only for backward-compatible additions and asks readers to reject an unsupported
/// major version, so any "1.x" is read (unknown members ignored) and anything else is
/// refused (aws-behaviour.md §10 "Terraform JSON output"). Read here: every module's
/// `resources[]` (`address`, `mode`, `type`, `values`) through nested `child_modules[]`, and
/// the plan's `resource_changes[].change.after_unknown` to tell an attribute known only after
/// apply from one the file leaves out.
public struct TerraformDocument: Sendable {
  public enum Kind: String, Sendable {
    case plan
    case state
  }

  /// The file, as given (after resolving against the scenario's folder).
  public var path: String
  public var kind: Kind
  /// Managed resources (data sources are skipped), in file order, modules depth first.
  public var resources: [TerraformResource]

  /// Every problem: where (the file and a JSON path) and what.
  public struct Problem: Error, Sendable, Equatable {
    public var jsonPath: String
    public var message: String
  }

  /// The major `format_version` this reader understands.
  public static let supportedMajorVersion = 1

  /// Reads and checks the document at `path`.
  public static func read(path: String) -> Result<TerraformDocument, Problem> {
    switch FileContents.read(path) {
    case .failure(let problem): return .failure(Problem(jsonPath: "", message: "cannot read the plan: \(problem)"))
    case .success(let bytes): return parse(bytes, path: path)
    }
  }

  /// Parses `bytes` as read from `path`.
  public static func parse(_ bytes: [UInt8], path: String) -> Result<TerraformDocument, Problem> {
    let root: TerraformJSON
    do {
      root = try JSONDecoder().decode(TerraformJSON.self, from: Data(bytes))
    } catch {
      return .failure(Problem(jsonPath: "", message: "not valid JSON (\(Self.describe(error))); " + Self.howToMake))
    }
    guard case .object = root else {
      return .failure(Problem(jsonPath: "", message: "the top level must be an object, found \(root.foundDescription)"))
    }
    guard let version = root["format_version"]?.string else {
      return .failure(
        Problem(
          jsonPath: "format_version",
          message: "missing or not a string: a `terraform show -json` document starts with \"format_version\"; "
            + howToMake))
    }
    let major = version.split(separator: ".").first.flatMap { Int($0) }
    guard major == supportedMajorVersion else {
      return .failure(
        Problem(
          jsonPath: "format_version",
          message: "unsupported format_version \"\(version)\": peaksim reads format 1.x "
            + "(`terraform show -json` from Terraform 1.1 or later, or OpenTofu)"))
    }
    let kind: Kind
    let module: TerraformJSON
    let modulePath: String
    if let planned = root["planned_values"]?["root_module"] {
      (kind, module, modulePath) = (.plan, planned, "planned_values.root_module")
    } else if let state = root["values"]?["root_module"] {
      (kind, module, modulePath) = (.state, state, "values.root_module")
    } else if root["values"]?.isNull == true || (root["values"] == nil && root["planned_values"] == nil) {
      // `terraform show -json` of an empty state writes only the version numbers.
      return .success(TerraformDocument(path: path, kind: .state, resources: []))
    } else {
      return .failure(
        Problem(
          jsonPath: "planned_values.root_module",
          message: "neither planned_values.root_module (a plan) nor values.root_module (a state) is an object"))
    }
    var unknown: [String: [String]] = [:]
    for change in root["resource_changes"]?.array ?? [] {
      guard let address = change["address"]?.string, case .object(let marks)? = change["change"]?["after_unknown"]
      else { continue }
      unknown[address] = marks.filter { $0.value != .bool(false) && $0.value != .null }.map(\.key).sorted()
    }
    var resources: [TerraformResource] = []
    collect(module, path: modulePath, unknown: unknown, into: &resources)
    return .success(TerraformDocument(path: path, kind: kind, resources: resources))
  }

  /// The resources of `type`, in file order.
  public func resources(ofType type: String) -> [TerraformResource] { resources.filter { $0.type == type } }

  // MARK: - Helpers

  static let howToMake =
    "write it with `terraform show -json PLANFILE > plan.json` (or `terraform show -json` for the state)"

  private static func collect(
    _ module: TerraformJSON, path: String, unknown: [String: [String]], into resources: inout [TerraformResource]
  ) {
    for (index, resource) in (module["resources"]?.array ?? []).enumerated() {
      guard resource["mode"]?.string ?? "managed" == "managed", let address = resource["address"]?.string,
        let type = resource["type"]?.string
      else { continue }
      resources.append(
        TerraformResource(
          address: address, type: type, values: resource["values"] ?? .object([:]),
          jsonPath: "\(path).resources[\(index)]", unknownAttributes: unknown[address] ?? []))
    }
    for (index, child) in (module["child_modules"]?.array ?? []).enumerated() {
      collect(child, path: "\(path).child_modules[\(index)]", unknown: unknown, into: &resources)
    }
  }

  private static func describe(_ error: any Error) -> String {
    guard case DecodingError.dataCorrupted(let context) = error else { return "\(error)" }
    if let underlying = context.underlyingError as NSError?,
      let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
    {
      return detail
    }
    return context.debugDescription
  }
}
