/// The unit an age axis reads best in.
struct TimeUnit {
  let name: String
  let seconds: Double

  init(maximum: Double) {
    if maximum >= 7_200 {
      (name, seconds) = ("h", 3_600)
    } else if maximum >= 120 {
      (name, seconds) = ("min", 60)
    } else {
      (name, seconds) = ("s", 1)
    }
  }
}
