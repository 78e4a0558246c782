import Foundation

/// Fresh folders for tests, all inside one folder per test process that is removed when the
/// process exits, so a test run leaves nothing in the system's temporary folder (it used to
/// leave a folder per test, thousands per run).
public enum ScratchDirectory {
  /// `<temporary folder>/peaksim-tests-<pid>`; its removal is registered on first use.
  private static let root: String = {
    atexit { try? FileManager.default.removeItem(atPath: ScratchDirectory.rootPath()) }
    return rootPath()
  }()

  private static func rootPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("peaksim-tests-\(getpid())").path
  }

  /// A new empty folder named `<prefix>-<UUID>` inside this process's scratch folder.
  public static func make(_ prefix: String) throws -> String {
    let path = root + "/\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
