import PipelineModel
import SimulationKernel

extension ScenarioSchema {
  /// The largest write rate or capacity accepted (DynamoDB quotas are raisable; beyond this a
  /// unit slip is likelier than intent).
  static let maximumWriteRate = 10_000_000.0
  /// §5 "Capacity units": maximum item size 400 KB (DynamoDB's KB = 1,024 bytes).
  static let maximumItemSize = 409_600

  /// `table.*`: the DynamoDB orders table (aws-behaviour.md §5).
  static let tableSettings: [Setting] = [
    Setting("table.mode") { d, v, c in
      if let x = d.choice(v, TableConfiguration.CapacityMode.self) { c.table.mode = x }
    } render: {
      $0.table.mode.rawValue
    },

    // §5 "On-demand scaling rule": previous peak.
    Setting("table.previous_peak") { d, v, c in
      if let x = d.rate(v, 0...maximumWriteRate) { c.table.previousPeak = x }
    } render: {
      Units.renderRate($0.table.previousPeak)
    },

    // §5 "On-demand hard caps": 40,000 WRU per table by default.
    Setting("table.max_write_rate") { d, v, c in
      if let x = d.rate(v, 1...maximumWriteRate) { c.table.maxWriteRate = x }
    } render: {
      Units.renderRate($0.table.maxWriteRate)
    },

    Setting("table.write_capacity") { d, v, c in
      if let x = d.integer(v, 1...Int(maximumWriteRate)) { c.table.writeCapacity = Double(x) }
    } render: {
      Units.renderNumber($0.table.writeCapacity)
    },

    // §5 "Auto scaling (provisioned) – policy": target 20 – 90 %.
    Setting("table.autoscaling", inner: ["min", "max", "target"]) { d, v, c in
      if v.node.isNull { c.table.autoscaling = nil; return }
      guard let fields = d.mapping(v, allowed: ["min", "max", "target"], required: ["min", "max", "target"]) else {
        return
      }
      guard let min = d.integer(fields["min"]!, 1...Int(maximumWriteRate)),
        let max = d.integer(fields["max"]!, 1...Int(maximumWriteRate)),
        let target = d.number(fields["target"]!, 0.2...0.9, "a utilisation from 0.2 to 0.9 (AWS's 20 – 90 %)")
      else { return }
      guard max >= min else {
        d.mustBe(fields["max"]!, "at least min (\(min))")
        return
      }
      c.table.autoscaling = .init(min: Double(min), max: Double(max), target: target)
    } render: { c in
      c.table.autoscaling.map {
        "{min: \(Units.renderNumber($0.min)), max: \(Units.renderNumber($0.max)), target: \(Units.renderNumber($0.target))}"
      } ?? "null"
    },

    Setting("table.item_size") { d, v, c in
      if case .scalar(let s) = v.node, s.isPlain, s.text == "auto" { c.table.itemSize = .auto; return }
      let notASize =
        if case .scalar(let s) = v.node {
          v.node.isNull || Units.size(s.text) == .failure(Units.Problem.notANumber)
        } else { true }
      if notASize {
        d.mustBe(v, "auto or a size from 1B to 400KiB")
        return
      }
      if let x = d.size(v, 1...maximumItemSize) { c.table.itemSize = .bytes(x) }
    } render: { c in
      switch c.table.itemSize {
      case .auto: "auto"
      case .bytes(let n): Units.renderSize(n)
      }
    },

    Setting("table.partitions") { d, v, c in
      if case .scalar(let s) = v.node, s.isPlain, s.text == "auto" { c.table.partitions = nil; return }
      let notANumber = if case .scalar(let s) = v.node { DecimalNumber.parse(s.text) == nil } else { true }
      if notANumber {
        d.mustBe(v, "auto or an integer from 1 to 100000")
        return
      }
      if let x = d.integer(v, 1...100_000) { c.table.partitions = x }
    } render: {
      $0.table.partitions.map(String.init) ?? "auto"
    },

    Setting("table.hot_key_share") { d, v, c in
      if let x = d.fraction(v) { c.table.hotKeyShare = x }
    } render: {
      Units.renderNumber($0.table.hotKeyShare)
    },

    Setting("table.latency", inner: DistributionSyntax.allKeys) { d, v, c in
      if let x = d.distribution(v, .duration) { c.table.latency = x }
    } render: {
      DistributionSyntax.render($0.table.latency, .duration)
    },
  ]
}
