/// One identifier of a person: a kind and a (normalised) value, e.g. `email:ada@example.com`.
///
/// The identity graph maps each `Identity` to exactly one profile.
public struct Identity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var kind: IdentifierKind
    public var value: String

    public init(_ kind: IdentifierKind, _ value: String) {
        self.kind = kind
        self.value = value
    }

    /// `kind:value`, as in audit logs and `kontor profiles show`.
    public var description: String { "\(kind.rawValue):\(value)" }

    public static func < (lhs: Identity, rhs: Identity) -> Bool {
        (lhs.kind.rawValue, lhs.value) < (rhs.kind.rawValue, rhs.value)
    }
}

/// A profile's id as the store knows it.
public typealias ProfileID = String
