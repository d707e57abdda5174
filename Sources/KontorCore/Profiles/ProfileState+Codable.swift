import Foundation

extension ProfileState: Codable {
    private enum CodingKeys: String, CodingKey {
        case traits, firstSeen = "first_seen", lastSeen = "last_seen"
    }

    private struct Leaf: Codable {
        var path: TraitPath
        var value: JSONValue
        var source: String
        var at: Date
        var messageID: String

        enum CodingKeys: String, CodingKey {
            case path, value, source, at
            case messageID = "message_id"
        }
    }

    /// Decodes with the default policy; set `policy` after decoding when sources are ranked.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        for leaf in try container.decode([Leaf].self, forKey: .traits) {
            leaves[leaf.path] = TraitValue(leaf.value, source: leaf.source, at: leaf.at, messageID: leaf.messageID)
        }
        firstSeen = try container.decodeIfPresent(Date.self, forKey: .firstSeen)
        lastSeen = try container.decodeIfPresent(Date.self, forKey: .lastSeen)
    }

    /// Leaves sorted by path, so the same state always encodes to the same bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let sorted = leaves.sorted { $0.key < $1.key }.map {
            Leaf(path: $0.key, value: $0.value.value, source: $0.value.source, at: $0.value.at, messageID: $0.value.messageID)
        }
        try container.encode(sorted, forKey: .traits)
        try container.encodeIfPresent(firstSeen, forKey: .firstSeen)
        try container.encodeIfPresent(lastSeen, forKey: .lastSeen)
    }
}
