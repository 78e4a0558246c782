extension ContiguousArray {
  /// Removes every element and keeps the buffer, from the end. `removeAll(keepingCapacity:)`
  /// goes through the generic `replaceSubrange` (67 instructions, callgrind), most of the cost of
  /// emptying a batch's deliveries, which are one to ten; `removeLast` is a few each.
  @inline(__always)
  mutating func removeAllFromEnd() {
    while !isEmpty { removeLast() }
  }
}
