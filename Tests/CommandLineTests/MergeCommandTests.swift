import Foundation
import Testing

/// `peaksim merge` as users and attackers run it: the shards' folders (issue 18), and hostile
/// partial results (issue 13, items 7 and 10) from `Hostile/merge-*.json`, each refused with
/// exit 65, a message naming the problem, and nothing written.
@Suite struct MergeCommandTests {
  /// `Tests/CommandLineTests/Hostile/<name>`.
  static func hostile(_ name: String) -> String {
    let file = #filePath
    return file[..<(file.lastIndex(of: "/") ?? file.startIndex)] + "/Hostile/" + name
  }

  func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  /// Everything under `directory`, as relative paths, sorted.
  func tree(_ directory: String) -> [String] {
    (FileManager.default.subpaths(atPath: directory) ?? []).sorted()
  }

  @Test func mergeTakesTheShardsFoldersAndSaysWhichShardIsMissingOrDoubled() throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-merge")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let sweep = ["sweep", ExperimentCommandTests.fixture("tiny.yaml"), "--vary", "event_source.batch_size=5,10"]
    #expect(try PeaksimProcess.run(sweep + ["--out", "whole"], in: dir).status == 0)
    #expect(try PeaksimProcess.run(sweep + ["--out", "a", "--shard", "1/2"], in: dir).status == 0)
    #expect(try PeaksimProcess.run(sweep + ["--out", "b", "--shard", "2/2"], in: dir).status == 0)

    let merged = try PeaksimProcess.run(["merge", "b", "a", "--out", "merged"], in: dir)
    #expect(merged.status == 0, "\(merged.stderr)")
    for file in ["sweep.csv", "sweep.md"] {
      #expect(contents(dir + "/merged/" + file) == contents(dir + "/whole/" + file), "\(file) as one machine's")
    }

    let missing = try PeaksimProcess.run(["merge", "a", "--out", "m1"], in: dir)
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("shard 2/2 missing (sweep.part-2-of-2.json)"), "\(missing.stderr)")
    let doubled = try PeaksimProcess.run(["merge", "a", "b", "a/sweep.part-1-of-2.json", "--out", "m2"], in: dir)
    #expect(doubled.status == 65)
    #expect(doubled.stderr.contains("shard 1/2 is given twice"), "\(doubled.stderr)")
    let empty = try PeaksimProcess.run(["merge", "whole", "--out", "m3"], in: dir)
    #expect(empty.status == 65)
    #expect(empty.stderr.contains("whole: the folder holds no partial result"), "\(empty.stderr)")
    for folder in ["m1", "m2", "m3"] { #expect(!FileManager.default.fileExists(atPath: dir + "/" + folder)) }
  }

  /// Each hostile part, merged in an empty folder: exit 65, the expected message, no file.
  @Test(arguments: [
    // Issue 13, item 7: the header's name would put the report outside reports/.
    ("merge-traversal.json", "the header's \"scenario\" is \"../../../../tmp/x\": a scenario name is letters"),
    ("merge-absolute-name.json", "the header's \"scenario\" is \"/tmp/x\": a scenario name is letters"),
    // Issue 13, item 10: figures, verdicts, seeds and numbers edited.
    ("merge-lost-met.json", "job 1: SLO lost_orders says actual 0 but orders.lost is 12345"),
    ("merge-lost-met-actual.json", "job 1: SLO lost_orders says met but actual 12345 is above target 0"),
    ("merge-seed-edited.json", "job 1 (replication 1): seed 7 breaks the seed rule"),
    ("merge-overflow.json", "job 0: latency.end_to_end_s.p99 is 1e999, beyond the range of a 64-bit"),
  ])
  func aHostilePartialResultIsRefusedAndNothingIsWritten(file: String, message: String) throws {
    let dir = try PeaksimProcess.temporaryDirectory("peaksim-merge-hostile")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Bounded like every hostile case: 20 s and 400 MB at most.
    let run = try PeaksimProcess.runBounded(["merge", Self.hostile(file)], in: dir, seconds: 20)
    #expect(!run.timedOut, "\(file): merge ran past 20 s")
    if let rss = run.maxResidentMegabytes { #expect(rss < 400, "\(file): merge reached \(Int(rss)) MB") }
    let outcome = run.outcome
    #expect(outcome.status == 65, "\(file): \(outcome.stderr)")
    #expect(outcome.stderr.contains(message), "\(file): \(outcome.stderr)")
    #expect(outcome.stdout.isEmpty)
    #expect(tree(dir).isEmpty, "\(file): nothing written, found \(tree(dir))")
  }
}
