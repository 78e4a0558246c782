import Foundation

/// The partial result files `peaksim merge` is given: each argument is a part file, or a
/// shard's report folder in which every `sweep.part-I-of-N.json` and
/// `replications.part-I-of-N.json` directly inside is taken (a batch engine's tasks usually
/// write to one shared folder, so the folder is the natural thing to hand to the merge).
public enum PartialResultFiles {
  /// `sweep.part-2-of-3.json` → (`sweep`, 2, 3); `nil` for any other name.
  public static func parse(fileName name: String) -> (kind: ExperimentHeader.Kind, index: Int, count: Int)? {
    for kind in ExperimentHeader.Kind.allCases {
      let prefix = kind.rawValue + ".part-"
      guard name.hasPrefix(prefix), name.hasSuffix(".json") else { continue }
      let middle = name.dropFirst(prefix.count).dropLast(".json".count)
      let numbers = middle.components(separatedBy: "-of-")
      guard numbers.count == 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
        let index = Int(numbers[0]), let count = Int(numbers[1])
      else { return nil }
      return (kind, index, count)
    }
    return nil
  }

  /// The files to read for `arguments`, in argument order; a folder's parts sorted by kind,
  /// shard count and shard index (not by the file system's order, which differs by machine).
  ///
  /// - Throws: ``PartialResultError`` for an argument that does not exist, or a folder that
  ///   holds no part file.
  public static func expand(_ arguments: [String]) throws(PartialResultError) -> [String] {
    var files: [String] = []
    for argument in arguments {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
        throw PartialResultError("\(argument): no such file or folder")
      }
      guard isFolder.boolValue else {
        files.append(argument)
        continue
      }
      let names: [String]
      do { names = try FileManager.default.contentsOfDirectory(atPath: argument) } catch {
        throw PartialResultError("\(argument): cannot list the folder (\(error.localizedDescription))")
      }
      let parts =
        names
        .compactMap { name in parse(fileName: name).map { (name, $0) } }
        .sorted { a, b in
          (a.1.kind.rawValue, a.1.count, a.1.index) < (b.1.kind.rawValue, b.1.count, b.1.index)
        }
      guard !parts.isEmpty else {
        throw PartialResultError(
          "\(argument): the folder holds no partial result (sweep.part-I-of-N.json or replications.part-I-of-N.json)"
        )
      }
      files += parts.map { (argument as NSString).appendingPathComponent($0.0) }
    }
    return files
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
