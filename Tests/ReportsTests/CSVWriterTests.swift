import Testing

@testable import Reports

@Suite struct CSVWriterTests {
  static let awkwardFields = [
    "plain", "", " leading space", "trailing space ", "comma, inside", "quote \" inside",
    "\"fully quoted\"", "line\nbreak", "crlf\r\nbreak", "bare\rcr", "ünïcödé ✓", ",", "\"", "a,\"b\"\n",
  ]

  @Test func textFieldsRoundTripThroughAStrictRFC4180Reader() throws {
    var csv = CSVWriter(header: ["id", "text"])
    for (index, field) in Self.awkwardFields.enumerated() {
      csv.append([.integer(index), .text(field)])
    }
    let records = try CSVReader.records(csv.render())
    #expect(records.count == Self.awkwardFields.count + 1)
    #expect(records[0] == ["id", "text"])
    for (index, field) in Self.awkwardFields.enumerated() {
      #expect(records[index + 1] == [String(index), field])
    }
  }

  @Test func headerFieldsAreEscapedToo() throws {
    let csv = CSVWriter(header: ["a,b", "c\"d"])
    #expect(csv.render() == "\"a,b\",\"c\"\"d\"\n")
    #expect(try CSVReader.records(csv.render()) == [["a,b", "c\"d"]])
  }

  @Test func onlyFieldsThatNeedQuotesAreQuoted() {
    #expect(CSVWriter.escape("queue_visible") == "queue_visible")
    #expect(CSVWriter.escape("a,b") == "\"a,b\"")
    #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVWriter.escape("x\ny") == "\"x\ny\"")
    #expect(CSVWriter.escape("") == "")
  }

  @Test func linesEndInLFAndTheLastLineEndsToo() {
    var csv = CSVWriter(header: ["time_s", "arrivals"])
    csv.append([0, 12])
    csv.append([60, 15])
    #expect(csv.render() == "time_s,arrivals\n0,12\n60,15\n")
    #expect(!csv.render().contains("\r"))
    #expect(csv.rowCount == 2)
  }

  @Test func numbersAreWrittenDeterministically() {
    var csv = CSVWriter(header: ["i", "d1", "d2", "d3", "d4", "d5", "nan", "inf", "empty"])
    csv.append([
      .integer(-42), .number(60), .number(12.3456789), .number(-0.0), .number(1e9),
      .number(0.1 + 0.2), .number(.nan), .number(-.infinity), .empty,
    ])
    let lines = csv.render().split(separator: "\n")
    #expect(lines[1] == "-42,60,12.3457,0,1000000000,0.3,,-inf,")
  }

  @Test func integerFieldsAreNotGrouped() {
    #expect(CSVWriter.write(.integer(12_345_678)) == "12345678")
    #expect(CSVWriter.write(.number(12_345_678)) == "12345678")
  }
}
