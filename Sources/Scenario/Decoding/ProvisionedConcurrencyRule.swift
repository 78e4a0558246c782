import PipelineModel

/// §3 "Provisioned concurrency", "Reserved concurrency": AWS refuses provisioned concurrency
/// above the function's reserved concurrency, or, without a reservation, above what the
/// account leaves unreserved (its concurrency less other functions and the 100 AWS keeps).
enum ProvisionedConcurrencyRule {
  static func check(_ c: PipelineConfiguration, error: ([String], String) -> Void) {
    let provisioned = c.lambda.provisionedConcurrency
    guard provisioned > 0 else { return }
    if let reserved = c.lambda.reservedConcurrency {
      if provisioned > reserved {
        error(
          ["lambda.provisioned_concurrency", "lambda.reserved_concurrency"],
          "must be at most lambda.reserved_concurrency (\(reserved)), found \(provisioned); AWS rejects more")
      }
      return
    }
    let unreserved =
      c.lambda.accountConcurrency - c.lambda.otherFunctionsConcurrency - ConsistencyRules.unreservedMinimum
    if provisioned > unreserved {
      error(
        ["lambda.provisioned_concurrency", "lambda.account_concurrency", "lambda.other_functions_concurrency"],
        "must be at most the account's unreserved concurrency (\(c.lambda.accountConcurrency) − "
          + "\(c.lambda.otherFunctionsConcurrency) other − \(ConsistencyRules.unreservedMinimum) kept unreserved = "
          + "\(max(0, unreserved))), found \(provisioned); AWS rejects more")
    }
  }
}
