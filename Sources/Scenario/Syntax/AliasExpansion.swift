import Yams

/// A bound on what YAML aliases may add: an alias (`*name`) repeats the value its anchor
/// (`&name`) holds, so nine levels of ten aliases each turn a 600-byte file into 10⁹ values
/// (a "billion laughs" bomb) that would exhaust memory. The composed tree shares those values,
/// so it is cheap; expanding it into a `ScenarioNode` is not. This walk counts the values that
/// aliases repeat, stops as soon as they pass ``maximumRepeats``, and says where.
enum AliasExpansion {
  /// The most values aliases may add to a scenario; a real one repeats a few dozen.
  static let maximumRepeats = 100_000

  /// Where the expansion passed the limit: the innermost value written in the file (not
  /// repeated by an alias) that holds the excess, and its key path.
  struct Excess {
    var line: Int
    var column: Int
    var path: String
  }

  /// `nil` when aliases in `root` repeat at most `limit` values.
  static func excess(in root: Node, limit: Int = maximumRepeats) -> Excess? {
    var walk = Walk(limit: limit)
    return walk.visit(root, path: "", holder: nil)
  }

  private struct Walk {
    let limit: Int
    /// The values seen so far, by kind and position: an alias's copy has its anchor's position.
    var seen: Set<Key> = []
    var repeats = 0

    struct Key: Hashable {
      var kind: UInt8
      var line: Int
      var column: Int
    }

    init(limit: Int) { self.limit = limit }

    mutating func visit(_ node: Node, path: String, holder: Excess?) -> Excess? {
      let kind: UInt8
      switch node {
      case .scalar: kind = 0
      case .mapping: kind = 1
      case .sequence: kind = 2
      }
      let mark = node.mark
      let key = Key(kind: kind, line: mark?.line ?? 0, column: mark?.column ?? 0)
      var holder = holder
      if seen.insert(key).inserted {
        holder = Excess(line: key.line, column: key.column, path: path)
      } else {
        repeats += 1
        if repeats > limit { return holder ?? Excess(line: key.line, column: key.column, path: path) }
      }
      switch node {
      case .scalar:
        return nil
      case .sequence(let sequence):
        for (index, item) in sequence.enumerated() {
          if let found = visit(item, path: "\(path)[\(index)]", holder: holder) { return found }
        }
      case .mapping(let mapping):
        for (key, value) in mapping {
          let name = key.scalar?.string ?? "?"
          let child = path.isEmpty ? name : "\(path).\(name)"
          if let found = visit(key, path: child, holder: holder) { return found }
          if let found = visit(value, path: child, holder: holder) { return found }
        }
      }
      return nil
    }
  }
}
