import Randomness

/// How one version of the function behaves: its handler's durations and its cold start
/// (SCENARIO.md `lambda.duration`, `lambda.cold_start`), and, for a version CodeDeploy deploys,
/// its release's defects (SCENARIO.md `deployments[].release`). A second version behind an
/// alias is a second value of this type with its own environments.
struct FunctionVersion: Sendable {
  let perInvocation: Distribution.Sampler
  let perMessage: Distribution.Sampler
  let coldStart: Distribution.Sampler
  /// Probability that an invocation throws (a function error).
  let errorRate: Double
  /// Multiplies the handler's per-invocation and per-message durations.
  let durationFactor: Double

  init(configuration: LambdaConfiguration, release: ReleaseBehaviour = ReleaseBehaviour()) {
    perInvocation = configuration.perInvocation.sampler()
    perMessage = configuration.perMessage.sampler()
    coldStart = (release.coldStart ?? configuration.coldStart).sampler()
    errorRate = release.errorRate
    durationFactor = release.durationFactor
  }
}
