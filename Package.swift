// swift-tools-version: 6.0
import PackageDescription

// Layers (DESIGN.md): each target imports only the targets listed before it, and declares
// exactly the modules it imports (`grep -rh '^import' Sources/<target>`; the toolchain's
// Foundation, Dispatch and Synchronization need no declaration).
let dequeModule: Target.Dependency = .product(name: "DequeModule", package: "swift-collections")
let heapModule: Target.Dependency = .product(name: "HeapModule", package: "swift-collections")
/// `UniqueArray`: a noncopyable array, without copy-on-write's uniqueness check per mutation.
let basicContainers: Target.Dependency = .product(name: "BasicContainers", package: "swift-collections")
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

    // A cache-line prefetch, which Swift cannot express (the body writer's catalogue lines).
    .target(name: "CPrefetch"),

    // MARK: - Simulation foundations (no I/O)
    .target(name: "Randomness", dependencies: ["CGSL"]),
    .target(name: "SimulationKernel"),
    .target(name: "OrderValidation"),

    // MARK: - Models
    .target(
      name: "PipelineModel",
      dependencies: [
        "SimulationKernel", "Randomness", "OrderValidation", "CPrefetch", histogram, dequeModule, heapModule,
        basicContainers,
      ]),

    // The delivery pipeline (commits, CodeBuild, Jenkins on one EC2, failure e-mails); its
    // releases become the order pipeline's deployments.
    .target(name: "DeliveryModel", dependencies: ["SimulationKernel", "Randomness", "PipelineModel"]),

    // MARK: - Scenario files
    .target(name: "Scenario", dependencies: ["SimulationKernel", "Randomness", "PipelineModel", yams]),

    // MARK: - Reports
    .target(name: "Reports", dependencies: ["SimulationKernel", "PipelineModel", "Scenario"]),

    // MARK: - Experiments (replications, compare, sweep, sizing; parallel and sharded)
    .target(
      name: "Experiments", dependencies: ["Scenario", "PipelineModel", "DeliveryModel", "Reports", "Randomness"]),

    // MARK: - Command-line tool
    .executableTarget(
      name: "peaksim",
      dependencies: [
        "Randomness", "SimulationKernel", "OrderValidation", "PipelineModel", "DeliveryModel", "Scenario", "Reports",
        "Experiments",
        heapModule,
        argumentParser,
      ]),

    // MARK: - Tests
    // Scratch folders for the suites that write files, removed when the test process exits.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "RandomnessTests", dependencies: ["Randomness", "CGSL"]),
    .testTarget(name: "SimulationKernelTests", dependencies: ["SimulationKernel"]),
    .testTarget(name: "OrderValidationTests", dependencies: ["OrderValidation"], exclude: ["Fixtures"]),
    .testTarget(
      name: "PipelineModelTests", dependencies: ["SimulationKernel", "Randomness", "OrderValidation", "PipelineModel"]),
    .testTarget(
      name: "DeliveryModelTests", dependencies: ["SimulationKernel", "Randomness", "PipelineModel", "DeliveryModel"]),
    .testTarget(
      name: "ScenarioTests",
      dependencies: ["SimulationKernel", "Randomness", "PipelineModel", "Scenario", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ReportsTests", dependencies: ["Reports", "PipelineModel", "Scenario", "SimulationKernel", "TestSupport"]),
    // Yams: JobSpecTests reads the Kubernetes job files of docs/jobs/.
    .testTarget(name: "ExperimentsTests", dependencies: ["Randomness", "Experiments", yams], exclude: ["Fixtures"]),
    // Runs the built `peaksim` (exit codes, stdout, stderr). Golden/ holds the expected outputs of
    // scenarios/tests/small.yaml (GoldenOutputTests says how to regenerate them); Hostile/ holds
    // hostile input files.
    .testTarget(name: "CommandLineTests", dependencies: ["peaksim", "TestSupport"], exclude: ["Golden", "Hostile"]),
  ]
)

for target in package.targets where target.type != .system {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  target.swiftSettings = settings
}
