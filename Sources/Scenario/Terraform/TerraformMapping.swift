/// Turns the resources of a Terraform plan or state into scenario settings (issue 16).
///
/// Which resources: the event source mapping joins a queue and a function, so the mapping
/// that reads from SQS is followed first (through `event_source_arn` and `function_name`,
/// compared with the queue's `arn` and the function's `arn` or `function_name`); then the one
/// candidate of each type. With several candidates and no choice in the `terraform:`
/// section, that is an error listing them. Values keep the file's JSON path, so a value the
/// scenario's checks refuse is reported at its place in the plan.
///
/// Resources peaksim reads but cannot simulate yet (an alias captured mid-shift, CloudWatch
/// alarm names) become warnings, never invented keys. The delivery pipeline's resources fill
/// `delivery.*` keys (and the `deployments:` entries' configuration); ``TerraformSection`` keeps
/// them only when the scenario simulates a pipeline or deployments.
public struct TerraformMapping: Sendable {
  /// The settings read, in mapping order (queue, event source, function, table, delivery pipeline).
  public private(set) var settings: [TerraformSetting] = []
  /// Errors (the plan cannot be used as it is) and warnings (read but not modelled).
  public private(set) var diagnostics: [ScenarioDiagnostic] = []
  let document: TerraformDocument

  /// The chosen resources, for messages and the starter scenario.
  public private(set) var queue: TerraformResource?
  public private(set) var function: TerraformResource?
  public private(set) var eventSourceMapping: TerraformResource?
  public private(set) var table: TerraformResource?

  init(document: TerraformDocument) { self.document = document }

  /// Maps `document` with the addresses chosen in `selection`.
  public static func map(_ document: TerraformDocument, selection: TerraformSelection) -> TerraformMapping {
    var m = TerraformMapping(document: document)
    m.choose(selection)
    if let q = m.queue { m.mapQueue(q) }
    if let e = m.eventSourceMapping { m.mapEventSource(e) }
    if let f = m.function { m.mapFunction(f) }
    if let t = m.table { m.mapTable(t) }
    m.mapDelivery(selection)
    m.reportUnmodelled()
    return m
  }

  public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

  // MARK: - Choosing the resources

  private mutating func choose(_ selection: TerraformSelection) {
    let queues = document.resources(ofType: "aws_sqs_queue")
    let functions = document.resources(ofType: "aws_lambda_function")
    let tables = document.resources(ofType: "aws_dynamodb_table")
    let mappings = document.resources(ofType: "aws_lambda_event_source_mapping").filter {
      $0.known("event_source_arn")?.string.map { $0.contains(":sqs:") } ?? true
    }
    let deadLetterTargets = Set(redrivePolicyTexts().compactMap { Self.deadLetterTarget(in: $0) })
    let sourceQueues = queues.filter { q in !(q.known("arn")?.string.map(deadLetterTargets.contains) ?? false) }

    var failed = false
    let chosenQueue = selection.queue.flatMap { resolve($0, among: queues, &failed) }
    let chosenFunction = selection.function.flatMap { resolve($0, among: functions, &failed) }
    let chosenTable = selection.table.flatMap { resolve($0, among: tables, &failed) }
    if failed { return }

    let joined = mappings.filter { e in
      (chosenQueue.map { Self.joins(e, queue: $0) != false } ?? true)
        && (chosenFunction.map { Self.joins(e, function: $0) != false } ?? true)
    }
    if joined.count == 1 {
      eventSourceMapping = joined[0]
    } else if joined.count > 1 {
      if chosenQueue == nil || chosenFunction == nil {
        several(joined, what: "event source mappings that read from SQS", choose: "queue")
        return
      }
      eventSourceMapping = joined[0]
    }
    let e = eventSourceMapping
    queue =
      chosenQueue ?? e.flatMap { e in sourceQueues.first { Self.joins(e, queue: $0) == true } }
      ?? single(sourceQueues, what: "queues", choose: "queue")
    function =
      chosenFunction ?? e.flatMap { e in functions.first { Self.joins(e, function: $0) == true } }
      ?? single(functions, what: "functions", choose: "function")
    table = chosenTable ?? single(tables, what: "tables", choose: "table")
  }

