import Testing

/// The checker itself must reject what it is there to catch, or the chart tests prove nothing.
@Suite struct XMLWellFormednessTests {
  @Test func acceptsAMinimalDocument() throws {
    let names = try XMLWellFormedness.check(
      "<?xml version=\"1.0\"?>\n<svg a=\"1\" b='2'><g><text>a &amp; b &#x3C;</text></g><!-- c --></svg>\n")
    #expect(names == ["svg", "g", "text"])
  }

  @Test(arguments: [
    "<svg><g></svg>",  // unbalanced
    "<svg></g></svg>",  // wrong closing tag
    "<svg a=1/>",  // unquoted attribute
    "<svg a=\"1\" a=\"2\"/>",  // duplicate attribute
    "<svg a=\"x<y\"/>",  // raw < in a value
    "<svg>fish & chips</svg>",  // stray &
    "<svg>&nbsp;</svg>",  // not a predefined entity
    "<svg/><svg/>",  // two roots
    "<svg>\u{1}</svg>",  // forbidden character
    "<svg a=\"1\"b=\"2\"/>",  // attributes not separated
    "",  // no root
  ])
  func rejectsMalformedDocuments(document: String) {
    #expect(throws: XMLWellFormedness.Problem.self) { try XMLWellFormedness.check(document) }
  }
}
