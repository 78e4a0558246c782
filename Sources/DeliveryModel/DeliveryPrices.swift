import PipelineModel

/// Prices of the two delivery systems (US East (N. Virginia), on demand, USD).
///
/// - CodeBuild, Linux, per build minute, billed per started minute: general1.small $0.005,
///   medium $0.01, large $0.02 ([3rd] AWS CodeBuild pricing as quoted by cost estimators,
///   c3x.dev "aws_codebuild_project", 2026; the AWS pricing page itself was not read).
/// - EC2 on demand, Linux, per hour: t3.medium $0.0416, t3.large $0.0832, m5.large $0.096,
///   m5.xlarge $0.192 ([3rd] EC2 on-demand price lists for us-east-1).
/// A month is 730 hours (AWS's own monthly figure).
enum DeliveryPrices {
  static let hoursPerMonth = 730.0

  static func perBuildMinute(_ type: DeliveryBuildConfiguration.ComputeType) -> Double {
    switch type {
    case .general1Small: 0.005
    case .general1Medium: 0.01
    case .general1Large: 0.02
    }
  }

  static func perInstanceHour(_ type: DeliveryBuildConfiguration.InstanceType) -> Double {
    switch type {
    case .t3Medium: 0.0416
    case .t3Large: 0.0832
    case .m5Large: 0.096
    case .m5XLarge: 0.192
    }
  }
}
