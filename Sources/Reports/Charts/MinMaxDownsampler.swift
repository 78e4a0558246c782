/// Thins a long series for drawing while keeping its peaks and troughs.
///
/// The points are split into equal runs of consecutive indices (buckets); each bucket keeps
/// its lowest and its highest point, in their original order, and the first and last point of
/// the whole series are always kept. A spike that lasts a single sample therefore survives,
/// where averaging or taking every n-th point would hide it: the maximum and minimum of the
/// output equal those of the input.
enum MinMaxDownsampler {
  /// At most `maxPoints` points (at least 4 are allowed) of `points`, which must be finite and
  /// in x order.
  ///
  /// - Complexity: O(n)
  static func downsample(_ points: ArraySlice<ChartPoint>, maxPoints: Int) -> [ChartPoint] {
    let budget = max(maxPoints, 4)
    guard points.count > budget, let firstPoint = points.first, let lastPoint = points.last else {
      return Array(points)
    }
    let bucketCount = (budget - 2) / 2
    let interior = points.dropFirst().dropLast()
    let start = interior.startIndex
    let count = interior.count
    var output: [ChartPoint] = [firstPoint]
    output.reserveCapacity(budget)
    for bucket in 0..<bucketCount {
      let from = start + bucket * count / bucketCount
      let to = start + (bucket + 1) * count / bucketCount
      guard from < to else { continue }
      var lowest = from
      var highest = from
      for index in from..<to {
        if interior[index].y < interior[lowest].y { lowest = index }
        if interior[index].y > interior[highest].y { highest = index }
      }
      if lowest == highest {
        output.append(interior[lowest])
      } else {
        output.append(interior[min(lowest, highest)])
        output.append(interior[max(lowest, highest)])
      }
    }
    output.append(lastPoint)
    return output
  }
}
