import Foundation
import Testing

@testable import Reports

/// Helpers shared by the chart tests.
enum ChartTestSupport {
  static let xmllintPath = "/usr/bin/xmllint"
  static var xmllintAvailable: Bool { FileManager.default.isExecutableFile(atPath: xmllintPath) }

  /// Runs `xmllint --noout` on the document; returns its exit status and messages.
  static func xmllint(_ document: String) throws -> (status: Int32, messages: String) {
    let directory = FileManager.default.temporaryDirectory
    let file = directory.appendingPathComponent("peaksim-reports-\(UInt64.random(in: 0...UInt64.max)).svg")
    try document.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllintPath)
    process.arguments = ["--noout", file.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, messages)
  }

  /// The values of `attribute` on every `<tag …>` of the document, in order.
  static func attributeValues(_ attribute: String, of tag: String, in svg: String) -> [String] {
    var values: [String] = []
    for line in svg.split(separator: "\n") where line.hasPrefix("<\(tag) ") {
      guard let range = line.range(of: " \(attribute)=\"") else { continue }
      let rest = line[range.upperBound...]
      if let end = rest.firstIndex(of: "\"") { values.append(String(rest[..<end])) }
    }
    return values
  }

  /// The text content of every `<text>` element, in order.
  static func texts(in svg: String) -> [String] {
    svg.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("<text"), let open = line.firstIndex(of: ">"),
        let close = line.range(of: "</text>")
      else { return nil }
      return String(line[line.index(after: open)..<close.lowerBound])
    }
  }

  /// The numbers of a path's `d` attribute.
  static func pathNumbers(_ d: String) -> [Double] {
    d.split(whereSeparator: { $0 == " " || $0.isLetter }).compactMap { Double($0) }
  }
}
