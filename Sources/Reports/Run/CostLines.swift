import PipelineModel

/// The bill of a run (``CostEstimate``) with Lambda split into its two lines, requests and
/// compute (GB-s), for the report's cost table and `cost_usd.*`.
struct CostLines: Sendable {
  let estimate: CostEstimate
  /// Lambda's request charge; the rest of `estimate.lambda` is compute (GB-s).
  let lambdaRequestsUSD: Double

  init(_ result: RunResult) {
    estimate = result.cost
    let free = result.configuration.cost.freeTier ? estimate.prices.lambdaFreeRequests : 0
    let requests = max(0, estimate.lambdaRequests - free) / 1e6 * estimate.prices.lambdaPerMillionRequests
    lambdaRequestsUSD = min(requests, estimate.lambda)
  }

  var lambdaComputeUSD: Double { max(0, estimate.lambda - lambdaRequestsUSD) }
}
