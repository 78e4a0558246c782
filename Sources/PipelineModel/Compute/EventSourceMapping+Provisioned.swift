import SimulationKernel

/// Provisioned mode's read throughput (§2 "Provisioned mode for SQS ESM": about 1 MB/s per
/// event poller), kept apart from the receive path: the pipeline asks before a poll, charges a
/// batch when it is first invoked, and notes each message's body size when it is sent.
extension EventSourceMapping {
  /// Whether poller `p` must wait for the fleet's read throughput before receiving; if so it
  /// is parked (neither idle nor gathering) and an event wakes it when the debt is repaid.
  mutating func waitsForThroughput(_ p: UInt32, now: SimTime, scheduler: inout EventScheduler<PipelineEvent>)
    -> Bool
  {
    guard throughput != nil else { return false }
    let eventPollers = scaling.eventPollers
    throughput?.refill(now: now, eventPollers: eventPollers)
    guard let wait = throughput?.wait(eventPollers: eventPollers) else { return false }
    pollers[Int(p)].state = .paced
    scheduler.schedule(.eventSource(.throughputWaitEnded(handle(of: p))), after: wait)
    return true
  }

  /// Charges poller `p`'s batch to the read throughput the first time it is invoked (a
  /// throttled batch's retries read nothing new).
  mutating func chargeThroughput(_ p: UInt32) {
    guard throughput != nil, pollers[Int(p)].invokeAttempts == 0 else { return }
    var bytes = 0
    for d in pollers[Int(p)].deliveries { bytes += throughput?.bytes(ofSlot: d.receipt.slot) ?? 0 }
    throughput?.charge(bytes: bytes)
  }

  /// Notes the body size of a message sent into `slot` (provisioned mode only).
  mutating func noteMessageSize(slot: UInt32, bytes: Int32) {
    throughput?.note(slot: slot, bytes: bytes)
  }
}
