import Foundation

/// How long data is kept. Absent values keep data forever.
///
/// ```yaml
/// retention: {events: 400d, inactive_profiles: 3y, dead_letters: 90d, runs: 180d}
/// ```
public struct RetentionSettings: Sendable, Hashable, Decodable, SchemaDescribed {
    /// Events older than this are deleted (seconds).
    public var events: TimeInterval?
    /// Profiles without an event for this long are erased (seconds).
    public var inactiveProfiles: TimeInterval?
    /// Dead letters (undeliverable jobs, with their payloads) older than this are deleted (seconds).
    public var deadLetters: TimeInterval?
    /// Finished runs of the run history older than this are deleted (seconds); the latest run of each name stays.
    public var runs: TimeInterval?

    public init(
        events: TimeInterval? = nil, inactiveProfiles: TimeInterval? = nil, deadLetters: TimeInterval? = nil,
        runs: TimeInterval? = nil
    ) {
        self.events = events
        self.inactiveProfiles = inactiveProfiles
        self.deadLetters = deadLetters
        self.runs = runs
    }

    /// `true` when no period is set: everything is kept.
    public var keepsEverything: Bool { events == nil && inactiveProfiles == nil && deadLetters == nil && runs == nil }

    private enum CodingKeys: String, CodingKey {
        case events
        case inactiveProfiles = "inactive_profiles"
        case deadLetters = "dead_letters"
        case runs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            events: try container.decodeDurationIfPresent(forKey: .events),
            inactiveProfiles: try container.decodeDurationIfPresent(forKey: .inactiveProfiles),
            deadLetters: try container.decodeDurationIfPresent(forKey: .deadLetters),
            runs: try container.decodeDurationIfPresent(forKey: .runs))
    }

    public static let schema: Schema = .object([
        "events": Property(.duration, "Delete events older than this, e.g. 400d"),
        "inactive_profiles": Property(.duration, "Erase profiles inactive for this long, e.g. 3y"),
        "dead_letters": Property(.duration, "Delete dead letters (undeliverable jobs) older than this, e.g. 90d"),
        "runs": Property(.duration, "Delete run history older than this (the latest run of each sync stays), e.g. 180d"),
    ], description: "Data retention; absent values keep data forever")
}
