import ArgumentParser

/// The `peaksim` command line: argument parsing, progress on stderr and exit codes only.
/// Everything it runs lives in the library modules.
@main
struct Peaksim: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "peaksim",
    abstract: "Deterministic capacity simulator for SQS → Lambda → DynamoDB order pipelines.",
    discussion: """
      Run what-if scenarios for a peak sale (Thanksgiving, Black Friday, Cyber Monday): size Lambda
      concurrency, batch sizes and DynamoDB capacity, and read CSV, Markdown and SVG reports.
      The same scenario and seed always give byte-identical reports.
      """,
    version: version,
    subcommands: [Bench.self, ValidateOrder.self]
  )
}
