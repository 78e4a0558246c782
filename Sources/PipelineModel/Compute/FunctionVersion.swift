import Randomness

/// How one version of the function behaves: its handler's durations and its cold start
/// (SCENARIO.md `lambda.duration`, `lambda.cold_start`). A second version behind an alias is a
/// second value of this type with its own environments.
struct FunctionVersion: Sendable {
  let perInvocation: Distribution.Sampler
  let perMessage: Distribution.Sampler
  let coldStart: Distribution.Sampler
  /// The handler's time at this memory relative to the measured durations (``CPUScaling``).
  let durationFactor: Double

  init(configuration: LambdaConfiguration) {
    durationFactor = CPUScaling.durationFactor(configuration)
    perInvocation = configuration.perInvocation.sampler()
    perMessage = configuration.perMessage.sampler()
    coldStart = configuration.coldStart.sampler()
  }
}
