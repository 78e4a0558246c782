/// "Did you mean …?": the nearest allowed spelling by edit distance.
enum Suggestions {
  /// The candidate closest to `word`, or `nil` when none is close enough to be a plausible typo.
  ///
  /// Words are compared in snake_case lower case first, so `batchSize`, `BatchSize` and
  /// `batch-size` all find `batch_size`. Otherwise the Damerau–Levenshtein distance (a swap of
  /// two neighbours counts as one edit) must be at most a third of the word's length (at least
  /// 1, at most 3). Ties go to the earlier candidate, so results never depend on hashing.
  static func nearest(to word: String, among candidates: [String]) -> String? {
    let normalized = snakeCase(word)
    if let exact = candidates.first(where: { snakeCase($0) == normalized }), exact != word { return exact }
    let limit = max(1, min(3, word.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let d = distance(normalized, snakeCase(candidate))
      if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
    }
    return best?.candidate
  }

  /// `batchSize` → `batch_size`, `Batch-Size` → `batch_size`.
  static func snakeCase(_ word: String) -> String {
    var out = ""
    var previousWasLower = false
    for ch in word {
      if ch == "-" || ch == " " {
        out.append("_")
        previousWasLower = false
      } else if ch.isUppercase {
        if previousWasLower { out.append("_") }
        out += ch.lowercased()
        previousWasLower = false
      } else {
        out.append(ch)
        previousWasLower = ch.isLowercase || ch.isNumber
      }
    }
    return out
  }

  /// Optimal-string-alignment distance between `a` and `b`.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  /// `a, b or c`.
  static func list(_ words: [String], conjunction: String = "or") -> String {
    switch words.count {
    case 0: return ""
    case 1: return words[0]
    default: return words.dropLast().joined(separator: ", ") + " \(conjunction) " + words.last!
    }
  }
}
