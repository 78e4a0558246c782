extension EventQueue {
  /// One lane of the queue: an 8-ary min-heap of entries by their `(time, priority, sequence)`
  /// key.
  @frozen
  public struct Lane {
    @usableFromInline var storage: ContiguousArray<Entry> = []

    @inlinable init() {}

    /// Sifts `entry` up from a new leaf.
    @inlinable
    mutating func insert(_ entry: Entry) {
      storage.append(entry)
      storage.withUnsafeMutableBufferPointer { heap in
        var hole = heap.count - 1
        let key = entry.key
        while hole > 0 {
          let parent = (hole - 1) >> 3
          if !(key < heap[parent].key) { break }
          heap[hole] = heap[parent]
          hole = parent
        }
        heap[hole] = entry
      }
    }

    /// Removes and returns the earliest entry.
    ///
    /// Bottom-up deletion (Wegener): the hole left at the root goes down to a leaf along the
    /// smallest children without comparing against the displaced last entry, which then climbs
    /// back the few levels it needs. The last entry almost always belongs near the bottom, so
    /// this saves about one comparison per level.
    @inlinable
    mutating func popMin() -> Entry? {
      guard let last = storage.popLast() else { return nil }
      if storage.isEmpty { return last }
      return storage.withUnsafeMutableBufferPointer { heap in
        let top = heap[0]
        let n = heap.count
        var hole = 0
        while true {
          let first = 8 &* hole &+ 1
          if first >= n { break }
          var best = first
          var bestKey = heap[first].key
          let end = Swift.min(first &+ 8, n)
          var child = first &+ 1
          while child < end {
            let k = heap[child].key
            if k < bestKey { best = child; bestKey = k }
            child &+= 1
          }
          heap[hole] = heap[best]
          hole = best
        }
        let lastKey = last.key
        while hole > 0 {
          let parent = (hole &- 1) >> 3
          if heap[parent].key < lastKey { break }
          heap[hole] = heap[parent]
          hole = parent
        }
        heap[hole] = last
        return top
      }
    }
  }
}
