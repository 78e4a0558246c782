/// The first reason an order body is invalid, and the field where it stands.
///
/// `field` is `nil` for failures of the body as a whole: ``ValidationReason/oversized``,
/// ``ValidationReason/malformedJSON`` and ``ValidationReason/notAnObject``.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
  public var reason: ValidationReason
  public var field: FieldPath?

  public init(_ reason: ValidationReason, at field: FieldPath? = nil) {
    self.reason = reason
    self.field = field
  }

  /// `wrong_type at items[0].price`, or just the reason when there is no field.
  public var description: String {
    guard let field else { return reason.rawValue }
    return "\(reason.rawValue) at \(field)"
  }
}
