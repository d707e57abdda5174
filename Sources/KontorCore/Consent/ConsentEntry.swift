import Foundation

/// One recorded consent choice: a purpose granted or denied, by which source and message, when.
public struct ConsentEntry: Sendable, Hashable, Codable, Comparable {
    public var purpose: String
    public var granted: Bool
    /// The source that carried the choice (`popup`, `shop`, `ingest`).
    public var source: String
    public var at: Date
    public var messageID: String

    public init(purpose: String, granted: Bool, source: String, at: Date, messageID: String) {
        self.purpose = purpose
        self.granted = granted
        self.source = source
        self.at = at
        self.messageID = messageID
    }

    /// History order: timestamp, then `messageId`, then source, then grant before denial (so
    /// contradictory choices at the same instant resolve to a denial, whatever the arrival order).
    public static func < (lhs: ConsentEntry, rhs: ConsentEntry) -> Bool {
        if lhs.at != rhs.at { return lhs.at < rhs.at }
        if lhs.messageID != rhs.messageID { return lhs.messageID < rhs.messageID }
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        if lhs.purpose != rhs.purpose { return lhs.purpose < rhs.purpose }
        return lhs.granted && !rhs.granted
    }

    enum CodingKeys: String, CodingKey {
        case purpose, granted, source, at
        case messageID = "message_id"
    }
}
