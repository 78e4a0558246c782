/// A strict RFC 4180 reader for the tests: it is written independently of `CSVWriter`, so a
/// round trip through both checks the writer's quoting against the standard, not against itself.
enum CSVReader {
  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  /// The records of `text`; accepts LF or CRLF line ends and requires the last line to end.
  static func records(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var fieldWasQuoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      if inQuotes {
        if scalar == "\"" {
          if characters.first == "\"" {
            characters.removeFirst()
            field.unicodeScalars.append("\"")
          } else {
            inQuotes = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"":
        guard field.isEmpty, !fieldWasQuoted else {
          throw Malformed(description: "quote inside an unquoted field: \(field)")
        }
        inQuotes = true
        fieldWasQuoted = true
      case ",":
        record.append(field)
        field = ""
        fieldWasQuoted = false
      case "\r":
        guard characters.first == "\n" else { throw Malformed(description: "bare CR") }
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
        fieldWasQuoted = false
      default:
        guard !fieldWasQuoted else {
          throw Malformed(description: "text after a closing quote: \(scalar)")
        }
        field.unicodeScalars.append(scalar)
      }
    }
    guard !inQuotes else { throw Malformed(description: "unterminated quoted field") }
    guard record.isEmpty && field.isEmpty && !fieldWasQuoted else {
      throw Malformed(description: "last line does not end in a line break")
    }
    return records
  }
}
