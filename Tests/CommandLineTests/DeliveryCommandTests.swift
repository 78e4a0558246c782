import Foundation
import Testing

/// A scenario with a delivery pipeline and no traffic: `run` writes delivery.csv, the report's
/// delivery section, charts/delivery.svg and summary.json `delivery`, and a missed
/// `slo.p95_lead_time` exits 3; `size` searches a delivery key against it.
@Suite struct DeliveryCommandTests {
  static let scenario = """
    name: team-week
    duration: 7d
    interval: 1h
    delivery:
      commits: {rate: 6/h}
      build: {system: jenkins, executors: 1, crash: null, trigger_delay: 0s}
    slo: {p99_end_to_end: null, max_oldest_age: null, valid_orders_in_dlq: null, lost_orders: null, p95_lead_time: 20m}

    """

  func write(_ dir: String) throws -> String {
    let path = dir + "/team.yaml"
    try Self.scenario.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func deliveryOnlyRunWritesTheDeliveryOutputs() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-delivery")
    let path = try write(dir)
    let outcome = try PeaksimProcess.run(["run", path, "--out", "out", "--quiet"], in: dir)
    #expect(outcome.status == 0 || outcome.status == 3, "\(outcome.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
    #expect(files.contains("delivery.csv"))
    #expect(FileManager.default.fileExists(atPath: dir + "/out/charts/delivery.svg"))
    let csv = try String(contentsOfFile: dir + "/out/delivery.csv", encoding: .utf8)
    #expect(csv.hasPrefix("time_s,commits,queued,running,lost,rejected,timed_out,succeeded,failed\n"))
    #expect(csv.split(separator: "\n").count == 1 + 7 * 24)
    let summary = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/summary.json")))
    let delivery = try #require((summary as? [String: Any])?["delivery"] as? [String: Any])
    let builds = try #require(delivery["builds"] as? [String: Any])
    for key in ["started", "succeeded", "failed", "lost", "rejected", "timed_out"] {
      #expect(builds[key] is Int, "builds.\(key)")
    }
    for section in ["queue_wait_s", "lead_time_s"] {
      let figures = try #require(delivery[section] as? [String: Any])
      #expect(["mean", "p50", "p95", "p99", "max"].allSatisfy { figures[$0] != nil })
    }
    #expect(delivery["deployments"] is Int)
    #expect((delivery["cost_usd"] as? [String: Any])?["delivery"] != nil)
    let report = try String(contentsOfFile: dir + "/out/report.md", encoding: .utf8)
    #expect(report.contains("## Delivery pipeline"))
  }

  @Test func aMissedLeadTimeSLOExits3() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-delivery")
    let path = try write(dir)
    let outcome = try PeaksimProcess.run(
      ["run", path, "--out", "out", "--quiet", "--set", "slo.p95_lead_time=1m"], in: dir)
    #expect(outcome.status == 3)
    #expect(outcome.stdout.contains("p95_lead_time"))
  }

  @Test func sizeSearchesADeliveryKeyForTheLeadTime() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-delivery")
    let path = try write(dir)
    let outcome = try PeaksimProcess.run(
      [
        "size", path, "--for", "delivery.build.executors", "--range", "1..4", "--set", "slo.p95_lead_time=15m", "--out",
        "s",
      ],
      in: dir)
    #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    #expect(outcome.stdout.contains("delivery.build.executors"))
  }
}
