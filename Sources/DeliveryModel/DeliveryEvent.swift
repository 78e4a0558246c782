/// The delivery model's events; payloads are indices into the simulation's builds.
enum DeliveryEvent: Sendable, Equatable {
  /// The next push of the Poisson commit process.
  case commit
  /// A hotfix the scenario commits at a set time (index into `hotfixesAt`).
  case scheduledHotfix(Int)
  /// A freeze ends: the pushes it held enter the pipeline (index into `freezes`).
  case freezeEnds(Int)
  /// The build is submitted to the build system (after the trigger delay).
  case submitted(Int)
  /// The build's attempt ends (stale when the attempt was lost to a crash).
  case finished(build: Int, attempt: Int)
  /// CodeBuild: the build has waited its queued timeout (stale once it started).
  case queuedTimeout(Int)
  /// Jenkins: the controller crashes; every running build is lost.
  case crash
  /// Jenkins: the controller is back.
  case restart
}
