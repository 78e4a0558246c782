import Foundation
import Testing

/// `peaksim validate-order` as users run it, on the hand-written fixtures of the validation
/// core: standard output, standard error and exit status.
@Suite struct ValidateOrderTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("OrderValidationTests/Fixtures").path

  func peaksim(_ arguments: [String], stdin: String? = nil) throws -> PeaksimProcess.Outcome {
    try PeaksimProcess.run(arguments, in: Self.fixtures, stdin: stdin)
  }

  @Test func printsOneVerdictPerFileAndExits1WhenAnyIsInvalid() throws {
    let expected = try String(contentsOfFile: Self.fixtures + "/expected.txt", encoding: .utf8)
    let files = expected.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
    let outcome = try peaksim(["validate-order"] + files)
    #expect(outcome.stdout == expected)
    #expect(outcome.stderr == "")
    #expect(outcome.status == 1)
  }

  @Test func exits0WhenEveryFileIsValid() throws {
    let outcome = try peaksim(["validate-order", "valid-order.json", "valid-order.json"])
    #expect(outcome.stdout == "valid-order.json: valid\nvalid-order.json: valid\n")
    #expect(outcome.status == 0)
  }

  @Test func theClassicPriceAsAStringIsAWrongType() throws {
    let outcome = try peaksim(["validate-order", "price-as-string.json"])
    #expect(outcome.stdout == "price-as-string.json: invalid wrong_type at items[0].price\n")
    #expect(outcome.status == 1)
  }

  @Test func aDashReadsStandardInput() throws {
    let body = try String(contentsOfFile: Self.fixtures + "/valid-order.json", encoding: .utf8)
    let valid = try peaksim(["validate-order", "-"], stdin: body)
    #expect(valid.stdout == "-: valid\n")
    #expect(valid.status == 0)
    let broken = try peaksim(["validate-order", "-"], stdin: "{\"order_id\":")
    #expect(broken.stdout == "-: invalid malformed_json\n")
    #expect(broken.status == 1)
  }

  @Test func anUnreadableFileIsAnErrorLineAndNotValid() throws {
    let outcome = try peaksim(["validate-order", "valid-order.json", "no-such-order.json"])
    #expect(outcome.stdout == "valid-order.json: valid\n")
    #expect(outcome.stderr == "no-such-order.json: error: cannot open: No such file or directory\n")
    #expect(outcome.status == 1)
    let directory = try peaksim(["validate-order", "."])
    #expect(directory.stderr == ".: error: cannot read: Is a directory\n")
    #expect(directory.status == 1)
  }

  @Test func jsonOutputHasAFixedKeyOrderAndNullsWhenValid() throws {
    let outcome = try peaksim(["validate-order", "--json", "valid-order.json", "missing-sku.json", "gone.json"])
    #expect(
      outcome.stdout == """
        [
          {"file": "valid-order.json", "valid": true, "reason": null, "field": null, "error": null},
          {"file": "missing-sku.json", "valid": false, "reason": "missing_field", "field": "items[1].sku", "error": null},
          {"file": "gone.json", "valid": false, "reason": null, "field": null, "error": "cannot open: No such file or directory"}
        ]

        """)
    #expect(outcome.status == 1)
    let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
    #expect(parsed?.count == 3)
  }

  @Test func jsonOutputEscapesFileNames() throws {
    let directory = URL(fileURLWithPath: try PeaksimProcess.temporaryDirectory("peaksim-vo"))
    let name = directory.appendingPathComponent("a \"quoted\"\\name\t.json").path
    try Data("{}".utf8).write(to: URL(fileURLWithPath: name))
    let outcome = try peaksim(["validate-order", "--json", name])
    let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
    #expect(parsed?.first?["file"] as? String == name)
    #expect(parsed?.first?["reason"] as? String == "missing_field")
    #expect(parsed?.first?["field"] as? String == "order_id")
  }

  @Test(arguments: [
    ("278", "valid"), ("277", "invalid oversized"), ("1KiB", "valid"), ("1KB", "valid"), ("1MiB", "valid"),
  ])
  func maxSizeTakesBytesAndUnits(_ size: String, _ verdict: String) throws {
    // valid-order.json is 278 bytes.
    let outcome = try peaksim(["validate-order", "--max-size", size, "valid-order.json"])
    #expect(outcome.stdout == "valid-order.json: \(verdict)\n")
  }

  @Test(arguments: ["0", "-1", "12XB", "KiB", "1.5KB", "99999999999999MiB"])
  func aBadMaxSizeIsAUsageError(_ size: String) throws {
    let outcome = try peaksim(["validate-order", "--max-size=\(size)", "valid-order.json"])
    #expect(outcome.status == 2)
    #expect(outcome.stdout == "")
    #expect(
      outcome.stderr.contains("The value '\(size)' is invalid for '--max-size <size>': use a whole number of bytes"))
  }

  @Test func benchValidatePrintsBothWorkloadsWithTheirRatios() throws {
    let outcome = try peaksim(["bench", "validate", "--bodies", "20", "--seconds", "0.01", "--repetitions", "1"])
    #expect(outcome.status == 0)
    let rows = outcome.stdout.split(separator: "\n")
    #expect(rows.count == 4)
    for row in rows.dropFirst(2) {
      // The last column is the ratio, such as `27.2x`.
      let ratio = row.split(separator: " ").last ?? ""
      #expect(ratio.hasSuffix("x") && Double(ratio.dropLast()) != nil, "\(row)")
    }
    #expect(rows[2].hasPrefix("realistic mix") && rows[3].hasPrefix("3-item valid orders"))
  }
}
