/// One managed resource of a Terraform plan or state (`resources[]` of a module in
/// `planned_values` or `values`), with the JSON path it was read from, so that every setting
/// and every problem can name the exact place in the file.
public struct TerraformResource: Sendable, Equatable {
  /// The resource address, e.g. `module.orders.aws_sqs_queue.orders`.
  public var address: String
  /// The resource type, e.g. `aws_sqs_queue`.
  public var type: String
  /// The attribute values; an unknown value is absent (the documented format).
  public var values: TerraformJSON
  /// Where the resource is in the file, e.g. `planned_values.root_module.child_modules[0].resources[2]`.
  public var jsonPath: String
  /// Top-level attributes the plan marks as known only after apply (`resource_changes[].change.after_unknown`).
  public var unknownAttributes: [String]

  /// What the resource says about one attribute.
  public enum Attribute: Sendable, Equatable {
    /// Known (possibly `null`), with its JSON path.
    case known(TerraformJSON, path: String)
    /// Known only after apply.
    case unknown(path: String)
    /// Not in the file at all.
    case absent
  }

  /// The JSON path of attribute `name` (`….values.timeout`).
  public func path(of name: String) -> String { "\(jsonPath).values.\(name)" }

  public func attribute(_ name: String) -> Attribute {
    if let value = values[name] { return .known(value, path: path(of: name)) }
    if unknownAttributes.contains(name) { return .unknown(path: path(of: name)) }
    return .absent
  }

  /// The attribute's value when it is known and not `null`.
  public func known(_ name: String) -> TerraformJSON? {
    if case .known(let value, _) = attribute(name), !value.isNull { return value }
    return nil
  }

  /// The first block of a nested block attribute (`scaling_config[0]`): Terraform writes
  /// nested blocks as lists; empty or `null` means the block is not set.
  public func block(_ name: String) -> TerraformJSON? { known(name)?[0] }
}