  /// The resource at `choice.address`, or an error with a did-you-mean.
  mutating func resolve(
    _ choice: TerraformSelection.Choice, among candidates: [TerraformResource], _ failed: inout Bool
  ) -> TerraformResource? {
    if let found = candidates.first(where: { $0.address == choice.address }) { return found }
    failed = true
    let addresses = candidates.map(\.address)
    let type = candidates.first?.type ?? Self.resourceTypes[choice.keyPath] ?? "resource"
    var message = "no \(type) at '\(choice.address)' in \(document.path)"
    if let near = Suggestions.nearest(to: choice.address, among: addresses) { message += "; did you mean '\(near)'?" }
    message += addresses.isEmpty ? " (the plan has none)" : " (in the plan: \(addresses.joined(separator: ", ")))"
    diagnostics.append(
      ScenarioDiagnostic(
        severity: .error, location: choice.location, keyPath: choice.keyPath, message: message,
        found: choice.address, allowed: addresses.joined(separator: ", ")))
    return nil
  }

  /// The one candidate; an error when there are several.
  private mutating func single(_ candidates: [TerraformResource], what: String, choose key: String)
    -> TerraformResource?
  {
    if candidates.count <= 1 { return candidates.first }
    several(candidates, what: what, choose: key)
    return nil
  }

  mutating func several(_ candidates: [TerraformResource], what: String, choose key: String) {
    let addresses = candidates.map(\.address)
    error(
      at: candidates[1].jsonPath, keyPath: "terraform.\(key)",
      "the plan has several candidate \(what): \(addresses.joined(separator: ", ")); choose one with "
        + "terraform.\(key) in the scenario's terraform: section, e.g. terraform: {plan: …, \(key): \(addresses[0])}")
  }

  /// The resource type each `terraform:` choice names, for "no … at" messages.
  static let resourceTypes = [
    "terraform.queue": "aws_sqs_queue", "terraform.function": "aws_lambda_function",
    "terraform.table": "aws_dynamodb_table", "terraform.build_project": "aws_codebuild_project",
    "terraform.deployment_group": "aws_codedeploy_deployment_group",
  ]

  /// Whether mapping `e` reads from queue `q`; `nil` when an ARN is known only after apply.
  static func joins(_ e: TerraformResource, queue q: TerraformResource) -> Bool? {
    guard let source = e.known("event_source_arn")?.string, let arn = q.known("arn")?.string else { return nil }
    return source == arn
  }

  /// Whether mapping `e` invokes function `f` (by name, ARN, or a qualified ARN or name with
  /// an alias or version); `nil` when neither side is known.
  static func joins(_ e: TerraformResource, function f: TerraformResource) -> Bool? {
    let targets = [e.known("function_name")?.string, e.known("function_arn")?.string].compactMap { $0 }
    let names = [f.known("function_name")?.string, f.known("arn")?.string].compactMap { $0 }
    guard !targets.isEmpty, !names.isEmpty else { return nil }
    return targets.contains { t in names.contains { t == $0 || t.hasPrefix($0 + ":") } }
  }

  // MARK: - Reporting

  func location(_ jsonPath: String) -> SourceLocation {
    SourceLocation(source: .terraform(file: document.path, jsonPath: jsonPath))
  }

  mutating func error(at jsonPath: String, keyPath: String?, _ message: String) {
    diagnostics.append(
      ScenarioDiagnostic(severity: .error, location: location(jsonPath), keyPath: keyPath, message: message))
  }

  mutating func warning(at jsonPath: String, keyPath: String?, _ message: String) {
    diagnostics.append(
      ScenarioDiagnostic(severity: .warning, location: location(jsonPath), keyPath: keyPath, message: message))
  }

  mutating func add(
    _ keyPath: String, _ value: String?, from r: TerraformResource, _ attribute: String, at path: String
  ) {
    settings.append(
      TerraformSetting(keyPath: keyPath, value: value, address: r.address, attribute: attribute, jsonPath: path))
  }

  /// Maps attribute `name` of `r` to `keyPath` through `render`; an unknown value is recorded
  /// as unknown, a `null` or absent one is left to the scenario, a wrong one is an error.
  mutating func map(
    _ r: TerraformResource, _ name: String, to keyPath: String, expected: String,
    _ render: (TerraformJSON) -> String?
  ) {
    switch r.attribute(name) {
    case .absent: return
    case .unknown(let path): add(keyPath, nil, from: r, name, at: path)
    case .known(let value, let path):
      if value.isNull { return }
      guard let text = render(value) else {
        error(at: path, keyPath: keyPath, "\(r.address).\(name) must be \(expected), found \(value.foundDescription)")
        return
      }
      add(keyPath, text, from: r, name, at: path)
    }
  }
}
