import SimulationKernel

// How charts and reports write a calendar instant (the arithmetic is the kernel's).
extension UTCDateTime {
  static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `Thu 26 Nov`
  var dayLabel: String {
    Self.weekdayNames[weekday] + " \(day) " + Self.monthNames[month - 1]
  }

  /// `18:00`, or `18:00:30` when `withSeconds`.
  func timeLabel(withSeconds: Bool = false) -> String {
    let base = NumberFormat.twoDigits(hour) + ":" + NumberFormat.twoDigits(minute)
    return withSeconds ? base + ":" + NumberFormat.twoDigits(second) : base
  }

  /// `2026-11-26 18:00`
  var isoLabel: String {
    "\(year)-" + NumberFormat.twoDigits(month) + "-" + NumberFormat.twoDigits(day) + " " + timeLabel()
  }
}
