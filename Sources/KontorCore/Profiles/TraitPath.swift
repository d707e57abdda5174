/// The path of one trait leaf: `["preferences", "coffee"]` for `traits.preferences.coffee`.
///
/// Objects are folded key by key, so a preference-centre answer about coffee
/// does not erase an older one about tea; lists and scalars are leaves.
public struct TraitPath: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var keys: [String]

    public init(_ keys: [String]) {
        self.keys = keys
    }

    /// `preferences.coffee`.
    public var description: String { keys.joined(separator: ".") }

    /// `true` when `self` is a strict prefix of `other` (`address` of `address.city`).
    public func isAncestor(of other: TraitPath) -> Bool {
        keys.count < other.keys.count && Array(other.keys.prefix(keys.count)) == keys
    }

    /// Every strict prefix, shortest first.
    var ancestors: [TraitPath] {
        (1..<max(1, keys.count)).map { TraitPath(Array(keys.prefix($0))) }
    }

    public static func < (lhs: TraitPath, rhs: TraitPath) -> Bool {
        lhs.keys.lexicographicallyPrecedes(rhs.keys)
    }

    public init(from decoder: any Decoder) throws {
        keys = try decoder.singleValueContainer().decode([String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(keys)
    }
}
