import Testing

@testable import Reports

@Suite struct MinMaxDownsamplerTests {
  @Test(arguments: [1 as UInt64, 7, 42, 2026])
  func downsamplingKeepsTheMaximumMinimumAndEnds(seed: UInt64) throws {
    var state = seed
    func next() -> Double {  // SplitMix64
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    let count = 50_000 + Int(seed % 1000)
    var points = (0..<count).map { ChartPoint(x: Double($0) * 60, y: next() * 100) }
    let spike = Int(next() * Double(count))
    points[spike].y = 1_000
    let output = MinMaxDownsampler.downsample(points[...], maxPoints: 2_000)
    #expect(output.count <= 2_000)
    #expect(output.count >= 1_000)
    #expect(output.map(\.y).max() == points.map(\.y).max())
    #expect(output.map(\.y).min() == points.map(\.y).min())
    #expect(output.contains(points[spike]))
    #expect(output.first == points.first && output.last == points.last)
    #expect(zip(output, output.dropFirst()).allSatisfy { $0.x < $1.x })
  }

  @Test func shortSeriesAreLeftAlone() {
    let points = (0..<10).map { ChartPoint(x: Double($0), y: Double($0 * $0)) }
    #expect(MinMaxDownsampler.downsample(points[...], maxPoints: 2_000) == points)
  }
}
