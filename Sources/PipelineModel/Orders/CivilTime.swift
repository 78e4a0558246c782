import SimulationKernel

/// Calendar fields of a Unix instant in UTC to the millisecond, for writing `created_at` and
/// `order_id` dates without Foundation (whose formatters depend on the machine's locale and
/// time zone data). The calendar arithmetic is the kernel's ``UTCDateTime`` (inlined).
struct CivilTime: Equatable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  var millisecond: Int

  /// The UTC calendar time of `unixMilliseconds` (proleptic Gregorian, any sign).
  init(unixMilliseconds: Int64) {
    let (seconds, millisecond) = Self.floorDivision(unixMilliseconds, 1_000)
    let time = UTCDateTime(unixSeconds: seconds)
    self.millisecond = Int(millisecond)
    year = time.year
    month = time.month
    day = time.day
    hour = time.hour
    minute = time.minute
    second = time.second
  }

  /// Quotient rounded towards negative infinity, and the non-negative remainder.
  static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    UTCDateTime.floorDivision(value, divisor)
  }
}
