/// One machine's share of an experiment: shard `index` of `count` (1-based, as `--shard I/N`).
///
/// Job `k` (0-based, in the experiment's job order) belongs to shard `(k mod count) + 1`, so
/// the split depends only on the job order and the count: every machine computes the same
/// split without talking to the others, and neighbouring grid points land on different machines
/// (a slow corner of a sweep is spread out).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// 1 … `count`.
  public let index: Int
  public let count: Int

  public init(index: Int, count: Int) throws(ShardError) {
    guard count >= 1 else { throw ShardError("the shard count must be at least 1, got \(count)") }
    guard index >= 1 && index <= count else {
      throw ShardError("shard \(index) of \(count) does not exist: shards are numbered 1 to \(count)")
    }
    self.index = index
    self.count = count
  }

  /// Parses `I/N`, e.g. `2/3`.
  public init(argument: String) throws(ShardError) {
    let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0].trimmingSpaces), let count = Int(parts[1].trimmingSpaces) else {
      throw ShardError("expected I/N with whole numbers, e.g. --shard 2/3, got \(argument)")
    }
    try self.init(index: index, count: count)
  }

  /// The whole experiment on one machine.
  public static let whole = Shard(unchecked: 1, count: 1)

  /// A shard known to exist (`1 ≤ index ≤ count`).
  init(unchecked index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Whether job `job` (0-based) is this shard's.
  public func owns(_ job: Int) -> Bool { job % count + 1 == index }

  /// This shard's jobs among `0..<jobCount`, in order.
  public func jobs(of jobCount: Int) -> [Int] { (0..<jobCount).filter(owns) }

  /// `2/3`.
  public var description: String { "\(index)/\(count)" }
}

/// A shard that cannot exist or cannot be read from the environment.
public struct ShardError: Error, CustomStringConvertible, Equatable {
  public var description: String
  public init(_ description: String) { self.description = description }
}

extension StringProtocol {
  var trimmingSpaces: String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}
