import Randomness

/// `orders`: what each order looks like and how often the producer gets it wrong.
public struct OrdersConfiguration: Sendable {
  /// Items per order; draws below 1 count as 1 and above 100 as 100.
  public var items: Distribution = .poisson(mean: 2.5)
  /// Fraction of all orders carrying each defect, in `OrderDefect.allCases` order.
  public var defects = DefectMix()
  /// Fraction of orders the producer sends twice (same `order_id`).
  public var duplicates: Double = 0.002
  /// Synchronous architecture: tries after the first before an order is lost.
  public var clientRetries: Int = 2

  public init() {}
}

/// The defect fractions, one field per defect so that nothing depends on hashing order.
public struct DefectMix: Sendable, Equatable {
  public var priceAsString: Double = 0.003
  public var missingField: Double = 0.001
  public var negativeQuantity: Double = 0.001
  public var totalMismatch: Double = 0.001
  public var malformedJSON: Double = 0.0005
  public var oversized: Double = 0

  public init() {}

  /// No defects at all.
  public static let none: DefectMix = {
    var mix = DefectMix()
    mix.priceAsString = 0; mix.missingField = 0; mix.negativeQuantity = 0
    mix.totalMismatch = 0; mix.malformedJSON = 0; mix.oversized = 0
    return mix
  }()

  public subscript(defect: OrderDefect) -> Double {
    get {
      switch defect {
      case .priceAsString: priceAsString
      case .missingField: missingField
      case .negativeQuantity: negativeQuantity
      case .totalMismatch: totalMismatch
      case .malformedJSON: malformedJSON
      case .oversized: oversized
      }
    }
    set {
      switch defect {
      case .priceAsString: priceAsString = newValue
      case .missingField: missingField = newValue
      case .negativeQuantity: negativeQuantity = newValue
      case .totalMismatch: totalMismatch = newValue
      case .malformedJSON: malformedJSON = newValue
      case .oversized: oversized = newValue
      }
    }
  }

  /// Sum of all fractions (must not exceed 1).
  public var total: Double { OrderDefect.allCases.reduce(0) { $0 + self[$1] } }
}
