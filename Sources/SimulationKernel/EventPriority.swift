/// The second part of the event order: among events at the same instant, a lower priority fires
/// first; among equal priorities, the one scheduled first (the insertion sequence).
///
/// The whole order is one key, `(time, priority, sequence)`, compared as a single unsigned
/// 128-bit integer. Models name their own priorities (PipelineModel: arrivals, then returning
/// messages, then everything else), so that which of two simultaneous events fires first is a
/// stated rule, not an accident of the loop that merges them.
@frozen
public struct EventPriority: Hashable, Comparable, Sendable {
  public var rawValue: UInt8

  @inlinable public init(_ rawValue: UInt8) { self.rawValue = rawValue }

  /// The priority of events scheduled without one.
  @inlinable public static var normal: EventPriority { EventPriority(128) }

  @inlinable public static func < (a: EventPriority, b: EventPriority) -> Bool { a.rawValue < b.rawValue }
}
