import Randomness

/// How one version of the function behaves: its handler's durations and its cold start
/// (SCENARIO.md `lambda.duration`, `lambda.cold_start`). A second version behind an alias is a
/// second value of this type with its own environments.
struct FunctionVersion: Sendable {
  let perInvocation: Distribution.Sampler
  let perMessage: Distribution.Sampler
  let coldStart: Distribution.Sampler

  init(configuration: LambdaConfiguration) {
    perInvocation = configuration.perInvocation.sampler()
    perMessage = configuration.perMessage.sampler()
    coldStart = configuration.coldStart.sampler()
  }
}
