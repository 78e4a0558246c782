// swift-tools-version: 6.0
import PackageDescription

// Layers (DESIGN.md): each target imports only the targets listed before it.
let collections: Target.Dependency = .product(name: "Collections", package: "swift-collections")
let heapModule: Target.Dependency = .product(name: "HeapModule", package: "swift-collections")
let histogram: Target.Dependency = .product(name: "Histogram", package: "hdrhistogram-swift")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
  name: "peaksim",
  products: [
    .executable(name: "peaksim", targets: ["peaksim"]),
    .library(name: "OrderValidation", targets: ["OrderValidation"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.2.0"),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
  ],
  targets: [
    // MARK: - System libraries
    .systemLibrary(
      name: "CGSL", pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]),

    // MARK: - Simulation foundations (no I/O)
    .target(name: "Randomness", dependencies: ["CGSL"]),
    .target(name: "SimulationKernel", dependencies: [heapModule]),
    .target(name: "OrderValidation"),

    // MARK: - Models
    .target(
      name: "PipelineModel",
      dependencies: ["SimulationKernel", "Randomness", "OrderValidation", histogram, collections]),

    // MARK: - Scenario files
    .target(name: "Scenario", dependencies: ["PipelineModel", yams]),

    // MARK: - Reports
    .target(name: "Reports", dependencies: ["PipelineModel", "Scenario"]),

    // MARK: - Experiments (replications, compare, sweep, sizing; parallel and sharded)
    .target(name: "Experiments", dependencies: ["Scenario", "PipelineModel", "Reports", "Randomness"]),

    // MARK: - Command-line tool
    .executableTarget(
      name: "peaksim",
      dependencies: [
        "Randomness", "SimulationKernel", "OrderValidation", "PipelineModel", "Scenario", "Reports", "Experiments",
        heapModule,
        argumentParser,
      ]),

    // MARK: - Tests
    .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
    .testTarget(name: "SimulationKernelTests", dependencies: ["SimulationKernel"]),
    .testTarget(name: "OrderValidationTests", dependencies: ["OrderValidation"], exclude: ["Fixtures"]),
    .testTarget(name: "PipelineModelTests", dependencies: ["PipelineModel"]),
    .testTarget(name: "ScenarioTests", dependencies: ["Scenario"], exclude: ["Fixtures"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "PipelineModel", "Scenario", "SimulationKernel"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"], exclude: ["Fixtures"]),
    // Runs the built `peaksim` (exit codes, stdout, stderr); Hostile/ holds issue 13's fixtures.
    .testTarget(name: "CommandLineTests", dependencies: ["peaksim"], exclude: ["Hostile"]),
  ]
)

for target in package.targets where target.type != .system {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  target.swiftSettings = settings
}
