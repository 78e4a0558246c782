/// The search behind `peaksim size`: which values of a range pass, found with few evaluations
/// by assuming that the passing values form one unbroken window, and checking that assumption.
///
/// Usually more of a resource helps (passing values are `[L, B]`) — but not always: a
/// `maximum_concurrency` above the function's reserved concurrency over-pulls and sends valid
/// orders to the DLQ, so its passing values are a window `[L, U]` with failures on both sides.
/// The search therefore assumes a single window and finds its ends:
///
/// 1. Evaluate both ends of the range.
/// 2. If one end passes and the other fails, bisect for the boundary between them; if both
///    pass, the window is the whole range; if both fail, probe a few evenly spaced interior
///    values; if none passes, halve every gap between neighbours that fail for different
///    reasons (too slow below, DLQ above) until one passes; if none has, scan up from the start
///    of the range until one does (values that fail alike say nothing about where a window
///    hides); then bisect for both boundaries (in lockstep, so the two evaluations of a round
///    run in parallel).
/// 3. Verify locally: evaluate the neighbours of each boundary (two steps outside, one step
///    inside). Together with the bisection this means the value one step below the answer was
///    run and failed.
/// 4. If any evaluation contradicts a single window (a failure between passes, a pass outside
///    the window), the result says *not monotone* and the search falls back to a linear scan of
///    the whole range, so the answer is the true smallest (or cheapest) passing value.
///
/// With `--objective cost` every value of the passing window is evaluated and the cheapest
/// passing one wins (ties go to the smaller value).
///
/// The evaluator is injected, so the search is tested without simulations. It receives a batch
/// of values that can be evaluated in parallel and returns one verdict per value.
public struct SizingSearch: Sendable {
  /// What a value's evaluation says.
  public struct Verdict: Sendable, Equatable {
    public var passes: Bool
    /// What the value costs (mean over replications), for `--objective cost`.
    public var cost: Double
    /// What failed (the SLOs missed), in a fixed order; empty when it passes. Two failing
    /// values that fail for different reasons may have a passing window between them.
    public var failures: [String]
    public init(passes: Bool, cost: Double = 0, failures: [String] = []) {
      self.passes = passes
      self.cost = cost
      self.failures = failures
    }
  }

  public enum Objective: String, Sendable, CaseIterable {
    /// The smallest passing value.
    case smallest
    /// The cheapest passing value.
    case cost
  }

  /// What the search found.
  public struct Outcome: Sendable, Equatable {
    /// The chosen value: the smallest passing one, or the cheapest with `.cost`; `nil` when
    /// no value evaluated passes.
    public var answer: Int?
    /// The smallest passing value found.
    public var smallestPassing: Int?
    /// The largest passing value of the window holding `smallestPassing`.
    public var largestPassing: Int?
    /// Whether every evaluation fits one unbroken window of passing values.
    public var monotone: Bool
    /// Whether every value of the range was evaluated (the linear fallback, or a small range).
    public var scannedAll: Bool
    /// The runs of consecutive passing values among those evaluated, in order.
    public var passingRuns: [ClosedRange<Int>]
    /// Every evaluation, in increasing value order.
    public var evaluations: [(value: Int, verdict: Verdict)]
    /// The values in the order they were evaluated, one batch per element.
    public var batches: [[Int]]
    /// Caveats for the report.
    public var notes: [String]

    public static func == (a: Outcome, b: Outcome) -> Bool {
      a.answer == b.answer && a.smallestPassing == b.smallestPassing && a.largestPassing == b.largestPassing
        && a.monotone == b.monotone && a.scannedAll == b.scannedAll && a.passingRuns == b.passingRuns
        && a.evaluations.map(\.value) == b.evaluations.map(\.value)
        && a.evaluations.map(\.verdict) == b.evaluations.map(\.verdict) && a.batches == b.batches && a.notes == b.notes
    }

    /// The verdict of `value`, if it was evaluated.
    public func verdict(of value: Int) -> Verdict? { evaluations.first { $0.value == value }?.verdict }
  }

