import Foundation

/// A trait's value with where it came from: the source, the message and the
/// message's timestamp. `kontor profiles show` prints it; folding compares it.
public struct TraitValue: Sendable, Hashable, Codable {
    public var value: JSONValue
    /// The source that sent it (`shop`, `popup`, `ingest`).
    public var source: String
    /// The timestamp of the message that set it.
    public var at: Date
    public var messageID: String

    public init(_ value: JSONValue, source: String, at: Date, messageID: String) {
        self.value = value
        self.source = source
        self.at = at
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        case value, source, at
        case messageID = "message_id"
    }
}

/// Which trait value wins when two messages set the same trait.
///
/// A value from a source listed earlier in `sourcePriority` beats any value from
/// a source listed later or not at all, however new; among equals the later
/// timestamp wins, and the larger `messageId` breaks a tie, so the outcome never
/// depends on arrival order.
///
/// ```swift
/// let policy = TraitPolicy(sourcePriority: ["crm", "shop"])   // crm over shop over everything else
/// ```
public struct TraitPolicy: Sendable, Hashable {
    /// Sources, highest priority first; unlisted sources rank below all listed ones, equal to each other.
    public var sourcePriority: [String]

    public init(sourcePriority: [String] = []) {
        self.sourcePriority = sourcePriority
    }

    /// `true` when `candidate` beats `incumbent`.
    public func prefers(_ candidate: TraitValue, over incumbent: TraitValue) -> Bool {
        let left = rank(candidate.source)
        let right = rank(incumbent.source)
        if left != right { return left > right }
        if candidate.at != incumbent.at { return candidate.at > incumbent.at }
        if candidate.messageID != incumbent.messageID { return candidate.messageID > incumbent.messageID }
        return candidate.source > incumbent.source
    }

    /// Higher is stronger; 0 for unlisted sources.
    func rank(_ source: String) -> Int {
        guard let index = sourcePriority.firstIndex(of: source) else { return 0 }
        return sourcePriority.count - index
    }
}
