import Dispatch
import Synchronization

/// Prepares arrivals on a second thread, up to ``chunkCount`` chunks ahead of the pipeline: a
/// ring of chunks handed over with semaphores, so the event loop never waits on body writing
/// and validation while the machine has a second core. The chunks hold plain values in memory
/// the prefetcher owns; each is written by one thread at a time, and the semaphores order the
/// hand-overs.
///
/// The ring is deep because the two threads' costs per order drift apart for hours at a time
/// (the event loop's grows with concurrency and retries, the producer's with items per order),
/// and with two chunks each thread waited on the other whenever it was the faster one.
final class OrderPrefetcher: @unchecked Sendable {
  static let chunkCapacity = 8_192
  /// Chunks in the ring: at most 32 × 8,192 orders ahead, about 6 MB.
  static let chunkCount = 32

  /// In its own allocation, away from this object's reference count and the fields the
  /// consumer reads: the producer's state is written for every order, and sharing a cache line
  /// with what the other core touches would bounce that line between the cores.
  private let producer: UnsafeMutablePointer<OrderProducer>
  private let buffers: UnsafeMutablePointer<PreparedOrder>
  /// Per chunk: how many orders it holds, and whether it is the last.
  private let counts: UnsafeMutablePointer<Int>
  private let isLast: UnsafeMutablePointer<Bool>
  private let filled: [DispatchSemaphore]
  private let free: [DispatchSemaphore]
  private let finished = DispatchSemaphore(value: 0)
  private let cancelled = Atomic<Bool>(false)
  private let produced = Atomic<Int>(0)

  var validations: Int { produced.load(ordering: .acquiring) }

  init(producer: consuming OrderProducer) {
    self.producer = .allocate(capacity: 1)
    self.producer.initialize(to: producer)
    buffers = .allocate(capacity: Self.chunkCapacity * Self.chunkCount)
    counts = .allocate(capacity: Self.chunkCount)
    counts.initialize(repeating: 0, count: Self.chunkCount)
    isLast = .allocate(capacity: Self.chunkCount)
    isLast.initialize(repeating: false, count: Self.chunkCount)
    filled = (0..<Self.chunkCount).map { _ in DispatchSemaphore(value: 0) }
    free = (0..<Self.chunkCount).map { _ in DispatchSemaphore(value: 1) }
    DispatchQueue.global(qos: .userInitiated).async { self.produce() }
  }

  deinit {
    producer.deinitialize(count: 1)
    producer.deallocate()
    buffers.deallocate()
    counts.deallocate()
    isLast.deallocate()
  }

  private func produce() {
    var index = 0
    while true {
      free[index].wait()
      if cancelled.load(ordering: .acquiring) { break }
      let buffer = buffers + index * Self.chunkCapacity
      var count = 0
      var last = false
      while count < Self.chunkCapacity {
        guard let order = producer.pointee.next() else {
          last = true
          break
        }
        (buffer + count).initialize(to: order)
        count += 1
      }
      produced.store(producer.pointee.validations, ordering: .releasing)
      counts[index] = count
      isLast[index] = last
      filled[index].signal()
      if last { break }
      index = Self.chunk(after: index)
    }
    finished.signal()
  }

  /// The chunk taken after chunk `index`.
  static func chunk(after index: Int) -> Int { index + 1 == chunkCount ? 0 : index + 1 }

  /// Waits for chunk `index` and lends it until ``release(_:)``.
  func take(_ index: Int) -> (UnsafeBufferPointer<PreparedOrder>, last: Bool) {
    filled[index].wait()
    return (UnsafeBufferPointer(start: buffers + index * Self.chunkCapacity, count: counts[index]), isLast[index])
  }

  /// Gives chunk `index` back to be refilled.
  func release(_ index: Int) { free[index].signal() }

  /// Stops the producer and waits for its thread to leave (called once, by the feed).
  func stop() {
    cancelled.store(true, ordering: .releasing)
    for semaphore in free { semaphore.signal() }
    finished.wait()
    // A run stopped early (limits.max_backlog) still holds a chunk it never released; libdispatch
    // traps when a semaphore is freed below its initial value, so give every one back once more.
    for semaphore in free { semaphore.signal() }
  }
}
