/// A value of the scenario tree and its dotted key path (`event_source.batch_size`,
/// `traffic.bursts[1].x`).
struct Value: Sendable {
  var node: ScenarioNode
  var path: String

  func child(_ key: String, _ node: ScenarioNode) -> Value { Value(node: node, path: "\(path).\(key)") }
  func item(_ index: Int, _ node: ScenarioNode) -> Value { Value(node: node, path: "\(path)[\(index)]") }
}

/// The keys of a mapping value that passed `ValueDecoder.mapping`, by name.
struct Fields: Sendable {
  var value: Value
  var entries: [String: Value]
  subscript(key: String) -> Value? { entries[key] }
}
