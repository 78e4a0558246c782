import Testing

@testable import Reports

@Suite struct MarkdownTableTests {
  @Test func columnsArePaddedAndAligned() {
    var table = MarkdownTable(columns: [.left("metric"), .right("value"), .center("met")])
    table.append(["orders arrived", "12,345,678", "✓"])
    table.append(["p99", "12.3 s", "✗"])
    #expect(
      table.render() == """
        | metric         |      value | met |
        | :------------- | ---------: | :-: |
        | orders arrived | 12,345,678 |  ✓  |
        | p99            |     12.3 s |  ✗  |

        """)
  }

  @Test func pipesAreEscapedAndLineBreaksBecomeSpaces() {
    #expect(MarkdownTable.escape("a|b") == "a\\|b")
    #expect(MarkdownTable.escape("one\ntwo\r\nthree\rfour") == "one two three four")
    #expect(MarkdownTable.escape("end \n") == "end ")
    var table = MarkdownTable(columns: [.left("reason|code")])
    table.append(["price|string\nfield"])
    let lines = table.render().split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == "| reason\\|code        |")
    #expect(lines[2] == "| price\\|string field |")
  }

  @Test func everyRowHasTheSameNumberOfUnescapedPipes() {
    var table = MarkdownTable(columns: [.left("a"), .right("b")])
    table.append(["|||", "x|"])
    table.append(["", ""])
    for line in table.render().split(separator: "\n") {
      var unescaped = 0
      var previous: Character = " "
      for character in line {
        if character == "|" && previous != "\\" { unescaped += 1 }
        previous = character
      }
      #expect(unescaped == 3, "\(line)")
    }
  }

  @Test func emptyTableRendersHeaderAndRuleOnly() {
    let table = MarkdownTable(columns: [.right("n")])
    #expect(table.render() == "|   n |\n| --: |\n")
  }
}
