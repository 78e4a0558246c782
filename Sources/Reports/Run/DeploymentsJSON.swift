import PipelineModel

/// `summary.json` `deployments` (SCENARIO.md "Additions"), written only when the scenario has
/// deployments: one object per deployment, in the scenario's order, with
///
/// - `name`, `config`, `outcome` (`succeeded` | `rolled_back` | `stopped` | `running_at_end` |
///   `waiting_at_end` | `not_started`), `requested_s`, `start_s`, `waited_s`, `end_s` (`null`
///   when not reached)
/// - `new_version_invocations`, `new_version_errors`, `new_version_messages`,
///   `returned_messages` (messages the new version's failed invocations sent back to the queue:
///   each spends a receive), `old_version_invocations`, `old_version_messages` (while the
///   deployment was under way), `max_new_version_share`
/// - `timeline`: a list of `{at_s, event, weight?, metric?}`, event one of `requested`,
///   `started`, `shift`, `alarm`, `rolled_back`, `stopped`, `succeeded`
///
/// and `deployments_dlq_valid`: valid orders the DLQ received after a release threw on their
/// last receive.
enum DeploymentsJSON {
  static func value(_ record: DeploymentRecord) -> JSONValue {
    func seconds(_ s: Double?) -> JSONValue { s.map { .number($0) } ?? .null }
    var waited: Double?
    if let start = record.startSeconds, let requested = record.requestedSeconds { waited = start - requested }
    return .object([
      ("name", .string(record.name)),
      ("config", .string(record.config)),
      ("outcome", .string(record.outcome.rawValue)),
      ("requested_s", seconds(record.requestedSeconds)),
      ("start_s", seconds(record.startSeconds)),
      ("waited_s", seconds(waited)),
      ("end_s", seconds(record.endSeconds)),
      ("new_version_invocations", .integer(record.newVersionInvocations)),
      ("new_version_errors", .integer(record.newVersionErrors)),
      ("new_version_messages", .integer(record.newVersionMessages)),
      ("returned_messages", .integer(record.returnedMessages)),
      ("old_version_invocations", .integer(record.oldVersionInvocations)),
      ("old_version_messages", .integer(record.oldVersionMessages)),
      ("max_new_version_share", .number(record.maxNewVersionShare)),
      ("timeline", .array(record.timeline.map(step))),
    ])
  }

  static func step(_ step: DeploymentRecord.Step) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [("at_s", .number(step.seconds))]
    switch step.kind {
    case .requested: members.append(("event", .string("requested")))
    case .started: members.append(("event", .string("started")))
    case .shift(let weight):
      members.append(("event", .string("shift")))
      members.append(("weight", .number(weight)))
    case .alarm(let metric):
      members.append(("event", .string("alarm")))
      members.append(("metric", .string(metric)))
    case .rolledBack: members.append(("event", .string("rolled_back")))
    case .stopped: members.append(("event", .string("stopped")))
    case .succeeded: members.append(("event", .string("succeeded")))
    }
    return .object(members)
  }
}

extension JSONValue {
  /// The document with `deployments` at its end, when the run had deployments.
  func addingDeployments(_ result: RunResult) -> JSONValue {
    guard !result.configuration.deployments.isEmpty, case .object(var members) = self else { return self }
    members.append(("deployments", .array(result.deployments.map(DeploymentsJSON.value))))
    members.append(("deployments_dlq_valid", .integer(result.dlqValidFromReleaseErrors)))
    return .object(members)
  }
}
