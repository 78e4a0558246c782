/// The `terraform:` section of a scenario (SCENARIO.md "Additions"): the plan or state to
/// read, and the resource addresses to use when it holds several candidates.
public struct TerraformSelection: Sendable, Equatable {
  /// One chosen address and where it was written (for errors).
  public struct Choice: Sendable, Equatable {
    public var address: String
    public var location: SourceLocation
    public var keyPath: String

    public init(address: String, location: SourceLocation, keyPath: String) {
      self.address = address
      self.location = location
      self.keyPath = keyPath
    }
  }

  /// The plan file, resolved against the scenario's folder.
  public var plan: String
  public var queue: Choice?
  public var function: Choice?
  public var table: Choice?
  /// The `aws_codebuild_project` and `aws_codedeploy_deployment_group` to read when the plan
  /// has several (the delivery pipeline's, aws-behaviour.md §6).
  public var buildProject: Choice?
  public var deploymentGroup: Choice?
  /// Whether the scenario simulates what a CodeBuild project configures (a `delivery:` section
  /// building with CodeBuild) and what a deployment group configures (`deployments:` or
  /// `delivery.deploy`): only then do several candidates without a choice stop the run.
  public var simulatesBuild = false
  public var simulatesDeploy = false

  public init(plan: String, queue: Choice? = nil, function: Choice? = nil, table: Choice? = nil) {
    self.plan = plan
    self.queue = queue
    self.function = function
    self.table = table
  }

  /// The keys of the section, in SCENARIO.md order.
  static let keys = ["plan", "queue", "function", "table", "build_project", "deployment_group"]
}
