import Foundation

/// Writes an experiment's files into its report folder.
public enum ReportFolder {
  /// One file of a report: a name inside the folder and its text.
  public struct File: Sendable, Equatable {
    public var name: String
    public var contents: String
    public init(_ name: String, _ contents: String) {
      self.name = name
      self.contents = contents
    }
  }

  /// Creates `folder` (and its parents) and writes each file, each one atomically (a temporary
  /// file renamed into place), replacing files of the same name and leaving others alone.
  public static func write(_ files: [File], to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for file in files {
      let path = (folder as NSString).appendingPathComponent(file.name)
      try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
  }
}
