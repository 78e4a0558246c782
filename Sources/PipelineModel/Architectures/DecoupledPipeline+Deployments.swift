import SimulationKernel

/// The decoupled pipeline's wiring to the CodeDeploy deployment group (``DeploymentGroup``):
/// its events, the alias's choice of version per batch (aws-behaviour.md §10 "ESM on an
/// alias"), and the figures of the version being deployed.
extension DecoupledPipeline {
  mutating func handleDeployment(_ event: DeploymentEvent) {
    if case .minuteTick = event {
      let reading = CloudWatchDatapoints.Reading(
        errorsTotal: recorder.totals[.functionErrors], throttlesTotal: recorder.totals[.lambdaThrottles],
        dlqVisible: queue.dlqCount, oldestAge: queue.oldestAge(now: now))
      deployments.minuteTick(reading, now: now, scheduler: &scheduler)
      return
    }
    deployments.advance(event, function: &lambda, now: now, scheduler: &scheduler)
  }

  @inline(__always)
  mutating func noteInvocationStarted(version: UInt8, messages: Int) {
    if deployments.isEmpty { return }
    if deployments.invocationStarted(slot: version, messages: messages) { recorder.count(.newVersionInvocations) }
  }

  @inline(__always)
  mutating func noteInvocationEnded(_ invocation: InvocationHandle, failed: Bool, returned: Int) {
    if deployments.isEmpty { return }
    let record = lambda.invocations[Int(invocation.slot)]
    deployments.invocationEnded(
      slot: record.version, failed: failed, returned: returned, duration: now - record.startedAt)
  }

  /// `new_version_share` of the interval that closes now.
  mutating func closeDeploymentInterval() {
    if deployments.isEmpty { return }
    recorder.current[.newVersionShare] = deployments.routing.intervalShare(now: now)
  }
}
