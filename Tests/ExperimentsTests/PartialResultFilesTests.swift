import Foundation
import Testing

@testable import Experiments

/// `peaksim merge` takes the shards' folders (issue 18): the part files inside, in an order
/// that does not depend on the file system.
@Suite struct PartialResultFilesTests {
  @Test func partFileNamesAreRecognisedAndNothingElse() throws {
    let sweep = try #require(PartialResultFiles.parse(fileName: "sweep.part-2-of-3.json"))
    #expect(sweep == (.sweep, 2, 3))
    let replications = try #require(PartialResultFiles.parse(fileName: "replications.part-10-of-12.json"))
    #expect(replications == (.replications, 10, 12))
    for name in [
      "sweep.csv", "sweep.part-2-of-3.json.tmp", "sweep.part--of-3.json", "sweep.part-2-of-.json",
      "sweep.part-x-of-3.json", "compare.part-1-of-2.json", "sweep.part-1-of-2-of-3.json",
    ] {
      #expect(PartialResultFiles.parse(fileName: name) == nil, "\(name)")
    }
  }

  @Test func aFolderGivesItsPartsInShardOrderAndIgnoresOtherFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peaksim-parts-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in ["sweep.part-10-of-12.json", "sweep.csv", "sweep.part-2-of-12.json", "sweep.part-1-of-12.json"] {
      _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data())
    }
    #expect(
      try PartialResultFiles.expand([folder, folder + "/sweep.part-2-of-12.json"])
        == [
          folder + "/sweep.part-1-of-12.json", folder + "/sweep.part-2-of-12.json",
          folder + "/sweep.part-10-of-12.json",
          folder + "/sweep.part-2-of-12.json",
        ])
  }

  @Test func aFolderWithoutPartsOrAMissingPathIsRefusedByName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peaksim-parts-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = FileManager.default.createFile(atPath: folder + "/sweep.csv", contents: Data())
    #expect(
      throws: PartialResultError(
        "\(folder): the folder holds no partial result (sweep.part-I-of-N.json or replications.part-I-of-N.json)")
    ) {
      try PartialResultFiles.expand([folder])
    }
    #expect(throws: PartialResultError("\(folder)/none: no such file or folder")) {
      try PartialResultFiles.expand([folder + "/none"])
    }
  }
}
