/// One JSON value of a `terraform show -json` document, decoded with Foundation's
/// `JSONDecoder` (no new dependency). Object members are kept sorted by key, so nothing that
/// reaches a scenario or a diagnostic depends on hashing.
public indirect enum TerraformJSON: Sendable, Equatable, Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([TerraformJSON])
  case object([String: TerraformJSON])

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    if let container = try? decoder.container(keyedBy: Key.self) {
      var members: [String: TerraformJSON] = [:]
      for key in container.allKeys { members[key.stringValue] = try container.decode(TerraformJSON.self, forKey: key) }
      self = .object(members)
      return
    }
    if var container = try? decoder.unkeyedContainer() {
      var elements: [TerraformJSON] = []
      while !container.isAtEnd { elements.append(try container.decode(TerraformJSON.self)) }
      self = .array(elements)
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let value = try? single.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? single.decode(Double.self) {
      self = .number(value)
    } else {
      self = .string(try single.decode(String.self))
    }
  }

  /// The member `key` of an object; `nil` for anything else or a missing member.
  public subscript(key: String) -> TerraformJSON? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The element at `index` of an array.
  public subscript(index: Int) -> TerraformJSON? {
    if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
    return nil
  }

  public var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var number: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  public var array: [TerraformJSON]? {
    if case .array(let a) = self { return a }
    return nil
  }

  public var isNull: Bool { self == .null }

  /// A whole number, written as a JSON number or as a string of digits (the AWS API takes
  /// `"maxReceiveCount": "10"` as well as `10`).
  public var integer: Int? {
    switch self {
    case .number(let n) where n == n.rounded() && abs(n) < 1e15: Int(n)
    case .string(let s): Int(s)
    default: nil
    }
  }

  /// How the value reads in a message: `30`, `"abc"`, `true`, `null`, `a list`, `an object`.
  public var foundDescription: String {
    switch self {
    case .null: "null"
    case .bool(let b): String(b)
    case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .string(let s): "\"\(s)\""
    case .array: "a list"
    case .object: "an object"
    }
  }
}
