import Reports
import Testing

/// Issue 13, item 13: a scenario's description renders in report.md as written, as one
/// paragraph, and carries no control characters.
@Suite struct MarkdownTextTests {
  @Test(arguments: [
    ("# Heading", "\\# Heading"),
    ("- a list", "\\- a list"),
    ("1. ordered", "1\\. ordered"),
    (
      "<b>html</b> & [a](b) ![i](j) *x* _y_ `z` | ~w~",
      "\\<b\\>html\\</b\\> \\& \\[a\\](b) \\!\\[i\\](j) \\*x\\* \\_y\\_ \\`z\\` \\| \\~w\\~"
    ),
    ("line one\nline two\r\n\u{1B}[31mred", "line one line two \\[31mred"),
    ("Thanksgiving to Cyber Monday, 5x on Black Friday", "Thanksgiving to Cyber Monday, 5x on Black Friday"),
  ])
  func descriptionsAreEscaped(text: String, expected: String) {
    #expect(MarkdownText.escape(text) == expected)
  }
}
