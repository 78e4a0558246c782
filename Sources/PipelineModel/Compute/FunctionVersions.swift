/// The two versions an alias can point at (aws-behaviour.md §10 "Weighted alias routing": at
/// most two), by slot 0 and 1, without an array on the invocation path.
struct FunctionVersions: Sendable {
  var first: FunctionVersion
  var second: FunctionVersion

  init(_ version: FunctionVersion) {
    first = version
    second = version
  }

  @inline(__always)
  subscript(slot: UInt8) -> FunctionVersion {
    get { slot == 0 ? first : second }
    set {
      if slot == 0 { first = newValue } else { second = newValue }
    }
  }
}

extension LambdaFunction {
  /// A deployment puts its release in version slot `slot`: the version it replaces keeps no
  /// warm environment, so the release starts cold (aws-behaviour.md §10 "Provisioned
  /// concurrency during a shift").
  mutating func install(release: ReleaseBehaviour, slot: UInt8) {
    versions[slot] = FunctionVersion(configuration: configuration, release: release)
    environments.retire(version: slot)
  }
}
