import Foundation

/// Diagnostics and progress go to standard error; results go to standard output.
enum StandardError {
  /// Writes `line` and a newline to standard error, unbuffered.
  static func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
