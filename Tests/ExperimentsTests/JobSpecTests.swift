import Foundation
import Testing
import Yams

@testable import Experiments

/// The job files of docs/jobs/ (issue 18): each engine's spec, read as the engine reads it,
/// gives every task the variables and arguments that make ShardEnvironment pick a distinct
/// shard of the right count; the merge reads where the shards write; and docs/experiments.md
/// links the files instead of holding copies that could drift.
@Suite struct JobSpecTests {
  static let jobs = Fixtures.repositoryRoot + "/docs/jobs"

  func text(_ name: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: Self.jobs + "/" + name)), as: UTF8.self)
  }

  func json(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.jobs + "/" + name))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is a JSON object")
  }

  /// The shards that `count` tasks get from `environment(task)`, in task order.
  func shards(_ count: Int, _ environment: (Int) -> [String: String]) throws -> [String] {
    try (0..<count).map { task in
      try #require(try ShardEnvironment.detect(environment(task)), "task \(task) finds a shard").shard.description
    }
  }

  /// `1/3`, `2/3`, `3/3`.
  func expected(_ count: Int) -> [String] { (1...count).map { "\($0)/\(count)" } }

  /// Splits a `sh -c` command into words (single and double quotes; no expansions).
  static func words(_ command: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var inWord = false
    for character in command {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character == " " {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }

  /// The arguments after `peaksim` up to the end of that command (`&&`, `;`, `|`).
  static func peaksimArguments(_ words: [String]) -> [String]? {
    guard let start = words.firstIndex(of: "peaksim") else { return nil }
    let rest = words[(start + 1)...]
    return Array(rest.prefix { !["&&", ";", "|", "||"].contains($0) })
  }

  static func value(of option: String, in arguments: [String]) -> String? {
    guard let position = arguments.firstIndex(of: option), position + 1 < arguments.count else { return nil }
    return arguments[position + 1]
  }

  @Test func slurmScriptsGetTheirShardFromTheArrayVariablesSlurmSets() throws {
    for name in ["slurm-sweep.sh", "slurm-replications.sh"] {
      let script = try text(name)
      let array = try #require(
        script.split(separator: "\n").first { $0.hasPrefix("#SBATCH --array=") }, "\(name) asks for an array")
      let range = array.dropFirst("#SBATCH --array=".count).split(separator: "-").compactMap { Int($0) }
      try #require(range.count == 2, "\(name): --array=A-B")
      let (low, high) = (range[0], range[1])
      // What Slurm 22.05 sets in every task of --array=A-B (checked by make test-cluster).
      let found = try shards(high - low + 1) { task in
        [
          "SLURM_ARRAY_TASK_ID": "\(low + task)", "SLURM_ARRAY_TASK_MIN": "\(low)",
          "SLURM_ARRAY_TASK_MAX": "\(high)", "SLURM_ARRAY_TASK_STEP": "1",
          "SLURM_ARRAY_TASK_COUNT": "\(high - low + 1)",
        ]
      }
      #expect(found == expected(high - low + 1), "\(name)")
      let command = try #require(script.split(separator: "\n").first { $0.hasPrefix("exec peaksim ") }, "\(name)")
      #expect(!command.contains("--shard"), "\(name) must leave the shard to the environment")
      // The task's CPUs as --jobs, before the arguments so that a --jobs given there wins.
      let verb = name == "slurm-sweep.sh" ? "sweep" : "run"
      #expect(command == "exec peaksim \(verb) --jobs \"${SLURM_CPUS_PER_TASK:-1}\" \"$@\"")
    }
    let merge = try text("slurm-merge.sh")
    #expect(merge.contains("exec peaksim merge \"$@\""))
    #expect(merge.contains("#SBATCH --kill-on-invalid-dep=yes"), "a failed array cancels the merge")
  }

  @Test func theClusterTestSubmitsTheseVeryScripts() throws {
    let test = String(
      decoding: try Data(
        contentsOf: URL(fileURLWithPath: Fixtures.repositoryRoot + "/scripts/slurm/test-cluster.sh")), as: UTF8.self)
    #expect(test.contains("jobs=\"$root/docs/jobs\""))
    for name in ["slurm-sweep.sh", "slurm-replications.sh", "slurm-merge.sh"] {
      #expect(test.contains("\"$jobs/\(name)\""), "test-cluster.sh submits \(name)")
    }
  }

  @Test func kubernetesIndexedJobPassesTheCountAsCompletions() throws {
    let job = try #require(try Yams.load(yaml: try text("kubernetes-sweep-job.yaml")) as? [String: Any])
    let spec = try #require(job["spec"] as? [String: Any])
    #expect(spec["completionMode"] as? String == "Indexed")
    let completions = try #require(spec["completions"] as? Int)
    let template = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
    let container = try #require((template["containers"] as? [[String: Any]])?.first)
    let arguments = try #require(container["args"] as? [String])
    #expect(arguments.first == "sweep")
    #expect(!arguments.contains("--shard"))
    var environment: [String: String] = [:]
    for entry in container["env"] as? [[String: Any]] ?? [] {
      if let name = entry["name"] as? String, let value = entry["value"] as? String { environment[name] = value }
    }
    #expect(environment["PEAKSIM_SHARD_COUNT"] == "\(completions)", "PEAKSIM_SHARD_COUNT = completions")
    // Kubernetes gives pod i JOB_COMPLETION_INDEX=i, 0 … completions − 1.
    let found = try shards(completions) { environment.merging(["JOB_COMPLETION_INDEX": "\($0)"]) { $1 } }
    #expect(found == expected(completions))
    // The merge reads the folder the pods write to.
    let merge = try #require(try Yams.load(yaml: try text("kubernetes-merge-job.yaml")) as? [String: Any])
    let mergeSpec = try #require((merge["spec"] as? [String: Any])?["template"] as? [String: Any])
    let mergeContainer = try #require(((mergeSpec["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first)
    let mergeArguments = try #require(mergeContainer["args"] as? [String])
    #expect(mergeArguments.first == "merge")
    #expect(mergeArguments.dropFirst().first == Self.value(of: "--out", in: arguments))
  }

  @Test func awsBatchArrayChildrenGetDistinctShardsAndTheMergeReadsTheirParts() throws {
    let definition = try json("aws-batch-job-definition.json")
    let container = try #require(definition["containerProperties"] as? [String: Any])
    let command = try #require(container["command"] as? [String])
    #expect(command.prefix(2) == ["sh", "-c"])
    let words = Self.words(try #require(command.last))
    let arguments = try #require(Self.peaksimArguments(words))
    #expect(arguments.first == "sweep")
    #expect(!arguments.contains("--shard"))
    // The part files the children write are the ones copied to S3.
    let out = try #require(Self.value(of: "--out", in: arguments))
    #expect(words.contains(out + "/"), "the children copy \(out)/")
    let include = try #require(Self.value(of: "--include", in: words))
    let sweep = try json("aws-batch-sweep-job.json")
    #expect(sweep["jobDefinition"] as? String == definition["jobDefinitionName"] as? String)
    let size = try #require((sweep["arrayProperties"] as? [String: Any])?["size"] as? Int)
    let partName = PartialResult.fileName(kind: .sweep, shard: try Shard(index: 1, count: size))
    #expect(include == "sweep.part-*.json" && partName.hasPrefix("sweep.part-") && partName.hasSuffix(".json"))
    // AWS Batch gives child i AWS_BATCH_JOB_ARRAY_INDEX=i and AWS_BATCH_JOB_ARRAY_SIZE=size.
    let found = try shards(size) { ["AWS_BATCH_JOB_ARRAY_INDEX": "\($0)", "AWS_BATCH_JOB_ARRAY_SIZE": "\(size)"] }
    #expect(found == expected(size))
    let merge = try json("aws-batch-merge-job.json")
    #expect(merge["jobDefinition"] as? String == definition["jobDefinitionName"] as? String)
    let mergeCommand = try #require((merge["containerOverrides"] as? [String: Any])?["command"] as? [String])
    let mergeWords = Self.words(try #require(mergeCommand.last))
    let mergeArguments = try #require(Self.peaksimArguments(mergeWords))
    #expect(mergeArguments.first == "merge")
    // It merges the folder the parts were copied into.
    let bucket = try #require(Self.value(of: out + "/", in: words), "where the children copy their parts")
    #expect(mergeWords.prefix(5) == ["aws", "s3", "cp", bucket, "parts/"])
    #expect(mergeArguments.dropFirst().first == "parts")
  }

  @Test func theDocumentLinksEveryJobFileAndCopiesNone() throws {
    let document = String(
      decoding: try Data(contentsOf: URL(fileURLWithPath: Fixtures.repositoryRoot + "/docs/experiments.md")),
      as: UTF8.self)
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.jobs).sorted()
    #expect(files.count == 8)
    for file in files { #expect(document.contains("(jobs/\(file))"), "docs/experiments.md links jobs/\(file)") }
    // No line of a job file's own body appears in the document (a copy would drift).
    for file in files {
      for line in try text(file).split(separator: "\n") {
        let body = line.trimmingCharacters(in: .whitespaces)
        guard body.count >= 12, !body.hasPrefix("#") || body.hasPrefix("#SBATCH") else { continue }
        #expect(!document.contains(body), "docs/experiments.md copies \(file): \(body)")
      }
    }
  }
}
