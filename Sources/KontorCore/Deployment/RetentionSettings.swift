import Foundation

/// How long data is kept. Absent values keep data forever.
///
/// ```yaml
/// retention: {events: 400d, inactive_profiles: 3y}
/// ```
public struct RetentionSettings: Sendable, Hashable, Decodable, SchemaDescribed {
    /// Events older than this are deleted (seconds).
    public var events: TimeInterval?
    /// Profiles without an event for this long are erased (seconds).
    public var inactiveProfiles: TimeInterval?

    public init(events: TimeInterval? = nil, inactiveProfiles: TimeInterval? = nil) {
        self.events = events
        self.inactiveProfiles = inactiveProfiles
    }

    private enum CodingKeys: String, CodingKey {
        case events
        case inactiveProfiles = "inactive_profiles"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            events: try container.decodeDurationIfPresent(forKey: .events),
            inactiveProfiles: try container.decodeDurationIfPresent(forKey: .inactiveProfiles))
    }

    public static let schema: Schema = .object([
        "events": Property(.duration, "Delete events older than this, e.g. 400d"),
        "inactive_profiles": Property(.duration, "Erase profiles inactive for this long, e.g. 3y"),
    ], description: "Data retention; absent values keep data forever")
}
