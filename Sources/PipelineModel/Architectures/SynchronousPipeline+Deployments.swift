import SimulationKernel

/// The synchronous pipeline's wiring to the CodeDeploy deployment group: the alias picks the
/// version per request (aws-behaviour.md §10 "Weighted alias routing"), and a release's errors
/// go straight back to the caller, who retries (``SynchronousClient``).
extension SynchronousPipeline {
  mutating func handleDeployment(_ event: DeploymentEvent) {
    if case .minuteTick = event {
      let reading = CloudWatchDatapoints.Reading(
        errorsTotal: recorder.totals[.functionErrors], throttlesTotal: recorder.totals[.lambdaThrottles],
        dlqVisible: 0, oldestAge: .zero)
      deployments.minuteTick(reading, now: now, scheduler: &scheduler)
      return
    }
    deployments.advance(event, function: &lambda, now: now, scheduler: &scheduler)
  }

  @inline(__always)
  mutating func noteInvocationStarted(version: UInt8) {
    if deployments.isEmpty { return }
    if deployments.invocationStarted(slot: version, messages: 1) { recorder.count(.newVersionInvocations) }
  }

  @inline(__always)
  mutating func noteInvocationEnded(_ invocation: InvocationHandle, failed: Bool) {
    if deployments.isEmpty { return }
    let record = lambda.invocations[Int(invocation.slot)]
    deployments.invocationEnded(
      slot: record.version, failed: failed, returned: failed ? 1 : 0, duration: now - record.startedAt)
  }

  /// `new_version_share` of the interval that closes now.
  mutating func closeDeploymentInterval() {
    if deployments.isEmpty { return }
    recorder.current[.newVersionShare] = deployments.routing.intervalShare(now: now)
  }
}
