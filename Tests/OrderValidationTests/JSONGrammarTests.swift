import OrderValidation
import Testing

/// The JSON grammar (RFC 8259) as the validator enforces it. Each malformed row breaks one
/// rule; most are placed in an ignored extra member, to show that a syntax error anywhere
/// makes the whole body `malformed_json`.
@Suite struct JSONGrammarTests {
  /// A valid order with `fragment` as the value of an extra member.
  static func extra(_ fragment: String) -> String { Bodies.order(extra: [#""x":"# + fragment]) }
  static func extraBytes(_ bytes: [UInt8]) -> [UInt8] {
    Array(Bodies.order(extra: [#""x":""#]).utf8.dropLast(2)) + bytes + Array("\"}".utf8)
  }
  static let order = Bodies.order()

  static let malformed: [Case] = [
    // The document
    Case("an empty body", "", .malformed),
    Case("only whitespace", " \n\t\r", .malformed),
    Case("a byte-order mark", "\u{FEFF}" + order, .malformed),
    Case("text after the value", order + " x", .malformed),
    Case("a second value", order + order, .malformed),
    Case("a NUL after the value", order + "\u{0}", .malformed),
    Case("a form feed is not whitespace", order + "\u{0C}", .malformed),
    Case("a non-breaking space is not whitespace", "\u{00A0}" + order, .malformed),
    Case("a stray closing brace", order + "}", .malformed),
    Case("a truncated body", String(order.dropLast()), .malformed),
    Case("a comment", "// order\n" + order, .malformed),
    // Objects and arrays
    Case("a trailing comma in the order", String(order.dropLast()) + ",}", .malformed),
    Case("a trailing comma in items", Bodies.order(items: "[" + Bodies.item() + ",]"), .malformed),
    Case("a trailing comma in an item", Bodies.orderWithItem(#"{"sku":"S","quantity":1,"price":1,}"#), .malformed),
    Case("a leading comma", #"{,"order_id":"o"}"#, .malformed),
    Case("two commas", extra("[1,,2]"), .malformed),
    Case("an unquoted key", #"{order_id:"o"}"#, .malformed),
    Case("a single-quoted key", #"{'order_id':"o"}"#, .malformed),
    Case("a missing colon", #"{"order_id" "o"}"#, .malformed),
    Case("a missing comma", #"{"order_id":"o" "customer_id":"c"}"#, .malformed),
    Case("a missing value", #"{"order_id":}"#, .malformed),
    Case("a number as key", #"{1:2}"#, .malformed),
    Case("an unclosed array", extra("[1"), .malformed),
    Case("an unclosed object", extra(#"{"a":1"#), .malformed),
    Case("a mismatched bracket", extra(#"[1}"#), .malformed),
    // Literals
    Case("NaN", extra("NaN"), .malformed),
    Case("Infinity", extra("Infinity"), .malformed),
    Case("-Infinity", extra("-Infinity"), .malformed),
    Case("a truncated literal", extra("tru"), .malformed),
    Case("a capitalised literal", extra("True"), .malformed),
    Case("undefined", extra("undefined"), .malformed),
    Case("nulls", extra("nulls"), .malformed),
    // Numbers
    Case("a leading zero", extra("01"), .malformed),
    Case("a leading zero after minus", extra("-01"), .malformed),
    Case("a lone minus", extra("-"), .malformed),
    Case("a plus sign", extra("+1"), .malformed),
    Case("a bare fraction", extra(".5"), .malformed),
    Case("a dot without digits", extra("1."), .malformed),
    Case("an exponent without digits", extra("1e"), .malformed),
    Case("an exponent sign without digits", extra("1e+"), .malformed),
    Case("hex", extra("0x10"), .malformed),
    Case("two dots", extra("1.2.3"), .malformed),
    Case("a leading zero in a price", Bodies.orderWithItem(Bodies.item(price: "01.00")), .malformed),
    Case("a price with a comma decimal", Bodies.orderWithItem(Bodies.item(price: "1,00")), .malformed),
    // Strings
    Case("an unterminated string", extra(#""abc"#), .malformed),
    Case("an unterminated string at the end", #"{"order_id":"o"#, .malformed),
    Case("a raw line feed in a string", extra("\"a\nb\""), .malformed),
    Case("a raw tab in a string", extra("\"a\tb\""), .malformed),
    Case("a raw control character in a string", extra("\"a\u{01}b\""), .malformed),
    Case("a raw NUL in a string", extra("\"a\u{0}b\""), .malformed),
    Case("a raw control character in a key", "{\"a\u{1F}\":1}", .malformed),
    Case("an unknown escape", extra(#""\x41""#), .malformed),
    Case("an escaped single quote", extra(#""\'""#), .malformed),
    Case("a short unicode escape", extra(#""\u12""#), .malformed),
    Case("a non-hex unicode escape", extra(#""\u12G4""#), .malformed),
    Case("a signed unicode escape", extra(#""\u+123""#), .malformed),
    Case("a backslash at the end", extra(#""\"#), .malformed),
    Case("a lone high surrogate", extra(#""\ud800""#), .malformed),
    Case("a lone high surrogate before text", extra(#""\ud83dx""#), .malformed),
    Case("a lone low surrogate", extra(#""\udc00""#), .malformed),
    Case("a high surrogate and a non-surrogate", extra(#""\ud800\u0041""#), .malformed),
    Case("two high surrogates", extra(#""\ud800\ud800""#), .malformed),
    Case("reversed surrogates", extra(#""\ude00\ud83d""#), .malformed),
    Case("a high surrogate and an escaped newline", extra(#""\ud800\n""#), .malformed),
    Case("a single-quoted string", extra("'a'"), .malformed),
    // UTF-8
    Case("a stray continuation byte", bytes: extraBytes([0x80]), .malformed),
    Case("an invalid byte FF", bytes: extraBytes([0xFF]), .malformed),
    Case("an invalid byte F5", bytes: extraBytes([0xF5, 0x80, 0x80, 0x80]), .malformed),
    Case("an overlong slash C0 AF", bytes: extraBytes([0xC0, 0xAF]), .malformed),
    Case("an overlong C1 BF", bytes: extraBytes([0xC1, 0xBF]), .malformed),
    Case("an overlong three-byte form", bytes: extraBytes([0xE0, 0x80, 0xAF]), .malformed),
    Case("an overlong four-byte form", bytes: extraBytes([0xF0, 0x80, 0x80, 0xAF]), .malformed),
    Case("a surrogate encoded in UTF-8", bytes: extraBytes([0xED, 0xA0, 0x80]), .malformed),
    Case("a code point above U+10FFFF", bytes: extraBytes([0xF4, 0x90, 0x80, 0x80]), .malformed),
    Case("a truncated two-byte sequence", bytes: extraBytes([0xC3]), .malformed),
    Case("a truncated three-byte sequence", bytes: extraBytes([0xE2, 0x82]), .malformed),
    Case("a lead byte followed by ASCII", bytes: extraBytes([0xC3, 0x41]), .malformed),
    Case("UTF-8 outside a string", bytes: Array(order.utf8.dropLast()) + [0x20, 0xC3, 0xA9, 0x7D], .malformed),
    Case("a truncated sequence at the very end", bytes: Array(order.utf8) + [0xE2], .malformed),
    // Depth
    Case(
      "65 levels of nesting", extra(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)), .malformed),
    Case(
      "65 levels of objects", extra(String(repeating: #"{"a":"#, count: 64) + "1" + String(repeating: "}", count: 64)),
      .malformed),
    Case("deep nesting as the top-level value", String(repeating: "[", count: 100_000), .malformed),
  ]

  static let wellFormed: [Case] = [
    Case("64 levels of nesting", extra(String(repeating: "[", count: 63) + String(repeating: "]", count: 63)), nil),
    Case(
      "64 levels of objects", extra(String(repeating: #"{"a":"#, count: 63) + "1" + String(repeating: "}", count: 63)),
      nil),
    Case("every escape", extra(#""\" \\ \/ \b \f \n \r \t \u0000 \u001F \uFFFF \uD83D\uDE00 \udbff\udfff""#), nil),
    Case("a NUL escaped is fine", extra(#""\u0000""#), nil),
    Case("DEL raw is fine", extra("\"\u{7F}\""), nil),
    Case("every UTF-8 length", extra("\"$ ¢ € 𐍈 \u{10FFFF} \u{E000} \u{D7FF}\""), nil),
    Case(
      "number forms",
      extra(
        "[0,-0,0.0,-0.0,1,-1,10,1.5,1e5,1E5,1e+5,1e-5,1.5e-5,-1.5E+05,123456789012345678901234567890,1e999999999999999999999]"
      ), nil),
    Case("literals", extra("[true,false,null]"), nil),
    Case("empty containers", extra(#"[{},[],"",{"":{}}]"#), nil),
    Case("an empty key", extra(#"{"":1}"#), nil),
  ]

  @Test(arguments: malformed) func malformedBodiesAreMalformedJSON(_ row: Case) { expectVerdict(row) }
  @Test(arguments: wellFormed) func wellFormedBodiesAreAccepted(_ row: Case) { expectVerdict(row) }
}
