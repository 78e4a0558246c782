import SimulationKernel

/// The event source mapping's scaling policy, chosen by configuration: standard
/// (``PollerScaling``, §2 "Initial concurrency" … "Scale-down") or provisioned mode
/// (``ProvisionedPollerScaling``, §2 "Provisioned mode for SQS ESM").
enum PollerScalingPolicy: Sendable {
  case standard(PollerScaling)
  case provisioned(ProvisionedPollerScaling)

  init(configuration: EventSourceConfiguration, accountAvailable: Int) {
    if let mode = configuration.provisionedMode {
      self = .provisioned(ProvisionedPollerScaling(mode: mode, accountAvailable: accountAvailable))
    } else {
      self = .standard(PollerScaling(configuration: configuration, accountAvailable: accountAvailable))
    }
  }

  var ceiling: Int {
    switch self {
    case .standard(let s): s.ceiling
    case .provisioned(let s): s.ceiling
    }
  }

  /// Concurrent batches wanted now.
  var pollers: Int {
    switch self {
    case .standard(let s): s.pollers
    case .provisioned(let s): s.pollers
    }
  }

  /// Provisioned event pollers (billed in event poller units); 0 in standard mode.
  var eventPollers: Int {
    switch self {
    case .standard: 0
    case .provisioned(let s): s.eventPollers
    }
  }

  mutating func tick(now: SimTime, messagesWaiting: Bool, receivedRecently: Bool, emptyLongPolls: Int) {
    switch self {
    case .standard(var s):
      s.tick(
        now: now, messagesWaiting: messagesWaiting, receivedRecently: receivedRecently, emptyLongPolls: emptyLongPolls)
      self = .standard(s)
    case .provisioned(var s):
      s.tick(messagesWaiting: messagesWaiting, emptyLongPolls: emptyLongPolls)
      self = .provisioned(s)
    }
  }

  mutating func backOff() {
    switch self {
    case .standard(var s):
      s.backOff()
      self = .standard(s)
    case .provisioned(var s):
      s.backOff()
      self = .provisioned(s)
    }
  }
}
