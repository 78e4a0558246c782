// swift-tools-version: 6.0
import PackageDescription

// Layers (DESIGN.md): each target imports only the targets listed before it.
let collections: Target.Dependency = .product(name: "Collections", package: "swift-collections")
let heapModule: Target.Dependency = .product(name: "HeapModule", package: "swift-collections")
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

    // MARK: - Command-line tool
    .executableTarget(
      name: "peaksim",
      dependencies: ["Randomness", "SimulationKernel", "OrderValidation", heapModule, argumentParser]),

    // MARK: - Tests
    .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
    .testTarget(name: "SimulationKernelTests", dependencies: ["SimulationKernel"]),
    .testTarget(name: "OrderValidationTests", dependencies: ["OrderValidation"]),
  ]
)

for target in package.targets where target.type != .system {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  target.swiftSettings = settings
}
