/// Small text helpers for the command line's tables (no Foundation formatters: output must not
/// depend on the machine's locale).
func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

/// `x` with `digits` decimals, rounded half away from zero.
func fixed(_ x: Double, _ digits: Int) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = (abs(x) * scale).rounded()
  let whole = Int64(scaled / scale)
  let frac = Int64(scaled - Double(whole) * scale)
  var text = (x < 0 && scaled != 0 ? "-" : "") + String(whole)
  if digits > 0 {
    let f = String(frac)
    text += "." + String(repeating: "0", count: digits - f.count) + f
  }
  return text
}

/// Events per second in millions, e.g. `12.3 M`.
func rate(_ perSecond: Double) -> String { fixed(perSecond / 1e6, 2) + " M" }
