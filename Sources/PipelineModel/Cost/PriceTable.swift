/// us-east-1 prices in USD, chosen by the date the scenario's `start` names
/// (aws-behaviour.md §1 "Request pricing", §3 "Price – requests/duration", "INIT billing
/// change", §5 "On-demand prices", "Provisioned prices").
public struct PriceTable: Sendable, Equatable {
  public var label: String
  public var lambdaPerMillionRequests = 0.20
  public var lambdaPerGBSecondX86 = 0.000_016_666_7
  public var lambdaPerGBSecondArm = 0.000_013_333_4
  /// Provisioned concurrency (§3 "Provisioned concurrency"; AWS Lambda pricing page, us-east-1,
  /// as commonly quoted — §9 lists the figures as not confirmed from AWS text): the
  /// configured environments per GB-s for the whole run, and a lower duration price per GB-s
  /// for invocations on them. No free tier.
  public var lambdaProvisionedPerGBSecondX86 = 0.000_004_166_7
  public var lambdaProvisionedPerGBSecondArm = 0.000_003_333_4
  public var lambdaProvisionedDurationPerGBSecondX86 = 0.000_009_722_2
  public var lambdaProvisionedDurationPerGBSecondArm = 0.000_007_777_8
  /// Provisioned concurrency is billed in 5-minute periods (rounded up).
  public var lambdaProvisionedPeriodSeconds = 300.0
  /// INIT is billed for on-demand ZIP functions on managed runtimes from 1 Aug 2025.
  public var lambdaBillsInit = true
  public var sqsPerMillionRequests = 0.40
  /// On-demand write request units: $1.25 per million before 1 Nov 2024, $0.625 from then.
  public var dynamoPerMillionWRU = 0.625
  public var dynamoPerWCUHour = 0.000_65
  // Monthly free tiers (off unless the scenario asks for them).
  public var lambdaFreeRequests = 1_000_000.0
  public var lambdaFreeGBSeconds = 400_000.0
  public var sqsFreeRequests = 1_000_000.0
  public var dynamoFreeWCU = 25.0

  /// 1 Nov 2024 00:00 UTC and 1 Aug 2025 00:00 UTC, in Unix seconds.
  static let dynamoPriceCut: Int64 = 1_730_419_200
  static let lambdaInitBilling: Int64 = 1_754_006_400

  /// The table in force at `epochSeconds`; without a date, today's.
  public static func at(epochSeconds: Int64?) -> PriceTable {
    let t = epochSeconds ?? Int64.max
    var table = PriceTable(label: "us-east-1, current prices")
    if t < lambdaInitBilling {
      table.lambdaBillsInit = false
      table.label = "us-east-1, before 1 Aug 2025 (INIT not billed)"
    }
    if t < dynamoPriceCut {
      table.dynamoPerMillionWRU = 1.25
      table.label = "us-east-1, before 1 Nov 2024 (DynamoDB on-demand $1.25/M writes, INIT not billed)"
    } else if epochSeconds != nil && t >= lambdaInitBilling {
      table.label = "us-east-1, from 1 Aug 2025"
    }
    return table
  }
}
