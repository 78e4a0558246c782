internal import CGSL

/// Student's t distribution, for confidence intervals over replications.
public enum StudentT {
  /// The quantile `t` with P(T ≤ t) = `probability` for `degreesOfFreedom` ν.
  /// GSL: `gsl_cdf_tdist_Pinv`.
  public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
    precondition(probability > 0 && probability < 1, "probability must be in (0, 1), got \(probability)")
    precondition(degreesOfFreedom > 0, "degrees of freedom must be > 0, got \(degreesOfFreedom)")
    return gsl_cdf_tdist_Pinv(probability, degreesOfFreedom)
  }

  /// Half-width of the two-sided `level` confidence interval of a mean of `count` samples with
  /// sample standard deviation `sd`: t_{(1+level)/2, n−1} · sd / √n. Zero for fewer than 2 samples.
  public static func confidenceHalfWidth(sd: Double, count: Int, level: Double = 0.95) -> Double {
    guard count >= 2 else { return 0 }
    let t = quantile((1 + level) / 2, degreesOfFreedom: Double(count - 1))
    return t * sd / Double(count).squareRoot()
  }
}

/// Quantiles of samples and of the standard normal law, through GSL.
public enum Quantiles {
  /// The `p`-quantile of `sorted` (ascending) by GSL's linear interpolation rule.
  /// GSL: `gsl_stats_quantile_from_sorted_data`.
  public static func ofSorted(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
  }

  /// The standard normal quantile Φ⁻¹(p). GSL: `gsl_cdf_ugaussian_Pinv`.
  public static func standardNormal(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }

  /// Upper tail of the chi-squared law, Q(x; ν). GSL: `gsl_cdf_chisq_Q`.
  public static func chiSquaredUpperTail(_ x: Double, degreesOfFreedom: Double) -> Double {
    gsl_cdf_chisq_Q(x, degreesOfFreedom)
  }
}