  public let range: SizingRange
  public let objective: Objective
  /// Interior values probed when both ends fail.
  public let probes: Int

  /// Values evaluated at once by the scan up from the start of the range.
  static let scanBatch = 8

  public init(range: SizingRange, objective: Objective = .smallest, probes: Int = 7) {
    self.range = range
    self.objective = objective
    self.probes = max(1, probes)
  }

  /// Runs the search. `evaluate` gets batches of distinct values, never one already evaluated.
  public func run(evaluate: ([Int]) async throws -> [Verdict]) async throws -> Outcome {
    let values = range.values
    let n = values.count
    var known: [Int: Verdict] = [:]  // by index into `values`
    var batches: [[Int]] = []
    var notes: [String] = []

    func evaluateIndices(_ indices: [Int]) async throws {
      var fresh: [Int] = []
      for index in indices.sorted() where index >= 0 && index < n && known[index] == nil && !fresh.contains(index) {
        fresh.append(index)
      }
      guard !fresh.isEmpty else { return }
      let batch = fresh.map { values[$0] }
      let verdicts = try await evaluate(batch)
      precondition(
        verdicts.count == batch.count, "the evaluator returned \(verdicts.count) verdicts for \(batch.count) values")
      for (index, verdict) in zip(fresh, verdicts) { known[index] = verdict }
      batches.append(batch)
    }
    func passes(_ index: Int) -> Bool { known[index]?.passes ?? false }

    // 1. The ends.
    try await evaluateIndices([0, n - 1])

    // 2. Brackets: (failing, passing) for the lower boundary, (passing, failing) for the upper.
    var lowerBracket: (fail: Int, pass: Int)?
    var upperBracket: (pass: Int, fail: Int)?
    var low: Int?
    var high: Int?
    switch (passes(0), passes(n - 1)) {
    case (true, true):
      low = 0
      high = n - 1
    case (true, false):
      low = 0
      upperBracket = (0, n - 1)
    case (false, true):
      lowerBracket = (0, n - 1)
      high = n - 1
    case (false, false):
      if n > 2 {
        let k = min(probes, n - 2)
        let interior = (1...k).map { j in Int((Double(j) * Double(n - 1) / Double(k + 1)).rounded()) }
        try await evaluateIndices(interior)
        // Too little fails one way (latency), too much another (the DLQ): where neighbouring
        // values fail for different reasons, a window can hide between them. Halve such gaps,
        // all of a round at once, until a value passes or no such gap is left.
        while !known.values.contains(where: \.passes) {
          let sorted = known.keys.sorted()
          var mids: [Int] = []
          for (a, b) in zip(sorted, sorted.dropFirst()) where b - a > 1 && known[a]?.failures != known[b]?.failures {
            mids.append((a + b) / 2)
          }
          guard !mids.isEmpty else { break }
          try await evaluateIndices(mids)
        }
        // Values failing alike can hide a window too — the same SLO missed for two causes (a
        // backlog whose full batches time out below, throttled over-pull above, both sending
        // valid orders to the DLQ) — and nothing tells where. Scan up from the start of the
        // range, so the first pass found is the smallest.
        var next = 0
        while !known.values.contains(where: \.passes) && next < n {
          var batch: [Int] = []
          while batch.count < Self.scanBatch && next < n {
            if known[next] == nil { batch.append(next) }
            next += 1
          }
          try await evaluateIndices(batch)
        }
        let passing = known.keys.filter { passes($0) }.sorted()
        if let first = passing.first, let last = passing.last {
          let failing = known.keys.filter { !passes($0) }.sorted()
          lowerBracket = (failing.last { $0 < first } ?? 0, first)
          upperBracket = (last, failing.first { $0 > last } ?? n - 1)
        } else {
          notes.append("Every value of the range was run and none passes.")
        }
      }
    }

    // Bisect both brackets in lockstep: one batch per round.
    while true {
      var mids: [Int] = []
      if let b = lowerBracket, b.pass - b.fail > 1 { mids.append((b.fail + b.pass) / 2) }
      if let b = upperBracket, b.fail - b.pass > 1 { mids.append((b.pass + b.fail) / 2) }
      guard !mids.isEmpty else { break }
      try await evaluateIndices(mids)
      if let b = lowerBracket, b.pass - b.fail > 1 {
        let m = (b.fail + b.pass) / 2
        lowerBracket = passes(m) ? (b.fail, m) : (m, b.pass)
      }
      if let b = upperBracket, b.fail - b.pass > 1 {
        let m = (b.pass + b.fail) / 2
        upperBracket = passes(m) ? (m, b.fail) : (b.pass, m)
      }
    }
    if let b = lowerBracket { low = b.pass }
    if let b = upperBracket { high = b.pass }

    // 3. Local verification around each boundary.
    var checks: [Int] = []
    if let low { checks += [low - 1, low - 2, low + 1] }
    if let high, high < n - 1 { checks += [high + 1, high + 2, high - 1] }
    try await evaluateIndices(checks)

    // 4. One window? If not, scan everything.
    var monotone = Self.isSingleWindow(known)
    var scannedAll = known.count == n
    if !monotone && !scannedAll {
      notes.append(
        "Not monotone: the evaluations do not form one window of passing values; every value of the range was run.")
      try await evaluateIndices(Array(0..<n))
      scannedAll = true
    } else if !monotone {
      notes.append("Not monotone: the passing values do not form one unbroken window.")
    }

    // The cost objective needs every value of the window.
    if objective == .cost, let low {
      let end = Self.runs(known, n).first { $0.contains(low) }?.upperBound ?? high ?? low
      try await evaluateIndices(Array(low...max(low, end)))
      if !Self.isSingleWindow(known) && !scannedAll {
        monotone = false
        notes.append("Not monotone: a value inside the passing window fails; every value of the range was run.")
        try await evaluateIndices(Array(0..<n))
        scannedAll = true
      }
      scannedAll = scannedAll || known.count == n
    }

    monotone = Self.isSingleWindow(known)
    let runs = Self.runs(known, n)
    let smallest = runs.first?.lowerBound
    let windowEnd = runs.first?.upperBound
    var answer = smallest
    if objective == .cost {
      let passingIndices = known.keys.filter { passes($0) }.sorted()
      answer = passingIndices.min { a, b in
        let ca = known[a]?.cost ?? .infinity, cb = known[b]?.cost ?? .infinity
        return ca < cb || (ca == cb && a < b)
      }
    }
    let evaluations = known.keys.sorted().compactMap { index in known[index].map { (values[index], $0) } }
    return Outcome(
      answer: answer.map { values[$0] }, smallestPassing: smallest.map { values[$0] },
      largestPassing: windowEnd.map { values[$0] }, monotone: monotone, scannedAll: scannedAll,
      passingRuns: runs.map { values[$0.lowerBound]...values[$0.upperBound] },
      evaluations: evaluations, batches: batches, notes: notes)
  }

  /// Whether the known verdicts, in index order, read fail* pass* fail* (at most one run of passes).
  static func isSingleWindow(_ known: [Int: Verdict]) -> Bool {
    var runs = 0
    var previous = false
    for index in known.keys.sorted() {
      let passes = known[index]?.passes ?? false
      if passes && !previous { runs += 1 }
      previous = passes
    }
    return runs <= 1
  }

  /// Runs of passing indices among the known ones: a run is broken by a known failure; unknown
  /// indices between two passes are assumed to pass (the window assumption).
  static func runs(_ known: [Int: Verdict], _ n: Int) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    var start: Int?
    var last: Int?
    for index in known.keys.sorted() {
      if known[index]?.passes == true {
        if start == nil { start = index }
        last = index
      } else if let s = start, let l = last {
        runs.append(s...l)
        start = nil
        last = nil
      }
    }
    if let s = start, let l = last { runs.append(s...l) }
    return runs
  }
}
