import Dispatch
import Synchronization

/// Prepares arrivals on a second thread, one chunk ahead of the pipeline: double buffering
/// handed over with semaphores, so the event loop never waits on body writing and validation
/// while the machine has a second core. The chunks hold plain values in memory the prefetcher
/// owns; each is written by one thread at a time, and the semaphores order the hand-overs.
final class OrderPrefetcher: @unchecked Sendable {
  static let chunkCapacity = 8_192

  /// In its own allocation, away from this object's reference count and the fields the
  /// consumer reads: the producer's state is written for every order, and sharing a cache line
  /// with what the other core touches would bounce that line between the cores.
  private let producer: UnsafeMutablePointer<OrderProducer>
  private let buffers: (UnsafeMutablePointer<PreparedOrder>, UnsafeMutablePointer<PreparedOrder>)
  private var counts = (0, 0)
  private var isLast = (false, false)
  private let filled = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
  private let free = (DispatchSemaphore(value: 1), DispatchSemaphore(value: 1))
  private let finished = DispatchSemaphore(value: 0)
  private let cancelled = Atomic<Bool>(false)
  private let produced = Atomic<Int>(0)

  var validations: Int { produced.load(ordering: .acquiring) }

  init(producer: consuming OrderProducer) {
    self.producer = .allocate(capacity: 1)
    self.producer.initialize(to: producer)
    buffers = (.allocate(capacity: Self.chunkCapacity), .allocate(capacity: Self.chunkCapacity))
    DispatchQueue.global(qos: .userInitiated).async { self.produce() }
  }

  deinit {
    producer.deinitialize(count: 1)
    producer.deallocate()
    buffers.0.deallocate()
    buffers.1.deallocate()
  }

  private func produce() {
    var index = 0
    while true {
      (index == 0 ? free.0 : free.1).wait()
      if cancelled.load(ordering: .acquiring) { break }
      let buffer = index == 0 ? buffers.0 : buffers.1
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
      if index == 0 { counts.0 = count; isLast.0 = last } else { counts.1 = count; isLast.1 = last }
      (index == 0 ? filled.0 : filled.1).signal()
      if last { break }
      index ^= 1
    }
    finished.signal()
  }

  /// Waits for chunk `index` (0 or 1) and lends it until ``release(_:)``.
  func take(_ index: Int) -> (UnsafeBufferPointer<PreparedOrder>, last: Bool) {
    (index == 0 ? filled.0 : filled.1).wait()
    return index == 0
      ? (UnsafeBufferPointer(start: buffers.0, count: counts.0), isLast.0)
      : (UnsafeBufferPointer(start: buffers.1, count: counts.1), isLast.1)
  }

  /// Gives chunk `index` back to be refilled.
  func release(_ index: Int) { (index == 0 ? free.0 : free.1).signal() }

  /// Stops the producer and waits for its thread to leave (called once, by the feed).
  func stop() {
    cancelled.store(true, ordering: .releasing)
    free.0.signal()
    free.1.signal()
    finished.wait()
    // A run stopped early (limits.max_backlog) still holds a chunk it never released; libdispatch
    // traps when a semaphore is freed below its initial value, so give both back once more.
    free.0.signal()
    free.1.signal()
  }
}
