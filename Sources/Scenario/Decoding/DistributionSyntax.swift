import Randomness
import SimulationKernel

/// SCENARIO.md's distribution values: `{dist: lognormal, median: 15ms, sigma: 0.4}`, or a bare
/// value meaning a constant. Durations are written with units and stored in seconds; counts
/// (`orders.items`) are plain numbers.
enum DistributionSyntax {
  enum Quantity: Sendable {
    /// Parameters `value`, `mean`, `median`, `min`, `max`, `sd` are durations (stored in s).
    case duration
    /// All parameters are plain numbers.
    case count
  }

  /// Each family's parameter names, in the order they are written and rendered.
  static let families: [(name: String, parameters: [String])] = [
    ("constant", ["value"]), ("exponential", ["mean"]), ("lognormal", ["median", "sigma"]),
    ("gamma", ["mean", "cv"]), ("uniform", ["min", "max"]), ("normal", ["mean", "sd"]),
    ("poisson", ["mean"]), ("binomial", ["trials", "p"]),
  ]

  /// Families that make sense for a quantity: durations are never Poisson or binomial.
  static func familyNames(for quantity: Quantity) -> [String] {
    let all = families.map(\.name)
    return quantity == .duration ? all.filter { $0 != "poisson" && $0 != "binomial" } : all
  }

  /// Every key a distribution mapping can have (for `--set lambda.cold_start.median=…`).
  static let allKeys = ["dist", "value", "mean", "median", "sigma", "cv", "min", "max", "sd", "trials", "p"]

  /// Parameters without a unit even for durations.
  static let dimensionless: Set<String> = ["sigma", "cv", "p", "trials"]

  static func render(_ distribution: Distribution, _ quantity: Quantity) -> String {
    func q(_ x: Double) -> String {
      quantity == .duration ? Units.render(SimDuration(seconds: x)) : Units.renderNumber(x)
    }
    func n(_ x: Double) -> String { Units.renderNumber(x) }
    switch distribution {
    case .constant(let v): return q(v)
    case .exponential(let m): return "{dist: exponential, mean: \(q(m))}"
    case .lognormal(let median, let sigma): return "{dist: lognormal, median: \(q(median)), sigma: \(n(sigma))}"
    case .gamma(let m, let cv): return "{dist: gamma, mean: \(q(m)), cv: \(n(cv))}"
    case .uniform(let a, let b): return "{dist: uniform, min: \(q(a)), max: \(q(b))}"
    case .normal(let m, let sd): return "{dist: normal, mean: \(q(m)), sd: \(q(sd))}"
    case .poisson(let m): return "{dist: poisson, mean: \(n(m))}"
    case .binomial(let trials, let p): return "{dist: binomial, trials: \(trials), p: \(n(p))}"
    }
  }
}

extension ValueDecoder {
  /// A distribution (see `DistributionSyntax`), checked with `Distribution.parameterProblem`.
  mutating func distribution(_ v: Value, _ quantity: DistributionSyntax.Quantity) -> Distribution? {
    let example = quantity == .duration ? "{dist: lognormal, median: 15ms, sigma: 0.4}" : "{dist: poisson, mean: 2.5}"
    switch v.node {
    case .scalar:
      // A bare value: a constant.
      if quantity == .duration {
        guard let d = duration(v, .zero...SimDuration.days(1)) else { return nil }
        return .constant(d.seconds)
      }
      guard let x = number(v, .atLeast(0), "a number ≥ 0 or a distribution such as \(example)") else { return nil }
      return .constant(x)
    case .sequence:
      mustBe(v, "a distribution such as \(example), or a bare value meaning a constant")
      return nil
    case .mapping(let mapping):
      let names = DistributionSyntax.familyNames(for: quantity)
      guard let distNode = mapping["dist"] else {
        error(
          v, "a distribution needs 'dist' (one of \(Suggestions.list(names))), e.g. \(example)",
          allowed: Suggestions.list(names))
        return nil
      }
      let dist = v.child("dist", distNode)
      guard let name = scalarText(dist, Suggestions.list(names)) else { return nil }
      guard names.contains(name), let family = DistributionSyntax.families.first(where: { $0.name == name }) else {
        let note: String
        if DistributionSyntax.families.contains(where: { $0.name == name }) {
          note = " (\(name) is for counts, not durations)"
        } else {
          note = Suggestions.nearest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        }
        mustBe(dist, Suggestions.list(names), note: note)
        return nil
      }
      guard let fields = self.mapping(v, allowed: ["dist"] + family.parameters, required: family.parameters) else {
        return nil
      }
      var values: [Double] = []
      for parameter in family.parameters {
        let p = fields[parameter]!
        if parameter == "trials" {
          guard let t = integer(p, 0...Int(UInt32.max)) else { return nil }
          values.append(Double(t))
        } else if quantity == .duration && !DistributionSyntax.dimensionless.contains(parameter) {
          let range =
            name == "normal" && parameter == "mean"
            ? SimDuration.days(-1)...SimDuration.days(1) : .zero...SimDuration.days(1)
          guard let d = duration(p, range) else { return nil }
          values.append(d.seconds)
        } else {
          guard let x = number(p, -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, "a number") else {
            return nil
          }
          values.append(x)
        }
      }
      let result: Distribution
      switch name {
      case "constant": result = .constant(values[0])
      case "exponential": result = .exponential(mean: values[0])
      case "lognormal": result = .lognormal(median: values[0], sigma: values[1])
      case "gamma": result = .gamma(mean: values[0], cv: values[1])
      case "uniform": result = .uniform(min: values[0], max: values[1])
      case "normal": result = .normal(mean: values[0], sd: values[1])
      case "poisson": result = .poisson(mean: values[0])
      default: result = .binomial(trials: Int(values[0]), p: values[1])
      }
      if let problem = result.parameterProblem {
        error(v, "invalid distribution: \(problem)", found: DistributionSyntax.render(result, quantity))
        return nil
      }
      return result
    }
  }
}
