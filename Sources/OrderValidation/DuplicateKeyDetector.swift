/// Finds repeated keys among the members of open objects that the order format does not
/// define (extra fields, and every object nested in one).
///
/// The order's own keys are tracked with bitmasks by the order pass; this handles the rest.
/// Entries live in one stack shared by all open objects: an object pushes its keys on top and
/// pops them when it closes. The storage starts as a caller-provided buffer (on the stack, so
/// typical bodies allocate nothing) and moves to the heap only if more keys are open at once.
///
/// Each new key is compared with the earlier keys of its object while the object has at most
/// ``linearLimit`` keys: a hash test, then the unescaped bytes. Past that the object's keys
/// are sorted by hash when it closes, so a 40,000-key object costs O(n log n), not O(n²).
struct DuplicateKeyDetector: ~Copyable {
  struct Entry {
    var hash: UInt64
    var key: JSONString
  }

  static let linearLimit = 16

  private var storage: UnsafeMutablePointer<Entry>
  private var capacity: Int
  private var ownsStorage = false
  private(set) var count = 0

  init(scratch: UnsafeMutableBufferPointer<Entry>) {
    // A zero-capacity scratch has no address; give it one so `storage` is never nil.
    if let address = scratch.baseAddress, scratch.count > 0 {
      storage = address
      capacity = scratch.count
    } else {
      storage = .allocate(capacity: 16)
      capacity = 16
      ownsStorage = true
    }
  }

  deinit {
    if ownsStorage { storage.deallocate() }
  }

  /// Opens an object; pass the returned mark to ``add(_:hash:object:in:)`` and ``close(_:in:)``.
  func open() -> Int { count }

  /// Records `key` in the object opened at `object` and returns whether it repeats an
  /// earlier key of that object. Past ``linearLimit`` keys it returns `false` and leaves the
  /// answer to ``close(_:in:)``.
  mutating func add(_ key: JSONString, hash: UInt64, object: Int, in base: UnsafePointer<UInt8>) -> Bool {
    var isRepeated = false
    if count - object < Self.linearLimit {
      for index in object..<count where storage[index].hash == hash {
        if Self.sameKey(storage[index].key, key, in: base) {
          isRepeated = true
          break
        }
      }
    }
    if count == capacity { grow() }
    (storage + count).initialize(to: Entry(hash: hash, key: key))
    count += 1
    return isRepeated
  }

  /// Closes the object opened at `object`, forgetting its keys. For objects past
  /// ``linearLimit`` keys it returns the offset of the earliest key that repeats an earlier
  /// one (the one a front-to-back pass would have met first), or `nil`.
  mutating func close(_ object: Int, in base: UnsafePointer<UInt8>) -> Int? {
    defer { count = object }
    guard count - object > Self.linearLimit else { return nil }
    var entries = UnsafeMutableBufferPointer(start: storage + object, count: count - object)
    entries.sort { ($0.hash, $0.key.start) < ($1.hash, $1.key.start) }
    var earliest: Int?
    var runStart = 0
    while runStart < entries.count {
      var runEnd = runStart + 1
      while runEnd < entries.count, entries[runEnd].hash == entries[runStart].hash { runEnd += 1 }
      // Within a run, keys are in body order; the first one equal to an earlier one is this
      // run's earliest repeat. Different keys share a run only on a hash collision.
      search: for later in (runStart + 1)..<runEnd {
        for earlier in runStart..<later where Self.sameKey(entries[earlier].key, entries[later].key, in: base) {
          let offset = entries[later].key.start - 1
          earliest = min(earliest ?? offset, offset)
          break search
        }
      }
      runStart = runEnd
    }
    return earliest
  }

  private mutating func grow() {
    let newCapacity = capacity * 2
    let newStorage = UnsafeMutablePointer<Entry>.allocate(capacity: newCapacity)
    newStorage.moveInitialize(from: storage, count: count)
    if ownsStorage { storage.deallocate() }
    storage = newStorage
    capacity = newCapacity
    ownsStorage = true
  }

  /// Whether two keys are equal after unescaping.
  static func sameKey(_ a: JSONString, _ b: JSONString, in base: UnsafePointer<UInt8>) -> Bool {
    if !a.hasEscapes, !b.hasEscapes {
      let length = a.end - a.start
      guard length == b.end - b.start else { return false }
      for index in 0..<length where base[a.start + index] != base[b.start + index] { return false }
      return true
    }
    return a.withUnescapedBytes(in: base) { first in
      b.withUnescapedBytes(in: base) { second in first.elementsEqual(second) }
    }
  }
}
