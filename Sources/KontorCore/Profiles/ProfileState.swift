import Foundation

/// A profile's traits with per-trait provenance, folded from its messages.
///
/// Folding is order-independent: every leaf keeps the value that
/// `TraitPolicy` prefers (source priority, then the later timestamp, then the
/// larger `messageId`), so replaying the same messages in any arrival order,
/// or merging two profiles' states, gives the same state.
///
/// Traits come from `identify` messages (`traits`); the `consent` key is left
/// to `ConsentState`. Objects fold key by key (`preferences.coffee`), lists
/// and scalars are single values, and `null` sets a trait to `null`.
///
/// ```swift
/// var state = ProfileState()
/// state.fold(signup, source: "popup")
/// state.traits["email"]                      // "ada@example.com"
/// state.provenance(of: ["email"])?.source    // "popup"
/// ```
public struct ProfileState: Sendable, Hashable {
    /// Trait keys folded elsewhere.
    public static let reservedTraits: Set<String> = ["consent"]

    public internal(set) var leaves: [TraitPath: TraitValue]
    /// The earliest and latest timestamps of the folded messages.
    public internal(set) var firstSeen: Date?
    public internal(set) var lastSeen: Date?
    public var policy: TraitPolicy

    public init(policy: TraitPolicy = TraitPolicy()) {
        self.leaves = [:]
        self.policy = policy
    }

    /// Folds the traits of `message`, which came from `source`.
    public mutating func fold(_ message: Message, source: String) {
        firstSeen = min(firstSeen ?? message.timestamp, message.timestamp)
        lastSeen = max(lastSeen ?? message.timestamp, message.timestamp)
        guard message.type == .identify else { return }
        for (key, value) in message.traits where !Self.reservedTraits.contains(key) {
            set(TraitPath([key]), value, TraitValue(value, source: source, at: message.timestamp, messageID: message.messageId))
        }
    }

    /// Folds every message, in any order.
    public mutating func fold(_ messages: [(message: Message, source: String)]) {
        for (message, source) in messages { fold(message, source: source) }
    }

    /// The state of the profile that absorbs `other` (same result either way round).
    public func merged(with other: ProfileState) -> ProfileState {
        var result = self
        for (path, leaf) in other.leaves.sorted(by: { $0.key < $1.key }) { result.setLeaf(path, leaf) }
        if let first = other.firstSeen { result.firstSeen = min(result.firstSeen ?? first, first) }
        if let last = other.lastSeen { result.lastSeen = max(result.lastSeen ?? last, last) }
        return result
    }

    /// The value and origin of the trait at `path`, when a message set exactly that path.
    public func provenance(of path: [String]) -> TraitValue? { leaves[TraitPath(path)] }

    /// The traits as one JSON object (leaves applied weakest first, so the winner of a conflict shows).
    public var traits: JSONValue {
        var root: JSONValue = .object([:])
        let ordered = leaves.sorted { left, right in
            if policy.prefers(right.value, over: left.value) { return true }
            if policy.prefers(left.value, over: right.value) { return false }
            return left.key < right.key
        }
        for (path, leaf) in ordered { root = Self.setting(leaf.value, at: path.keys[...], in: root) }
        return root
    }

    private mutating func set(_ path: TraitPath, _ value: JSONValue, _ origin: TraitValue) {
        if case .object(let object) = value, !object.isEmpty {
            for (key, child) in object { set(TraitPath(path.keys + [key]), child, TraitValue(child, source: origin.source, at: origin.at, messageID: origin.messageID)) }
        } else {
            setLeaf(path, origin)
        }
    }

    /// Keeps `leaf` unless an equal-or-stronger value holds the path or an ancestor; drops the leaves it dominates.
    private mutating func setLeaf(_ path: TraitPath, _ leaf: TraitValue) {
        if let existing = leaves[path], !policy.prefers(leaf, over: existing) { return }
        for ancestor in path.ancestors {
            if let holder = leaves[ancestor], !policy.prefers(leaf, over: holder) { return }
        }
        for (other, value) in leaves where path.isAncestor(of: other) && !policy.prefers(value, over: leaf) {
            leaves[other] = nil
        }
        leaves[path] = leaf
    }

    private static func setting(_ value: JSONValue, at keys: ArraySlice<String>, in node: JSONValue) -> JSONValue {
        guard let key = keys.first else { return value }
        var object = node.objectValue ?? [:]
        object[key] = setting(value, at: keys.dropFirst(), in: object[key] ?? .object([:]))
        return .object(object)
    }
}
