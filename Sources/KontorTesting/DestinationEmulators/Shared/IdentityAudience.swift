/// The people of an ad-platform audience as identifier sets (Meta rows, Google `UserData`): a new
/// entry matches the member that shares a value of one of the `matchKeys` with it (adding is
/// set-like by hash, and merges identifiers into that member).
///
/// ```swift
/// var audience = IdentityAudience(matchKeys: ["EMAIL", "PHONE"])
/// audience.add(["EMAIL": "973d…", "FN": "…"])
/// audience.remove(["EMAIL": "973d…"])        // 1
/// ```
public struct IdentityAudience: Sendable, Hashable {
    /// The keys whose values identify a person (other keys only describe one).
    public let matchKeys: [String]

    /// Identifiers by member id.
    public private(set) var members: [Int: [String: String]] = [:]
    private var index: [String: Int] = [:]
    private var nextID = 0

    public init(matchKeys: [String]) {
        self.matchKeys = matchKeys
    }

    /// The number of people.
    public var count: Int { members.count }

    /// The values of one key across all members (e.g. every EMAIL hash).
    public func values(of key: String) -> Set<String> {
        Set(members.values.compactMap { $0[key] })
    }

    private func matches(_ identifiers: [String: String]) -> Set<Int> {
        var found: Set<Int> = []
        for key in matchKeys {
            if let value = identifiers[key], let id = index["\(key):\(value)"] { found.insert(id) }
        }
        if found.isEmpty, let id = index[Self.wholeKey(identifiers)] { found.insert(id) }
        return found
    }

    private static func wholeKey(_ identifiers: [String: String]) -> String {
        "ROW:" + identifiers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
    }

    /// Adds a person, or merges the identifiers into the member it matches.
    public mutating func add(_ identifiers: [String: String]) {
        let id: Int
        if let existing = matches(identifiers).min() {
            id = existing
            members[id, default: [:]].merge(identifiers) { _, new in new }
        } else {
            nextID += 1
            id = nextID
            members[id] = identifiers
        }
        reindex(id)
    }

    /// Removes every member the row matches; returns how many.
    @discardableResult
    public mutating func remove(_ identifiers: [String: String]) -> Int {
        let found = matches(identifiers)
        for id in found {
            if let old = members.removeValue(forKey: id) { unindex(old) }
        }
        return found.count
    }

    private mutating func reindex(_ id: Int) {
        guard let identifiers = members[id] else { return }
        let keys = matchKeys.compactMap { key in identifiers[key].map { "\(key):\($0)" } }
        for key in keys.isEmpty ? [Self.wholeKey(identifiers)] : keys { index[key] = id }
    }

    private mutating func unindex(_ identifiers: [String: String]) {
        for key in matchKeys { if let value = identifiers[key] { index["\(key):\(value)"] = nil } }
        index[Self.wholeKey(identifiers)] = nil
    }
}
