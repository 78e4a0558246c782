import Randomness
import SimulationKernel

/// The checkout that calls the function synchronously (the "before" architecture): one request
/// per order copy, retried after an error with exponential backoff and full jitter — 1 s, 2 s,
/// 4 s, … — `client_retries` times, then given up (SCENARIO.md `orders.client_retries`).
struct SynchronousClient: ~Copyable {
  /// The requests in progress, as message records (send time, order, twin, verdict, flags).
  var requests = MessageStore()
  /// Tries made after the first, per request slot.
  var attempts: ContiguousArray<UInt32> = []
  let retries: Int
  var stream: RandomStream
  /// The one-element delivery buffer handed to each invocation (swapped, never reallocated).
  var scratch: ContiguousArray<Delivery> = []

  init(retries: Int, seed: UInt64) {
    self.retries = retries
    stream = RandomStream(seed: seed, name: "client.retries")
  }

  /// A new request for `record` (a new order, or the second copy of a duplicate).
  mutating func open(_ record: MessageRecord) -> UInt32 {
    let slot = requests.allocate(record)
    if Int(slot) == attempts.count { attempts.append(0) } else { attempts[Int(slot)] = 0 }
    return slot
  }

  /// Whether `event` is about a request's current try.
  func isCurrent(_ event: ClientEvent) -> Bool {
    switch event {
    case .retry(let request, let attempt): attempts[Int(request)] == attempt
    }
  }

  /// After an error: schedules the next try and returns true, or returns false when the
  /// client gives up.
  mutating func retryLater(_ slot: UInt32, scheduler: inout EventScheduler<PipelineEvent>) -> Bool {
    let i = Int(slot)
    guard Int(attempts[i]) < retries else { return false }
    attempts[i] += 1
    let cap = Double(Int64(1) << min(Int64(attempts[i]) - 1, 10))
    let wait = SimDuration(seconds: stream.uniform() * cap)
    scheduler.schedule(.client(.retry(request: slot, attempt: attempts[i])), after: wait)
    return true
  }

  /// The request is over (answered, or given up).
  mutating func close(_ slot: UInt32) -> OrderFate { requests.release(slot) }
}
