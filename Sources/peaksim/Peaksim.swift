import ArgumentParser
import Foundation

/// The `peaksim` command line: argument parsing, progress on stderr and exit codes only.
/// Everything it runs lives in the library modules.
@main
struct Peaksim: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "peaksim",
    abstract: "Deterministic capacity simulator for SQS → Lambda → DynamoDB order pipelines.",
    discussion: """
      Run what-if scenarios for a peak sale (Thanksgiving, Black Friday, Cyber Monday): size \
      Lambda concurrency, batch sizes and DynamoDB capacity, and read CSV, Markdown and SVG \
      reports. The same scenario and seed always give byte-identical reports.
      """,
    version: version,
    subcommands: [
      Run.self, Check.self, Init.self, Compare.self, Sweep.self, Size.self, Merge.self,
      ValidateOrder.self, Bench.self, Import.self,
    ]
  )

  /// Runs the command, mapping argument-parser's usage errors (EX_USAGE, 64) to peaksim's
  /// documented usage exit code, 2 (`ExitCodes`).
  static func main() {
    SignalCleanup.install()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        StandardError.write(fullMessage(for: error))
        Foundation.exit(ExitCodes.usage)
      }
      exit(withError: error)
    }
  }
}
