import ArgumentParser

extension Peaksim {
  /// `peaksim bench …`: speed measured against a baseline run in the same process.
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure peaksim's speed against a baseline run in the same process.",
      discussion: "Figures are ratios against the baseline; absolute rates depend on the machine.",
      subcommands: [BenchEngine.self, BenchPipeline.self]
    )
  }
}
