// The validator alone, for callgrind (scripts/validator-callgrind.sh builds it): 1,000 bodies
// of `peaksim bench validate`'s realistic mix (1–6 items, 5 % defective), every verdict checked,
// then `validateAll` over them PASSES times. Instructions per body = validateAll's inclusive
// count / (PASSES × 1,000); the checksum (which depends only on the verdicts and totals) must
// not change with a speed change.
//
// Item counts come from a Knuth Poisson draw on SplitMix64 instead of the bench's GSL stream,
// so the mix has the bench's shape, not its exact bodies (264 B average here, 266 B there).

var draws = SplitMix64(seed: 1)
var poissonDraws = SplitMix64(seed: 2)

func poisson(mean: Double) -> Int {
  var limit = 1.0  // e^-mean by its series: no Foundation in this harness
  var term = 1.0
  for index in 1..<40 {
    term *= -mean / Double(index)
    limit += term
  }
  var count = 0
  var product = 1.0
  repeat {
    count += 1
    product *= Double(poissonDraws.next() >> 11) / Double(1 << 53)
  } while product > limit
  return count - 1
}

let factory = OrderFactory(seed: 2026, epochSeconds: 1_795_651_200)
let defects: [OrderDefect] = [.priceAsString, .missingField, .negativeQuantity, .totalMismatch, .malformedJSON]
let count = 1_000
var bodies: [[UInt8]] = []
var expected: [ValidationReason?] = []
for index in 0..<count {
  let items = min(6, max(1, poisson(mean: 2.5)))
  let draw = draws.next() % 100
  let defect = draw < UInt64(defects.count) ? defects[Int(draw)] : nil
  bodies.append(
    factory.body(
      orderNumber: UInt64(index), itemCount: items, defect: defect, createdAtNanos: Int64(index) * 7_000_000))
  expected.append(defect?.validationReason)
}
let validator = OrderValidator()
for index in 0..<count where validator.firstFailure(in: bodies[index])?.reason != expected[index] {
  fatalError("body \(index): wrong verdict")
}

@inline(never) func validateAll(_ set: [[UInt8]]) -> Int64 {
  var checksum: Int64 = 0
  for body in set {
    switch validator.check(body) {
    case .success(let summary): checksum &+= summary.totalCents &+ Int64(bitPattern: summary.orderIDHash)
    case .failure(let failure): checksum &+= Int64(failure.description.utf8.count) &* 1_000
    }
  }
  return checksum
}

let passes = Int(CommandLine.arguments.dropFirst().first ?? "20") ?? 20
var checksum: Int64 = 0
for _ in 0..<passes { checksum &+= validateAll(bodies) }
let bytes = bodies.reduce(0) { $0 + $1.count }
print("bodies \(count), \(bytes / count) B average; passes \(passes); checksum \(checksum)")
