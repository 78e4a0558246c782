/// One scenario setting read from a Terraform plan or state: the key it fills, the value as a
/// scenario file would write it, and the resource attribute it came from.
public struct TerraformSetting: Sendable, Equatable {
  /// Dotted scenario key, e.g. `lambda.timeout`.
  public var keyPath: String
  /// YAML flow text (`30s`, `512MB`, `null`); `nil` when the plan knows it only after apply.
  public var value: String?
  /// Resource address, e.g. `module.orders.aws_lambda_function.order_processor`.
  public var address: String
  /// The attribute, e.g. `timeout` or `redrive_policy`.
  public var attribute: String
  /// Where the attribute is in the file, e.g. `planned_values.root_module.resources[2].values.timeout`.
  public var jsonPath: String

  public init(keyPath: String, value: String?, address: String, attribute: String, jsonPath: String) {
    self.keyPath = keyPath
    self.value = value
    self.address = address
    self.attribute = attribute
    self.jsonPath = jsonPath
  }

  /// `summary.json`'s `source`: `terraform:<address>.<attribute>` (SCENARIO.md "Additions").
  public var source: String { "terraform:\(address).\(attribute)" }
}
