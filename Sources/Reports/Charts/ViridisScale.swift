/// The viridis colour map (van der Walt & Smith, matplotlib): perceptually uniform, legible
/// in greyscale and to readers with colour-vision deficiencies. Dark purple at 0, yellow at 1.
enum ViridisScale {
  /// Nine samples of viridis at 0, 1/8, …, 1; colours between them are interpolated in RGB.
  static let anchors: [ChartColor] = [
    ChartColor(hex: "#440154"), ChartColor(hex: "#472D7B"), ChartColor(hex: "#3B528B"),
    ChartColor(hex: "#2C728E"), ChartColor(hex: "#21918C"), ChartColor(hex: "#28AE80"),
    ChartColor(hex: "#5EC962"), ChartColor(hex: "#ADDC30"), ChartColor(hex: "#FDE725"),
  ]

  /// The colour at `fraction` (clamped to 0...1).
  static func color(at fraction: Double) -> ChartColor {
    let t = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
    let position = t * Double(anchors.count - 1)
    let index = min(Int(position), anchors.count - 2)
    let local = position - Double(index)
    let (r0, g0, b0) = anchors[index].components
    let (r1, g1, b1) = anchors[index + 1].components
    func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * local).rounded()) }
    return ChartColor(red: mix(r0, r1), green: mix(g0, g1), blue: mix(b0, b1))
  }
}
