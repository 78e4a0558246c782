import Randomness
import SimulationKernel

/// The producer: when orders arrive, and what each one is (its number, its defect or none,
/// its item count, whether the producer sends it twice). Both architectures draw from the same
/// named streams, so they see the same orders (common random numbers).
struct OrderSource: ~Copyable {
  var arrivals: ArrivalProcess
  var arrivalStream: RandomStream
  var orderStream: RandomStream
  let itemsSampler: Distribution.Sampler
  let defectThresholds: [Double]
  /// The last threshold: most orders have no defect and need not search the others.
  let defectFraction: Double
  let duplicates: Double
  var nextOrderNumber: UInt32 = 0

  /// One order as the producer made it.
  struct NewOrder {
    var number: UInt32
    var defect: OrderDefect?
    var items: UInt8
    var sentTwice: Bool
  }

  init(_ configuration: PipelineConfiguration) {
    arrivals = ArrivalProcess(
      curve: RateCurve(configuration.traffic, horizon: configuration.duration, interval: configuration.interval),
      pattern: configuration.traffic.arrivals)
    arrivalStream = RandomStream(seed: configuration.seed, name: "traffic.arrivals")
    orderStream = RandomStream(seed: configuration.seed, name: "orders.mix")
    itemsSampler = configuration.orders.items.sampler()
    var thresholds: [Double] = []
    var cumulative = 0.0
    for defect in OrderDefect.allCases {
      cumulative += configuration.orders.defects[defect]
      thresholds.append(cumulative)
    }
    defectThresholds = thresholds
    defectFraction = thresholds.last ?? 0
    duplicates = configuration.orders.duplicates
  }

  mutating func nextArrival() -> SimTime? { arrivals.next(&arrivalStream) }

  /// Draws the next order: a defect from the scenario's mix (one uniform draw against the
  /// cumulative fractions), 1–100 items, and whether it is sent twice.
  mutating func nextOrder() -> NewOrder {
    let number = nextOrderNumber
    nextOrderNumber &+= 1
    let u = orderStream.uniform()
    var defect: OrderDefect?
    if u < defectFraction {
      for (i, threshold) in defectThresholds.enumerated() where u < threshold {
        defect = OrderDefect.allCases[i]
        break
      }
    }
    let items = UInt8(min(100, max(1, Int(itemsSampler.draw(&orderStream)))))
    let twice = orderStream.bernoulli(duplicates)
    return NewOrder(number: number, defect: defect, items: items, sentTwice: twice)
  }
}
