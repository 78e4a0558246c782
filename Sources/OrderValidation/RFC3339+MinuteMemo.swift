extension RFC3339 {
  /// The first 16 bytes (`YYYY-MM-DDTHH:MM`) of the last valid date-time a parse met, and the
  /// seconds since the epoch they name: a validator judging orders in time order meets the
  /// same minute hundreds of times and checks its calendar once (``RFC3339/parse(_:memo:)``).
  public struct MinuteMemo: Sendable {
    var head: (UInt64, UInt64) = (0, 0)
    var minuteSeconds = 0
    var isSet = false

    public init() {}

    init(head: (UInt64, UInt64), minuteSeconds: Int) {
      self.head = head
      self.minuteSeconds = minuteSeconds
      isSet = true
    }
  }
}
