internal import CGSL

/// GSL's default error handler calls `abort()`. peaksim turns it off once, before the first
/// generator exists, and checks arguments and status codes itself.
enum GSLErrors {
  private static let handlerOff: Void = { cgsl_error_handler_off() }()

  static func turnOffAbortingHandler() { _ = handlerOff }
}
