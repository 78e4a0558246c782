/// What a run cost, in USD, by service, with the quantities behind each line.
public struct CostEstimate: Sendable, Equatable {
  public var prices: PriceTable
  public var lambdaRequests = 0.0
  public var lambdaGBSeconds = 0.0
  /// Provisioned concurrency: configured GB × the run's time in 5-minute periods (§3).
  public var lambdaProvisionedGBSeconds = 0.0
  /// Of `lambdaGBSeconds`, what ran on provisioned environments (the lower duration price).
  public var lambdaProvisionedDurationGBSeconds = 0.0
  public var lambda = 0.0
  public var sqsRequests = 0.0
  public var sqs = 0.0
  public var dynamoWriteUnits = 0.0
  public var dynamoWCUHours = 0.0
  public var dynamodb = 0.0
  /// SQS provisioned mode: event poller unit-hours (one EPU per event poller, §2) and their
  /// charge at `cost.event_poller_unit_hour_usd` (0 when no price is set).
  public var eventPollerUnitHours = 0.0
  public var eventPollers = 0.0
  public var total: Double { lambda + sqs + dynamodb + eventPollers }

  /// Prices a run: Lambda requests and GB-seconds (INIT where billed), SQS requests (sends,
  /// receives, deletes, idle long polls; 64 KB chunks), DynamoDB write units (on-demand) or
  /// provisioned WCU-hours, SQS provisioned mode's event poller unit-hours. Free tiers are
  /// subtracted only when `freeTier` is set.
  public init(result: RunResult) {
    let configuration = result.configuration
    prices = PriceTable.at(epochSeconds: configuration.startEpochSeconds)
    let free = configuration.cost.freeTier

    lambdaRequests = result[.invocations]
    let billedMs = result[.billedMilliseconds] - (prices.lambdaBillsInit ? 0 : result[.initMilliseconds])
    lambdaGBSeconds = billedMs / 1_000 * Double(configuration.lambda.memoryMB) / 1_024
    let arm = configuration.lambda.cpu == .arm64
    let perGBs = arm ? prices.lambdaPerGBSecondArm : prices.lambdaPerGBSecondX86
    let gigabytes = Double(configuration.lambda.memoryMB) / 1_024
    // §3 "Provisioned concurrency": invocations on provisioned environments pay the lower
    // duration price (they are never cold, so nothing of theirs is INIT); the environments
    // themselves are billed for the whole run, in 5-minute periods; no free tier for either.
    lambdaProvisionedDurationGBSeconds = result[.provisionedBilledMilliseconds] / 1_000 * gigabytes
    let provisioned = Double(configuration.lambda.provisionedConcurrency)
    let periods = (result.simulatedSeconds / prices.lambdaProvisionedPeriodSeconds).rounded(.up)
    lambdaProvisionedGBSeconds = provisioned * gigabytes * periods * prices.lambdaProvisionedPeriodSeconds
    let onDemandGBs = max(0, lambdaGBSeconds - lambdaProvisionedDurationGBSeconds)
    let requests = max(0, lambdaRequests - (free ? prices.lambdaFreeRequests : 0))
    let gbs = max(0, onDemandGBs - (free ? prices.lambdaFreeGBSeconds : 0))
    lambda = requests / 1e6 * prices.lambdaPerMillionRequests + gbs * perGBs
    if provisioned > 0 {
      lambda +=
        lambdaProvisionedDurationGBSeconds
        * (arm ? prices.lambdaProvisionedDurationPerGBSecondArm : prices.lambdaProvisionedDurationPerGBSecondX86)
        + lambdaProvisionedGBSeconds
        * (arm ? prices.lambdaProvisionedPerGBSecondArm : prices.lambdaProvisionedPerGBSecondX86)
    }

    sqsRequests = Double(result.sqsRequests.total)
    sqs = max(0, sqsRequests - (free ? prices.sqsFreeRequests : 0)) / 1e6 * prices.sqsPerMillionRequests

    switch configuration.table.mode {
    case .onDemand:
      dynamoWriteUnits = result.tableConsumedWCU
      dynamodb = dynamoWriteUnits / 1e6 * prices.dynamoPerMillionWRU
    case .provisioned:
      dynamoWCUHours = result[.provisionedWCUHours]
      let freeHours = free ? prices.dynamoFreeWCU * result.simulatedSeconds / 3_600 : 0
      dynamodb = max(0, dynamoWCUHours - freeHours) * prices.dynamoPerWCUHour
    }

    eventPollerUnitHours = result.eventPollerSeconds / 3_600
    eventPollers = eventPollerUnitHours * (configuration.cost.eventPollerUnitHourUSD ?? 0)
  }
}
